import { useCallback, useEffect, useRef, useState } from './react';
import { canRequestCode, codeEntryTransition, createCodeEntryState, isCodeComplete } from '../core/code-entry';
import type { CodeChannel, CodeEntryEvent, CodeEntryInit, CodeEntryState } from '../core/code-entry';
import { isCodeError } from '../core/errors';
import type { TwoFactorError } from '../core/errors';
import { createCodeInputProps, createFormProps } from './prop-getters';
import { useCountdown } from './use-countdown';
import { useRequest } from './use-request';
import type { CodeInputHandlers, CodeInputProps, CodeVerificationState, FormHandlers } from './types';

/** What a send must resolve with, at least. */
export interface CodeSendResult {
  codeLength?: number;
  resendAfterSeconds?: number;
}

/** Options of the internal code-entry hook. */
export interface UseCodeEntryOptions<TSent extends CodeSendResult, TVerified> {
  /** How the entry starts (read once, on mount). */
  init: CodeEntryInit;
  /** Asks the adapter for a code on `channel`. */
  send: (channel: CodeChannel, signal: AbortSignal) => Promise<TSent>;
  /** Asks the adapter to check `code`. */
  verify: (code: string, signal: AbortSignal) => Promise<TVerified>;
  /** Result guards (a malformed result is an `unknown` failure). */
  isValidSendResult?: (value: unknown) => boolean;
  isValidVerifyResult?: (value: unknown) => boolean;
  /** Adapter-call timeout. */
  timeoutMs?: number;
  /** Every failure shown, for the host's `onError` (already sanitised by `useRequest`). */
  onError?: (error: TwoFactorError) => void;
  /** A send was applied; `state` is the entry with the new code's delivery. */
  onSent?: (result: TSent, channel: CodeChannel, state: CodeEntryState) => void;
  /** The code was accepted; called once. */
  onVerified?: (result: TVerified) => void;
  /** A verify started or ended (the wizard blocks leaving meanwhile). */
  onVerifyingChange?: (verifying: boolean) => void;
  /** `name` of the code input. */
  inputName: string;
}

/**
 * The fields both code steps (`EmailCodeGateState`, `CodeVerificationState`) return as they are:
 * built here once, so the two steps cannot drift apart (typed, with their docs, by the public state).
 */
export type CodeEntryFields = Pick<
  CodeVerificationState,
  | 'codeLength'
  | 'code'
  | 'setCode'
  | 'verify'
  | 'resendSecondsRemaining'
  | 'attemptsRemaining'
  | 'error'
  | 'fieldError'
  | 'isCodeComplete'
  | 'isVerifying'
  | 'isLocked'
  | 'canResend'
  | 'getCodeInputProps'
  | 'getFormProps'
>;

export interface CodeEntry {
  /** The engine's state. */
  state: CodeEntryState;
  /** What both steps return from it, unchanged. */
  fields: CodeEntryFields;
  /** Asks for a new code on `channel`; does nothing while verifying, sending or cooling down. */
  requestCode: (channel: CodeChannel) => void;
  /** Synchronous: a verify is in flight right now (for guards that cannot wait for a render). */
  isVerifyInFlight: () => boolean;
}

/**
 * The React side of the code-entry engine (`src/core/code-entry.ts`): holds its state, applies
 * every event synchronously through a ref (so two intents in one tick see each other), starts the
 * adapter call a transition asks for, and feeds the outcome back with its sequence number.
 * `useEmailCodeGate` and `useCodeVerification` are thin layers over it.
 */
export function useCodeEntry<TSent extends CodeSendResult, TVerified>(
  options: UseCodeEntryOptions<TSent, TVerified>,
): CodeEntry {
  const [state, setState] = useState(() => createCodeEntryState(options.init));
  const stateRef = useRef(state);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const { run: runSend } = useRequest<CodeChannel, TSent>((channel, signal) => optionsRef.current.send(channel, signal), {
    timeoutMs: options.timeoutMs,
    onError: options.onError,
    isValidResult: options.isValidSendResult,
  });
  const { run: runVerify } = useRequest<string, TVerified>((code, signal) => optionsRef.current.verify(code, signal), {
    timeoutMs: options.timeoutMs,
    onError: options.onError,
    isValidResult: options.isValidVerifyResult,
  });

  // Declared through a ref so the effects below can dispatch the outcomes of what they start.
  const dispatchRef = useRef<(event: CodeEntryEvent) => CodeEntryState>(() => stateRef.current);

  // Outcomes are dispatched from the request's handlers, in the same tick as its own status
  // update, so React batches them; an abort (unmount) or a skipped start is read from the promise.
  const startVerify = useCallback(
    (seq: number, code: string) =>
      void runVerify(code, {
        onSuccess: (data) => {
          const before = stateRef.current;
          if (dispatchRef.current({ type: 'VERIFY.ACCEPTED', seq }) !== before) optionsRef.current.onVerified?.(data);
        },
        onError: (error) => void dispatchRef.current({ type: 'VERIFY.REJECTED', seq, error }),
      }).then(({ type }) => type === 'aborted' || type === 'skipped' ? dispatchRef.current({ type: 'VERIFY.ABORTED', seq }) : undefined),
    [runVerify],
  );

  const startSend = useCallback(
    (seq: number, channel: CodeChannel) =>
      void runSend(channel, {
        onSuccess: (data) => {
          const before = stateRef.current;
          const after = dispatchRef.current({
            type: 'DELIVERY.SENT',
            seq,
            now: Date.now(),
            codeLength: data.codeLength,
            resendAfterSeconds: data.resendAfterSeconds,
          });
          if (after !== before) optionsRef.current.onSent?.(data, channel, after);
        },
        onError: (error) => void dispatchRef.current({ type: 'DELIVERY.FAILED', seq, error, now: Date.now() }),
      }).then(({ type }) => type === 'aborted' || type === 'skipped' ? dispatchRef.current({ type: 'DELIVERY.ABORTED', seq }) : undefined),
    [runSend],
  );

  const dispatch = useCallback(
    (event: CodeEntryEvent): CodeEntryState => {
      const previous = stateRef.current;
      const next = codeEntryTransition(previous, event);
      if (next === previous) return previous;
      stateRef.current = next;
      setState(next);
      // Effects the transition asked for: a new verify, a new send.
      if (next.verification !== null && next.verification !== previous.verification) {
        startVerify(next.verification.seq, next.verification.code);
      }
      if (next.delivery.status === 'sending' && next.delivery.seq !== previous.delivery.seq) {
        startSend(next.delivery.seq, next.delivery.channel);
      }
      return next;
    },
    [startVerify, startSend],
  );
  dispatchRef.current = dispatch;

  const setCode = useCallback((value: string) => void dispatch({ type: 'CODE.CHANGE', value }), [dispatch]);
  const verify = useCallback(() => void dispatch({ type: 'CODE.SUBMIT' }), [dispatch]);
  const requestCode = useCallback(
    (channel: CodeChannel) => void dispatch({ type: 'DELIVERY.REQUEST', channel, now: Date.now() }),
    [dispatch],
  );
  const isVerifyInFlight = useCallback(() => stateRef.current.phase === 'verifying', []);

  const isVerifying = state.phase === 'verifying';
  const reportedVerifyingRef = useRef(false);
  useEffect(() => {
    if (reportedVerifyingRef.current === isVerifying) return;
    reportedVerifyingRef.current = isVerifying;
    optionsRef.current.onVerifyingChange?.(isVerifying);
  }, [isVerifying]);

  const resendSecondsRemaining = useCountdown(state.resendAt);

  const getCodeInputProps = (handlers?: CodeInputHandlers): CodeInputProps => {
    const props = createCodeInputProps(
      {
        code: state.code,
        codeLength: state.codeLength,
        setCode,
        invalid: state.fieldError !== null || (state.error !== null && isCodeError(state.error.code)),
        name: options.inputName,
      },
      handlers,
    );
    // After a lockout nothing typed can be sent; the field says so by being disabled.
    if (state.phase === 'locked') props.disabled = true;
    return props;
  };
  const getFormProps = (handlers?: FormHandlers) => createFormProps(verify, handlers);

  return {
    state,
    fields: {
      codeLength: state.codeLength,
      code: state.code,
      setCode,
      verify,
      resendSecondsRemaining,
      attemptsRemaining: state.attemptsRemaining,
      error: state.error,
      fieldError: state.fieldError,
      isCodeComplete: isCodeComplete(state),
      isVerifying,
      isLocked: state.phase === 'locked',
      canResend: resendSecondsRemaining === 0 && canRequestCode(state, Date.now()),
      getCodeInputProps,
      getFormProps,
    },
    requestCode,
    isVerifyInFlight,
  };
}

