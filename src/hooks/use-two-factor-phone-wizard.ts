import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { TwoFactorStatus } from '../core/adapter';
import type { TwoFactorError } from '../core/errors';
import { initialWizardState, transition } from '../core/machine';
import type { WizardEvent, WizardState } from '../core/machine';
import { useTwoFactorAdapter } from './context';
import { useDeferredEffect } from './use-deferred-effect';
import { useRequest } from './use-request';
import type { PhoneCodeSentDetails, TwoFactorPhoneWizardState, UseTwoFactorPhoneWizardOptions } from './types';

/**
 * The whole flow as one headless hook: owns the wizard machine, loads the 2FA status when the
 * section needs it, and hands each step handlers that turn its outcome into the next step.
 * Callbacks never receive a code or the recovery code.
 * @example
 * const wizard = useTwoFactorPhoneWizard({ adapter, onComplete: () => navigate('/dashboard') });
 * switch (wizard.state.step) {
 *   case 'email-gate':
 *     return <EmailCodeGate onVerified={wizard.handlers.onEmailVerified} onError={wizard.handlers.onStepError} />;
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

  const reportError = useCallback((error: TwoFactorError) => {
    optionsRef.current.onError?.({ error });
    // The backend wants a fresh step-up: back to the email gate, resuming here afterwards.
    if (error.code === 'reverification_required') dispatch({ type: 'REVERIFICATION.REQUIRED' });
  }, []);

  // A newer load (reload, re-entry after re-verification) supersedes an older one.
  const statusRequest = useRequest<void, TwoFactorStatus>((_args, signal) => adapter.getTwoFactorStatus({ signal }), {
    supersede: true,
    timeoutMs: options.timeoutMs,
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

  const send = useCallback((event: WizardEvent) => dispatch(event), []);

  const reloadStatus = useCallback(() => dispatch({ type: 'STATUS.RELOAD' }), []);

  const disableTwoFactor = useCallback(() => {
    const current = stateRef.current;
    if (current.step !== 'section' || !current.twoFactorStatus?.canDisable || !adapter.disableTwoFactor) return;
    void runDisable(undefined, {
      onSuccess: () => dispatch({ type: 'TWO_FACTOR.DISABLED' }),
      onError: reportError,
    });
  }, [adapter, runDisable, reportError]);

  const cancel = useCallback(() => {
    abortStatus();
    abortDisable();
    optionsRef.current.onCancel?.();
  }, [abortStatus, abortDisable]);

  const handlers = useMemo<TwoFactorPhoneWizardState['handlers']>(
    () => ({
      onEmailVerified: () => dispatch({ type: 'EMAIL.VERIFIED' }),
      onEdit: () => dispatch({ type: 'SECTION.EDIT' }),
      onCloseEdit: () => dispatch({ type: 'SECTION.CLOSE' }),
      onResetRequest: () => dispatch({ type: 'RESET.OPEN' }),
      onResetCancel: () => dispatch({ type: 'RESET.CANCEL' }),
      onResetDone: () => dispatch({ type: 'RESET.DONE' }),
      onAddPhone: () => dispatch({ type: 'PHONE.ADD' }),
      onCodeSent: (details: PhoneCodeSentDetails) =>
        dispatch({
          type: 'PHONE_CODE.SENT',
          phoneNumber: details.phoneNumber,
          channel: details.channel,
          codeLength: details.codeLength,
          resendAfterSeconds: details.resendAfterSeconds,
          now: Date.now(),
        }),
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
    [reportError],
  );

  const disableStatus: TwoFactorPhoneWizardState['disableStatus'] =
    disableRequest.status === 'pending' ? 'pending' : disableRequest.status === 'error' ? 'error' : 'idle';

  return {
    state,
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
