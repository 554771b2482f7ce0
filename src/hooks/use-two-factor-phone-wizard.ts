import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { TwoFactorAdapter, TwoFactorStatus } from '../core/adapter';
import { TwoFactorError, toHostError } from '../core/errors';
import { initialWizardState, transition } from '../core/machine';
import type { WizardEvent, WizardState } from '../core/machine';
import { useTwoFactorAdapter } from './context';
import { isTwoFactorStatus } from '../core/results';
import { useDeferredEffect } from './use-deferred-effect';
import { useRequest } from './use-request';
import type { PhoneCodeSentDetails, TwoFactorPhoneWizardState, UseTwoFactorPhoneWizardOptions } from './types';

/** How long an email verification is fresh enough to remove the current phone or disable 2FA. */
export const DEFAULT_REVERIFY_AFTER_MS = 20 * 60 * 1000;

/** The freshness window to apply: the default for anything that is not a number ≥ 0. */
function resolveReverifyAfterMs(value: number | undefined): number {
  return typeof value === 'number' && !Number.isNaN(value) && value >= 0 ? value : DEFAULT_REVERIFY_AFTER_MS;
}

/**
 * The whole flow as one headless hook: owns the wizard machine, loads the 2FA status when the
 * section needs it, and hands each step handlers that turn its outcome into the next step, plus
 * the adapter to call (`wizard.adapter`: yours, with the `reverifyAfterMs` check before
 * `resetPhone`). Callbacks never receive a code or the recovery code.
 * @example
 * const wizard = useTwoFactorPhoneWizard({ adapter, onComplete: () => navigate('/dashboard') });
 * const { adapter: stepAdapter, handlers } = wizard;
 * switch (wizard.state.step) {
 *   case 'email-gate':
 *     return <EmailCodeGate adapter={stepAdapter} onVerified={handlers.onEmailVerified} onError={handlers.onStepError} />;
 *   // …one case per step
 * }
 */
export function useTwoFactorPhoneWizard(options: UseTwoFactorPhoneWizardOptions): TwoFactorPhoneWizardState {
  const adapter = useTwoFactorAdapter(options.adapter, 'useTwoFactorPhoneWizard');
  const [state, dispatch] = useReducer(transition, initialWizardState);

  const stateRef = useRef(state);
  stateRef.current = state;
  const optionsRef = useRef(options);
  optionsRef.current = options;

  // Wall-clock time (epoch ms) of the last email verification: a removal of the 2FA phone needs a
  // recent one, however long the user has spent on the section since.
  const verifiedAtRef = useRef<number | null>(null);
  // The number of the last send from phone entry, so a re-verification resumes with it filled in.
  const sendingNumberRef = useRef<string | null>(null);

  const isStepUpStale = useCallback((): boolean => {
    const verifiedAt = verifiedAtRef.current;
    if (verifiedAt === null) return true;
    return Date.now() - verifiedAt > resolveReverifyAfterMs(optionsRef.current.reverifyAfterMs);
  }, []);

  /** Every event goes through here, so a verification is timed whoever reports it. */
  const apply = useCallback((event: WizardEvent) => {
    if (event.type === 'EMAIL.VERIFIED' && stateRef.current.step === 'email-gate') verifiedAtRef.current = Date.now();
    dispatch(event);
  }, []);

  const requireReverification = useCallback(() => {
    const current = stateRef.current;
    const phoneNumber = current.step === 'phone-entry' ? (sendingNumberRef.current ?? undefined) : undefined;
    dispatch({ type: 'REVERIFICATION.REQUIRED', phoneNumber });
  }, []);

  const reportError = useCallback(
    (error: TwoFactorError) => {
      // `onStepError` is public, so a host's own step may pass an adapter's raw error here.
      optionsRef.current.onError?.({ error: toHostError(error) });
      // The backend wants a fresh step-up: back to the email gate, resuming here afterwards.
      if (error.code === 'reverification_required') requireReverification();
    },
    [requireReverification],
  );

  // What the steps call. Methods are wrapped one by one (not spread) so an adapter written as a
  // class keeps its `this`.
  const stepAdapter = useMemo<TwoFactorAdapter>(() => {
    const disable = adapter.disableTwoFactor;
    return {
      sendEmailCode: (request) => adapter.sendEmailCode(request),
      verifyEmailCode: (request) => adapter.verifyEmailCode(request),
      getTwoFactorStatus: (request) => adapter.getTwoFactorStatus(request),
      resetPhone: (request) => {
        // Checked at the last moment: the confirmation may have stood open for a long time.
        if (isStepUpStale()) {
          return Promise.reject(
            new TwoFactorError('reverification_required', {
              message: 'The email verification is older than `reverifyAfterMs`',
            }),
          );
        }
        return adapter.resetPhone ? adapter.resetPhone(request) : Promise.resolve();
      },
      sendPhoneCode: (request) => {
        sendingNumberRef.current = request.phoneNumber;
        return adapter.sendPhoneCode(request);
      },
      verifyPhoneCode: (request) => adapter.verifyPhoneCode(request),
      ...(disable ? { disableTwoFactor: (request) => disable.call(adapter, request) } : {}),
    };
  }, [adapter, isStepUpStale]);

  // A newer load (reload, re-entry after re-verification) supersedes an older one.
  const statusRequest = useRequest<void, TwoFactorStatus>((_args, signal) => adapter.getTwoFactorStatus({ signal }), {
    supersede: true,
    timeoutMs: options.timeoutMs,
    isValidResult: isTwoFactorStatus,
  });
  const disableRequest = useRequest<void, void>(
    (_args, signal) => (adapter.disableTwoFactor ? adapter.disableTwoFactor({ signal }) : Promise.resolve()),
    { timeoutMs: options.timeoutMs },
  );
  const { run: runStatus, abort: abortStatus } = statusRequest;
  const { run: runDisable, abort: abortDisable } = disableRequest;

  // The section's loading state object itself: each entry into loading is a new object, and an
  // event that does not apply returns the same one, so this changes exactly once per entry.
  const loadingState = state.step === 'section' && state.status === 'loading' ? state : null;

  useDeferredEffect(() => {
    if (loadingState === null) return;
    void runStatus(undefined, {
      onSuccess: (twoFactorStatus) => dispatch({ type: 'STATUS.LOADED', twoFactorStatus }),
      onError: (error) => {
        if (error.code !== 'reverification_required') dispatch({ type: 'STATUS.FAILED' });
        reportError(error);
      },
    });
  }, [loadingState]);

  // Leaving the loading state (re-verification, unmount aside) abandons its load.
  useEffect(() => {
    if (loadingState === null) abortStatus();
  }, [loadingState, abortStatus]);

  // Leaving the section abandons a disable in flight.
  const isSection = state.step === 'section';
  useEffect(() => {
    if (!isSection) abortDisable();
  }, [isSection, abortDisable]);

  // Step changes, reported by name only. The ref makes StrictMode's second effect run a no-op.
  const reportedStepRef = useRef(state.step);
  useEffect(() => {
    if (reportedStepRef.current === state.step) return;
    reportedStepRef.current = state.step;
    optionsRef.current.onStepChange?.({ step: state.step });
  }, [state.step]);

  const send = apply;

  const reloadStatus = useCallback(() => dispatch({ type: 'STATUS.RELOAD' }), []);

  const disableTwoFactor = useCallback(() => {
    const current = stateRef.current;
    if (current.step !== 'section' || !current.twoFactorStatus?.canDisable || !adapter.disableTwoFactor) return;
    // Turning 2FA off weakens the account at least as much as removing the phone: same window.
    if (isStepUpStale()) {
      requireReverification();
      return;
    }
    void runDisable(undefined, {
      onSuccess: () => dispatch({ type: 'TWO_FACTOR.DISABLED' }),
      onError: reportError,
    });
  }, [adapter, runDisable, reportError, isStepUpStale, requireReverification]);

  const cancel = useCallback(() => {
    abortStatus();
    abortDisable();
    optionsRef.current.onCancel?.();
  }, [abortStatus, abortDisable]);

  const handlers = useMemo<TwoFactorPhoneWizardState['handlers']>(
    () => ({
      onEmailVerified: () => apply({ type: 'EMAIL.VERIFIED' }),
      onEdit: () => dispatch({ type: 'SECTION.EDIT' }),
      onCloseEdit: () => dispatch({ type: 'SECTION.CLOSE' }),
      onResetRequest: () => {
        const current = stateRef.current;
        if (transition(current, { type: 'RESET.OPEN' }) === current) return;
        // An old verification re-locks before the destructive step, not only when it is confirmed.
        if (isStepUpStale()) requireReverification();
        else dispatch({ type: 'RESET.OPEN' });
      },
      onDisableRequest: () => {
        const current = stateRef.current;
        if (current.step !== 'section' || current.status !== 'editing' || !current.twoFactorStatus?.canDisable) return false;
        // As for Reset: an old verification re-locks before the confirmation, not only after it.
        if (!isStepUpStale()) return true;
        requireReverification();
        return false;
      },
      onResetCancel: () => dispatch({ type: 'RESET.CANCEL' }),
      onResetDone: () => dispatch({ type: 'RESET.DONE' }),
      onAddPhone: () => dispatch({ type: 'PHONE.ADD' }),
      onCodeSent: (details: PhoneCodeSentDetails) => dispatch({ ...details, type: 'PHONE_CODE.SENT', now: Date.now() }),
      onChangeNumber: () => dispatch({ type: 'PHONE.CHANGE' }),
      onPhoneVerified: (result: { recoveryCode: string }) =>
        dispatch({ type: 'PHONE_CODE.VERIFIED', recoveryCode: result.recoveryCode }),
      onFinish: () => {
        // Read from the ref, not the render: a double Finish must not complete twice.
        if (stateRef.current.step !== 'recovery-code') return;
        stateRef.current = transition(stateRef.current, { type: 'RECOVERY.FINISH' });
        dispatch({ type: 'RECOVERY.FINISH' });
        optionsRef.current.onComplete?.();
      },
      onStepError: ({ error }: { error: TwoFactorError }) => reportError(error),
    }),
    [apply, isStepUpStale, requireReverification, reportError],
  );

  const disableStatus: TwoFactorPhoneWizardState['disableStatus'] =
    disableRequest.status === 'pending' ? 'pending' : disableRequest.status === 'error' ? 'error' : 'idle';

  return {
    state,
    adapter: stepAdapter,
    send,
    cancel,
    reloadStatus,
    disableTwoFactor,
    disableStatus,
    error: latestError(state, statusRequest.error, disableRequest.error),
    handlers,
  };
}

/** The error worth showing for the wizard's own calls in the current state. */
function latestError(
  state: WizardState,
  statusError: TwoFactorError | null,
  disableError: TwoFactorError | null,
): TwoFactorError | null {
  if (state.step !== 'section') return null;
  return disableError ?? (state.status === 'error' ? statusError : null);
}
