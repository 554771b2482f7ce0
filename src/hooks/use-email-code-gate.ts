import { useCallback, useRef, useState } from 'react';
import type { SendEmailCodeResult } from '../core/adapter';
import { isCodeError } from '../core/errors';
import type { TwoFactorError } from '../core/errors';
import { DEFAULT_CODE_LENGTH, resolveCodeLength } from '../core/machine';
import { sanitizeCode } from '../core/code';
import { deadlineFromNow, secondsRemaining } from '../core/time';
import { useTwoFactorAdapter } from './context';
import { createCodeInputProps, createFormProps } from './prop-getters';
import { isSendEmailCodeResult } from '../core/results';
import { useCountdown } from './use-countdown';
import { useDeferredEffect } from './use-deferred-effect';
import { useRequest } from './use-request';
import type { CodeInputHandlers, EmailCodeGateState, FormHandlers, UseEmailCodeGateOptions } from './types';

/**
 * The email step-up: sends a code to the account email once when it mounts (also under
 * StrictMode), then verifies what the user types. Settings stay locked until `status` is
 * `verified`.
 * @example
 * const gate = useEmailCodeGate({ onVerified: () => setUnlocked(true) });
 * <form {...gate.getFormProps()}>
 *   <label htmlFor="email-code">Verification code</label>
 *   <input id="email-code" {...gate.getCodeInputProps()} />
 *   <button type="submit" aria-disabled={gate.status === 'verifying'}>Verify</button>
 * </form>
 */
export function useEmailCodeGate(options: UseEmailCodeGateOptions = {}): EmailCodeGateState {
  const adapter = useTwoFactorAdapter(options.adapter, 'useEmailCodeGate');
  const sendOnMount = options.sendOnMount ?? true;

  const [maskedEmail, setMaskedEmail] = useState<string | null>(null);
  const [codeLength, setCodeLength] = useState(DEFAULT_CODE_LENGTH);
  const [code, setCodeState] = useState('');
  const [error, setError] = useState<TwoFactorError | null>(null);
  const [fieldError, setFieldError] = useState<EmailCodeGateState['fieldError']>(null);
  const [attemptsRemaining, setAttemptsRemaining] = useState<number | null>(null);
  const [hasSent, setHasSent] = useState(false);
  const [isVerified, setIsVerified] = useState(false);
  const [resendDeadline, setResendDeadline] = useState<number | null>(null);

  // Refs mirror what the guards read, so two calls in one tick (double click, Enter repeat) see
  // each other without waiting for a render.
  const codeRef = useRef(code);
  const codeLengthRef = useRef(codeLength);
  const resendDeadlineRef = useRef(resendDeadline);
  const verifiedRef = useRef(false);
  const mountSendStartedRef = useRef(false);
  const onVerifiedRef = useRef(options.onVerified);
  onVerifiedRef.current = options.onVerified;

  const reportError = (failure: TwoFactorError) => options.onError?.({ error: failure });
  const sendRequest = useRequest<void, SendEmailCodeResult>((_args, signal) => adapter.sendEmailCode({ signal }), {
    timeoutMs: options.timeoutMs,
    onError: reportError,
    isValidResult: isSendEmailCodeResult,
  });
  const verifyRequest = useRequest<string, void>((value, signal) => adapter.verifyEmailCode({ code: value, signal }), {
    timeoutMs: options.timeoutMs,
    onError: reportError,
  });
  const { run: runSend, isInFlight: isSendInFlight } = sendRequest;
  const { run: runVerify, abort: abortVerify, isInFlight: isVerifyInFlight } = verifyRequest;

  const applyCode = useCallback((next: string) => {
    codeRef.current = next;
    setCodeState(next);
    setFieldError(null);
  }, []);

  const setCode = useCallback(
    (value: string) => {
      const next = sanitizeCode(value, codeLengthRef.current);
      if (next === codeRef.current) return;
      applyCode(next);
      setError(null);
    },
    [applyCode],
  );

  const setDeadline = useCallback((deadline: number | null) => {
    resendDeadlineRef.current = deadline;
    setResendDeadline(deadline);
  }, []);

  const send = useCallback(() => {
    if (verifiedRef.current || isSendInFlight()) return;
    // A new code voids the old one: a verify of the old code still in flight is superseded.
    abortVerify();
    setError(null);
    void runSend(undefined, {
      onSuccess: (result) => {
        const length = resolveCodeLength(result.codeLength);
        codeLengthRef.current = length;
        setCodeLength(length);
        // A clean field for the new code.
        applyCode('');
        setMaskedEmail(result.maskedEmail);
        // A new code comes with a new allowance of attempts.
        setAttemptsRemaining(null);
        setHasSent(true);
        setDeadline(result.resendAfterSeconds ? deadlineFromNow(result.resendAfterSeconds) : null);
      },
      onError: (failure) => {
        setError(failure);
        if (failure.retryAfterSeconds) setDeadline(deadlineFromNow(failure.retryAfterSeconds));
      },
    });
  }, [runSend, isSendInFlight, abortVerify, applyCode, setDeadline]);

  useDeferredEffect(() => {
    if (!sendOnMount || mountSendStartedRef.current) return;
    mountSendStartedRef.current = true;
    send();
  }, []);

  const resend = useCallback(() => {
    if (secondsRemaining(resendDeadlineRef.current) > 0) return;
    send();
  }, [send]);

  const verify = useCallback(() => {
    const value = codeRef.current;
    if (verifiedRef.current || isVerifyInFlight()) return;
    if (value.length !== codeLengthRef.current) {
      // Said on the field rather than ignored; it costs no attempt.
      setFieldError('incomplete');
      return;
    }
    void runVerify(value, {
      onSuccess: () => {
        verifiedRef.current = true;
        setIsVerified(true);
        setError(null);
        onVerifiedRef.current?.();
      },
      onError: (failure) => {
        // The typed code stays: the user may only need to fix one digit.
        setError(failure);
        if (failure.code === 'invalid_code' && failure.attemptsRemaining !== undefined) {
          setAttemptsRemaining(failure.attemptsRemaining);
        }
      },
    });
  }, [runVerify, isVerifyInFlight]);

  const resendSecondsRemaining = useCountdown(resendDeadline);
  const isSending = sendRequest.status === 'pending';

  let status: EmailCodeGateState['status'];
  if (isVerified) status = 'verified';
  else if (verifyRequest.status === 'pending') status = 'verifying';
  else if (!hasSent && (isSending || (sendOnMount && sendRequest.status === 'idle'))) status = 'sending';
  else if (!hasSent && sendRequest.status === 'error') status = 'send-failed';
  else status = 'awaiting-code';

  const getCodeInputProps = (handlers?: CodeInputHandlers) =>
    createCodeInputProps(
      {
        code,
        codeLength,
        setCode,
        invalid: fieldError !== null || (error !== null && isCodeError(error.code)),
        name: 'email-code',
      },
      handlers,
    );
  const getFormProps = (handlers?: FormHandlers) => createFormProps(verify, handlers);

  return {
    status,
    maskedEmail,
    codeLength,
    code,
    setCode,
    verify,
    resend,
    resendSecondsRemaining,
    attemptsRemaining,
    error,
    fieldError,
    isResending: hasSent && isSending,
    isVerified,
    isCodeComplete: code.length === codeLength,
    getCodeInputProps,
    getFormProps,
  };
}

