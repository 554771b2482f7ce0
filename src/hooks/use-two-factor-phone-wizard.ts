import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from './react';
import type { AdapterMethod, AdapterRequest, TwoFactorAdapter } from '../core/adapter';
import { TwoFactorError, toHostError } from '../core/errors';
import { grantStepUp, initialWizardState, isStepUpFresh, replacesCurrentPhone, transition } from '../core/machine';
import type { WizardEvent, WizardState } from '../core/machine';
import { useTwoFactorAdapter } from './context';
import { useDeferredEffect } from './use-deferred-effect';
import { useSectionRequests } from './use-two-factor-section';
import type { PhoneCodeSentDetails, TwoFactorPhoneWizardState, UseTwoFactorPhoneWizardOptions } from './types';

/** How long an email verification is fresh enough to replace the current phone or disable 2FA. */
export const DEFAULT_REVERIFY_AFTER_MS = 20 * 60 * 1000;

/**
 * Internal (not exported from the package): the options key by which the styled wizard, whose
 * first screen runs the opening check and the email gate itself, hands this hook the state that
 * screen led to (past the gate). The hook starts there, and reports that step change on mount. A
 * symbol: no host sets it by accident.
 */
export const WIZARD_HANDOVER: unique symbol = Symbol('handover');

/** The adapter methods the steps call unchanged (through `wizard.adapter`). */
const FORWARDED_METHODS = ['sendEmailCode', 'verifyEmailCode', 'getTwoFactorStatus', 'acknowledgeRecoveryCode', 'disableTwoFactor'] as const;
type ForwardedMethod = (request: AdapterRequest) => Promise<unknown>;

/** The hook's options as the styled wizard passes them. */
export type InternalWizardOptions = UseTwoFactorPhoneWizardOptions & { [WIZARD_HANDOVER]?: WizardState };

/** The freshness window to apply: the default for anything that is not a number ≥ 0. */
export function resolveReverifyAfterMs(value: number | undefined): number {
  // `NaN >= 0` is false, so NaN takes the default too.
  return typeof value === 'number' && value >= 0 ? value : DEFAULT_REVERIFY_AFTER_MS;
}

/**
 * The whole flow as one headless hook: owns the wizard machine (including the step-up grant),
 * asks the backend on mount whether an earlier step-up is still fresh (a status read; only a
 * `reverification_required` answer locks the flow and sends an email), loads the 2FA status when
 * the section needs it, runs Disable once confirmed, and hands each step handlers that turn its
 * outcome into the next step, plus the adapter to call (`wizard.adapter`: yours, with the
 * wizard's additions — `replacesCurrent` on verify from the machine, the freshness check before
 * `resetPhone`). Callbacks never receive a code or the recovery code.
 * @example
 * const wizard = useTwoFactorPhoneWizard({ adapter, onComplete: ({ maskedNumber }) => toast(`2FA now uses ${maskedNumber}`) });
 * const { adapter: stepAdapter, handlers, state } = wizard;
 * switch (state.step) {
 *   case 'email-code-gate':
 *     return state.status === 'checking' ? <p>Loading…</p> : <EmailCodeGate adapter={stepAdapter} onVerified={handlers.onEmailVerified} onError={handlers.onStepError} />;
 *   // …one case per step
 * }
 */
export function useTwoFactorPhoneWizard(options: UseTwoFactorPhoneWizardOptions): TwoFactorPhoneWizardState {
  const adapter = useTwoFactorAdapter(options.adapter, 'useTwoFactorPhoneWizard');
  const handover = (options as InternalWizardOptions)[WIZARD_HANDOVER];
  const [state, dispatch] = useReducer(transition, handover ?? initialWizardState);
  const resetTiming = options.resetTiming === 'immediate' ? 'immediate' : 'on-verify';

  const stateRef = useRef(state);
  stateRef.current = state;
  const optionsRef = useRef(options);
  optionsRef.current = options;

  /** A step-up starting now, for the window the host set. */
  const grantNow = useCallback(
    () => grantStepUp(Date.now(), resolveReverifyAfterMs(optionsRef.current.reverifyAfterMs)),
    [],
  );

  const reportError = useCallback((error: TwoFactorError) => {
    // `onStepError` is public, so a host's own step may pass an adapter's raw error here.
    optionsRef.current.onError?.({ error: toHostError(error) });
    // The backend wants a fresh step-up: back to the email gate, resuming here afterwards.
    if (error.code === 'reverification_required') dispatch({ type: 'REVERIFICATION.REQUIRED' });
  }, []);

  // A verify the backend may have accepted must reach the recovery step: while one is in flight,
  // leaving (Cancel) is unavailable. Counted here, where every verify passes, and read
  // synchronously by `cancel`.
  const verifyInFlightRef = useRef(0);
  const [isVerifyInFlight, setVerifyInFlight] = useState(false);

  // What the steps call: the adapter's methods as they are, plus the wizard's additions below.
  // Forwarded one by one (not spread) so an adapter written as a class keeps its `this`; the
  // optional ones only when the adapter has them.
  const stepAdapter = useMemo<TwoFactorAdapter>(() => {
    const forwarded: Partial<Record<AdapterMethod, ForwardedMethod>> = {};
    for (const name of FORWARDED_METHODS) {
      if (adapter[name]) forwarded[name] = (request: AdapterRequest) => (adapter[name] as ForwardedMethod).call(adapter, request);
    }
    return {
      ...(forwarded as Pick<TwoFactorAdapter, (typeof FORWARDED_METHODS)[number]>),
      resetPhone: (request) => {
        // Checked at the last moment: the confirmation may have stood open for a long time.
        if (!isStepUpFresh(stateRef.current.stepUp, Date.now())) {
          return Promise.reject(
            new TwoFactorError('reverification_required', {
              message: 'The email verification is older than `reverifyAfterMs`',
            }),
          );
        }
        return adapter.resetPhone ? adapter.resetPhone(request) : Promise.resolve();
      },
      sendPhoneCode: (request) => {
        // The number travels in the machine, so a re-verification resumes phone entry with it.
        dispatch({ type: 'PHONE_ENTRY.SENDING', phoneNumber: request.phoneNumber });
        return adapter.sendPhoneCode(request);
      },
      verifyPhoneCode: (request) => {
        const current = stateRef.current;
        // The machine knows what the user confirmed (swap on verify, or a first phone), whatever
        // the step hook passed.
        const replacesCurrent = current.step === 'code-verification' ? replacesCurrentPhone(current.change) : request.replacesCurrent;
        verifyInFlightRef.current += 1;
        setVerifyInFlight(true);
        const settle = () => {
          verifyInFlightRef.current -= 1;
          if (verifyInFlightRef.current === 0) setVerifyInFlight(false);
        };
        const pending = Promise.resolve().then(() => adapter.verifyPhoneCode({ ...request, replacesCurrent }));
        pending.then(settle, settle);
        return pending;
      },
    };
  }, [adapter]);

  // A newer load (reload, re-entry after re-verification) supersedes an older one.
  const [statusRequest, disableRequest] = useSectionRequests(adapter, options.timeoutMs);
  const { run: runStatus, abort: abortStatus } = statusRequest;
  const { run: runDisable, abort: abortDisable, reset: resetDisable } = disableRequest;

  // The states that read the status: the first check (is the step-up still fresh?) and the
  // section's loading. Each entry is a new object, and an event that does not apply returns the
  // same one, so this changes exactly once per entry.
  const statusReader =
    (state.step === 'email-code-gate' && state.status === 'checking') || (state.step === 'two-factor-section' && state.status === 'loading')
      ? state
      : null;

  useDeferredEffect(() => {
    if (statusReader === null) return;
    const isCheck = statusReader.step === 'email-code-gate';
    void runStatus(undefined, {
      onSuccess: (twoFactorStatus) =>
        dispatch(
          isCheck
            ? { type: 'EMAIL_CODE_GATE.STILL_FRESH', twoFactorStatus, grant: grantNow() }
            : { type: 'TWO_FACTOR_SECTION.LOADED', twoFactorStatus },
        ),
      onError: (error) => {
        if (isCheck) {
          // Expected when the step-up is old: the gate takes over, no error to show or report.
          dispatch({ type: 'EMAIL_CODE_GATE.CHECK_FAILED' });
          if (error.code !== 'reverification_required') optionsRef.current.onError?.({ error: toHostError(error) });
          return;
        }
        if (error.code !== 'reverification_required') dispatch({ type: 'TWO_FACTOR_SECTION.LOAD_FAILED' });
        reportError(error);
      },
    });
  }, [statusReader]);

  // Leaving the reading states (re-verification, unmount aside) abandons the read.
  useEffect(() => {
    if (statusReader === null) abortStatus();
  }, [statusReader, abortStatus]);

  // Disable runs while the section is in `disabling`, entered once the user confirmed.
  const disablingState = state.step === 'two-factor-section' && state.status === 'disabling' ? state : null;
  useDeferredEffect(() => {
    if (disablingState === null) return;
    void runDisable(undefined, {
      onSuccess: () => dispatch({ type: 'TWO_FACTOR_SECTION.DISABLED' }),
      onError: (error) => {
        if (error.code !== 'reverification_required') dispatch({ type: 'TWO_FACTOR_SECTION.DISABLE_FAILED' });
        reportError(error);
      },
    });
  }, [disablingState]);

  // Leaving the section abandons a disable in flight.
  const isSection = state.step === 'two-factor-section';
  useEffect(() => {
    if (!isSection) abortDisable();
  }, [isSection, abortDisable]);

  // The recovery code leaves memory on Finish, not only the screen: React keeps the previous
  // render's state and elements on each component's alternate fiber until the next render, so
  // one more render after reaching `done` replaces the last copies that still held it.
  const [, renderAgain] = useReducer((count: number) => count + 1, 0);
  const isDone = state.step === 'done';
  useEffect(() => {
    if (isDone) renderAgain();
  }, [isDone]);

  // Step changes, reported by name only. The ref makes StrictMode's second effect run a no-op.
  // Handed over by the styled wizard's first screen, the hook starts past the gate: that step
  // change is reported on mount.
  const reportedStepRef = useRef<WizardState['step']>(handover ? 'email-code-gate' : state.step);
  useEffect(() => {
    if (reportedStepRef.current === state.step) return;
    reportedStepRef.current = state.step;
    optionsRef.current.onStepChange?.({ step: state.step });
  }, [state.step]);

  const reloadStatus = useCallback(() => dispatch({ type: 'TWO_FACTOR_SECTION.RELOAD' }), []);

  const supportsDisable = typeof adapter.disableTwoFactor === 'function';

  const disableTwoFactor = useCallback(() => {
    const current = stateRef.current;
    if (current.step !== 'two-factor-section' || !supportsDisable) return;
    // Turning 2FA off weakens the account at least as much as removing the phone: same window.
    dispatch({ type: isStepUpFresh(current.stepUp, Date.now()) ? 'TWO_FACTOR_SECTION.DISABLE_CONFIRM' : 'REVERIFICATION.REQUIRED' });
  }, [supportsDisable]);

  const cancel = useCallback(() => {
    // A verify the backend may have accepted must not be dropped (the recovery code would be lost).
    if (verifyInFlightRef.current > 0) return;
    abortStatus();
    abortDisable();
    optionsRef.current.onCancel?.();
  }, [abortStatus, abortDisable]);

  const handlers = useMemo<TwoFactorPhoneWizardState['handlers']>(
    () => ({
      onEmailVerified: () => dispatch({ type: 'EMAIL_CODE_GATE.VERIFIED', grant: grantNow() }),
      onEdit: () => dispatch({ type: 'TWO_FACTOR_SECTION.EDIT' }),
      onCloseEdit: () => dispatch({ type: 'TWO_FACTOR_SECTION.CLOSE' }),
      onResetRequest: () => dispatch({ type: 'TWO_FACTOR_SECTION.RESET', now: Date.now() }),
      onDisableRequest: () => {
        if (!supportsDisable) return false;
        const event: WizardEvent = { type: 'TWO_FACTOR_SECTION.DISABLE_REQUEST', now: Date.now() };
        const next = transition(stateRef.current, event);
        const asks = next.step === 'two-factor-section' && next.status === 'confirming-disable';
        // A new confirmation starts without the last one's failure.
        if (asks) resetDisable();
        dispatch(event);
        return asks;
      },
      onDisableCancel: () => dispatch({ type: 'TWO_FACTOR_SECTION.DISABLE_CANCEL' }),
      onResetCancel: () => dispatch({ type: 'RESET_PHONE.CANCEL' }),
      onResetDone: () => dispatch({ type: resetTiming === 'immediate' ? 'RESET_PHONE.REMOVED' : 'RESET_PHONE.CONFIRMED' }),
      // One handler per user intent; the event is named by the step the user is on.
      onAddPhone: () =>
        dispatch({ type: stateRef.current.step === 'add-phone' ? 'ADD_PHONE.CONTINUE' : 'TWO_FACTOR_SECTION.ADD_PHONE' }),
      onCodeSent: (details: PhoneCodeSentDetails) =>
        dispatch({
          ...details,
          type: stateRef.current.step === 'code-verification' ? 'CODE_VERIFICATION.RESENT' : 'PHONE_ENTRY.SENT',
          now: Date.now(),
        }),
      onChangeNumber: () => dispatch({ type: 'CODE_VERIFICATION.CHANGE_NUMBER' }),
      onPhoneVerified: (result: { recoveryCode: string }) =>
        dispatch({ type: 'CODE_VERIFICATION.VERIFIED', recoveryCode: result.recoveryCode }),
      onFinish: (details?: { maskedNumber?: string }) => {
        // Read from the ref, not the render: a double Finish must not complete twice.
        const current = stateRef.current;
        if (current.step !== 'recovery-code') return;
        const event: WizardEvent = { type: 'RECOVERY_CODE.FINISH', maskedNumber: details?.maskedNumber };
        stateRef.current = transition(current, event);
        dispatch(event);
        // The backend may stop replaying the recovery code now. Not aborted on unmount (Finish
        // often unmounts the wizard), and its failure is nobody's concern: the user has the code.
        try {
          void Promise.resolve(adapter.acknowledgeRecoveryCode?.({ signal: new AbortController().signal })).catch(() => undefined);
        } catch {
          // A synchronous throw is ignored like a rejection.
        }
        optionsRef.current.onComplete?.({ maskedNumber: details?.maskedNumber ?? null });
      },
      onStepError: ({ error }: { error: TwoFactorError }) => reportError(error),
    }),
    [adapter, grantNow, reportError, resetDisable, resetTiming, supportsDisable],
  );

  const disableStatus: TwoFactorPhoneWizardState['disableStatus'] =
    disableRequest.status === 'pending' ? 'pending' : disableRequest.status === 'error' ? 'error' : 'idle';

  return {
    state,
    adapter: stepAdapter,
    // React keeps `dispatch` the same function for the hook's lifetime.
    send: dispatch,
    cancel,
    reloadStatus,
    disableTwoFactor,
    disableStatus,
    error: latestError(state, statusRequest.error, disableRequest.error),
    isLeaveGuarded: isPhoneRemoved(state),
    isVerifyInFlight,
    resetTiming,
    handlers,
  };
}

/** The error worth showing for the wizard's own calls in the current state. */
function latestError(
  state: WizardState,
  statusError: TwoFactorError | null,
  disableError: TwoFactorError | null,
): TwoFactorError | null {
  if (state.step !== 'two-factor-section') return null;
  // A failed disable is explained in its confirmation, and next to Disable once that is closed.
  if ((state.status === 'confirming-disable' || state.status === 'editing') && disableError) return disableError;
  return state.status === 'error' ? statusError : null;
}

/**
 * True while `resetTiming="immediate"` has removed the old phone and the new one is not verified:
 * leaving now would leave the account without a second factor.
 */
function isPhoneRemoved(state: WizardState): boolean {
  const step = state.step === 'email-code-gate' ? state.resume : state;
  // The steps between Reset and verify are the ones that carry a phone change.
  return step !== null && 'change' in step && step.change === 'removed';
}
