import { useCallback, useRef, useState } from './react';
import type { TwoFactorAdapter, TwoFactorStatus } from '../core/adapter';
import { toHostError } from '../core/errors';
import type { TwoFactorError } from '../core/errors';
import { isTwoFactorStatus } from '../core/results';
import type { BaseHookOptions } from './types';
import { useDeferredEffect } from './use-deferred-effect';
import { useRequest } from './use-request';

/**
 * How the wizard's first screen ended, for the rest of the wizard to start from: the opening check
 * found the earlier step-up still fresh (with the status it read), or the emailed code verified.
 * `at` is when (epoch ms): the step-up's grant starts there.
 */
export type WizardStart =
  | { via: 'still-fresh'; twoFactorStatus: TwoFactorStatus; at: number }
  | { via: 'verified'; at: number };

export interface UseWizardFirstScreenOptions extends Pick<BaseHookOptions, 'onError' | 'timeoutMs'> {
  /** The adapter (already resolved from the prop or the provider). */
  adapter: TwoFactorAdapter;
  /** Called on Cancel. */
  onCancel?: () => void;
}

export interface WizardFirstScreenState {
  /** `checking`: asking the backend whether an earlier step-up is still fresh; `locked`: the email code is needed. */
  status: 'checking' | 'locked';
  /** How the first screen ended; `null` while it is on screen. */
  start: WizardStart | null;
  /** The gate's `onVerified`. */
  onEmailVerified: () => void;
  /** The gate's `onError`: reported to the host as any step's failure. */
  onGateError: (details: { error: TwoFactorError }) => void;
  /** Leaves the flow: abandons the check, calls `onCancel`. */
  cancel: () => void;
}

/**
 * Internal (the styled wizard's, not exported from the package): the wizard's first screen as
 * `useTwoFactorPhoneWizard` runs it, without the machine: the opening check on mount (a status
 * read; only a failure, `reverification_required` being the expected one, locks and shows the
 * gate), then the gate's outcome. The page's JS carries this; the wizard's machine and hook load
 * meanwhile and take over from `start` (see two-factor-phone-wizard.tsx).
 */
export function useWizardFirstScreen(options: UseWizardFirstScreenOptions): WizardFirstScreenState {
  const { adapter } = options;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [status, setStatus] = useState<WizardFirstScreenState['status']>('checking');
  const [start, setStart] = useState<WizardStart | null>(null);

  const check = useRequest<void, TwoFactorStatus>((_args, signal) => adapter.getTwoFactorStatus({ signal }), {
    timeoutMs: options.timeoutMs,
    isValidResult: isTwoFactorStatus,
  });
  const { run: runCheck, abort: abortCheck } = check;
  useDeferredEffect(() => {
    void runCheck(undefined, {
      onSuccess: (twoFactorStatus) => setStart({ via: 'still-fresh', twoFactorStatus, at: Date.now() }),
      onError: (error) => {
        // Expected when the step-up is old: the gate takes over, no error to show or report.
        setStatus('locked');
        if (error.code !== 'reverification_required') optionsRef.current.onError?.({ error: toHostError(error) });
      },
    });
  }, []);

  const onEmailVerified = useCallback(() => setStart({ via: 'verified', at: Date.now() }), []);
  const onGateError = useCallback(
    ({ error }: { error: TwoFactorError }) => optionsRef.current.onError?.({ error: toHostError(error) }),
    [],
  );
  const cancel = useCallback(() => {
    abortCheck();
    optionsRef.current.onCancel?.();
  }, [abortCheck]);

  return { status, start, onEmailVerified, onGateError, cancel };
}
