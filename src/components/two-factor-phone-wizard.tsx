import { Suspense, useCallback, useDeferredValue, useEffect, useState } from 'react';
import type { TwoFactorAdapter } from '../core/adapter';
import type { WizardState } from '../core/machine';
import { useTwoFactorAdapter } from '../hooks/context';
import type { BaseHookOptions, CompleteDetails, ResetTiming } from '../hooks/types';
import { useWizardFirstScreen } from '../hooks/use-wizard-first-screen';
import { MessagesProvider, useInitialMessages } from '../i18n/context';
import type { TwoFactorMessagesOverrides } from '../i18n/context';
import { Button } from './button';
import { cx } from './class-names';
import { Announce, ComponentRoot } from './component-root';
import { EmailCodeGate } from './email-code-gate';
import type { HeadingLevel } from './heading';
import { StepLoadBoundary, lazyStep } from './lazy-step';
import { StepLoadFailed, StepLoading } from './wizard-steps';

// Only the first screen ships with the page: the opening check (is an earlier step-up still
// fresh?) and the email gate. The rest of the wizard (its machine, its hook, every later step's
// rendering) loads from the first render on, in one chunk with the section step it opens on, and
// takes over once the gate verifies or the check finds the step-up fresh: long before the user
// has typed the emailed code.
const Flow = /* @__PURE__ */ lazyStep(() => import('./two-factor-section-step').then((module) => module.WizardFlow));

export interface TwoFactorPhoneWizardProps {
  /** The host's backend. */
  adapter: TwoFactorAdapter;
  /**
   * Called once after Finish on the recovery code step, with the new number masked (never a code).
   * The wizard then shows the section with that number and "Your 2FA phone number was updated";
   * navigate away here, or leave it on screen.
   */
  onComplete: (details: CompleteDetails) => void;
  /** Called when the user leaves the flow with Cancel. Without it there is no Cancel button. */
  onCancel?: () => void;
  /** Every step change, with the step's name only. */
  onStepChange?: (details: { step: WizardState['step'] }) => void;
  /**
   * Every adapter failure shown to the user, e.g. for logging: `code`, `retryAfterSeconds` and
   * `attemptsRemaining` only (message = code, no `cause`, never a code). Log inside your adapter if
   * you need raw errors.
   */
  onError?: BaseHookOptions['onError'];
  /** ISO 3166-1 alpha-2 country preselected for phone entry, e.g. `"US"`. */
  defaultCountry?: string;
  /** Partial copy override, on top of the locale's copy. */
  messages?: TwoFactorMessagesOverrides;
  /** BCP 47 locale of the copy and the country names. @default 'en' */
  locale?: string;
  /** Level of every step heading (2–6), to fit the host page's outline. @default 2 */
  headingLevel?: HeadingLevel;
  /** Milliseconds before a pending adapter call is given up as `network`. @default 30000 */
  timeoutMs?: number;
  /**
   * How long (ms) the email verification stays fresh for removing the current phone or disabling
   * 2FA; older, and Reset or Disable asks for a new email code first, then resumes. `Infinity`
   * turns the check off.
   * @default 1200000 (20 minutes)
   */
  reverifyAfterMs?: number;
  /**
   * When "Reset and continue" touches the current phone. `'on-verify'`: nothing is removed; the
   * current number keeps working until the new one's code verifies, and the backend swaps them in
   * one step (`verifyPhoneCode` with `replacesCurrent: true`). `'immediate'`: `adapter.resetPhone`
   * removes it right away (for backends that must delete first); leaving between Reset and Finish
   * then asks to confirm (Cancel, and the browser's leave prompt).
   * @default 'on-verify'
   */
  resetTiming?: ResetTiming;
  /** The service the recovery code signs in to, named in its downloaded file. @default 'your account' (the copy's) */
  serviceName?: string;
  /** Class names after `tfa-wizard`. */
  className?: string;
}

/**
 * The whole flow: the email-code gate, the 2FA section, the reset confirmation, phone entry, code
 * verification and the recovery code. Focus moves to each new step's heading; one polite and one
 * assertive live region carry announcements from the first render.
 *
 * @example
 * <TwoFactorPhoneWizard adapter={adapter} defaultCountry="US" onComplete={() => navigate('/dashboard')} />
 */
export function TwoFactorPhoneWizard({ locale, messages, ...props }: TwoFactorPhoneWizardProps) {
  return (
    <MessagesProvider locale={locale} messages={messages}>
      <TwoFactorPhoneWizardContent {...props} />
    </MessagesProvider>
  );
}

/**
 * The first screen: the root with its live regions, the opening check, the email gate and Cancel.
 * Once it has an outcome (`start`) and the flow's module is there, it renders the flow in the
 * gate's place, which starts from that outcome; the root, and what it announced, stay.
 */
function TwoFactorPhoneWizardContent({
  headingLevel,
  className,
  ...options
}: Omit<TwoFactorPhoneWizardProps, 'locale' | 'messages'>) {
  const adapter = useTwoFactorAdapter(options.adapter, 'useTwoFactorPhoneWizard');
  const t = useInitialMessages();
  const firstScreen = useWizardFirstScreen({
    adapter,
    timeoutMs: options.timeoutMs,
    onError: options.onError,
    onCancel: options.onCancel,
  });
  const { start } = firstScreen;
  // Until the flow's module is there, the deferred value keeps the first screen up (marked busy)
  // rather than the "Loading…" fallback (issue 14: slow networks); the background render with the
  // outcome waits in the boundary below, already on screen, until the module arrives.
  const deferredStart = useDeferredValue(start);
  const shownStart = Flow.isLoaded() ? start : deferredStart;
  // The step the flow shows, once it has changed from the section it opens on.
  const [flowStep, setFlowStep] = useState<WizardState['step'] | null>(null);

  useEffect(() => Flow.preload(), []);

  // The gate unmounts as soon as it verifies, so the wizard says "Verified." on its behalf: here,
  // and for the flow after a re-verification (through the same live region).
  const [verifiedCount, setVerifiedCount] = useState(0);
  const announceVerified = useCallback(() => setVerifiedCount((count) => count + 1), []);
  const { onEmailVerified } = firstScreen;
  const handleVerified = useCallback(() => {
    announceVerified();
    onEmailVerified();
  }, [announceVerified, onEmailVerified]);

  return (
    <ComponentRoot
      className={cx('tfa-wizard', className)}
      data-state={shownStart === null ? 'email-code-gate' : (flowStep ?? 'two-factor-section')}
      aria-label={t.flowLabel}
      role="group"
    >
      <Announce message={verifiedCount > 0 ? t.emailVerified : null} politeness="polite" trigger={verifiedCount} />
      <StepLoadBoundary
        fallback={(retry) => (
          <div className="tfa-wizard__step">
            <StepLoadFailed onRetry={retry} />
          </div>
        )}
      >
        <Suspense fallback={<StepLoading />}>
          {shownStart !== null ? (
            <Flow.Step
              {...options}
              headingLevel={headingLevel}
              start={shownStart}
              onShownStepChange={setFlowStep}
              onEmailVerified={announceVerified}
            />
          ) : (
            <div className="tfa-wizard__step" aria-busy={start !== null || undefined}>
              {firstScreen.status === 'locked' ? (
                <EmailCodeGate
                  adapter={adapter}
                  timeoutMs={options.timeoutMs}
                  headingLevel={headingLevel}
                  onError={firstScreen.onGateError}
                  onVerified={handleVerified}
                />
              ) : (
                // While the backend is asked whether the step-up is still fresh, nothing is sent yet.
                <StepLoading state="checking" />
              )}
            </div>
          )}
        </Suspense>
      </StepLoadBoundary>
      {/* Until the flow is on screen with its own Cancel (also when its module failed to load);
          not once the check found the step-up fresh: the flow opens on the read-only section. */}
      {options.onCancel && !(shownStart !== null && Flow.isLoaded()) && start?.via !== 'still-fresh' ? (
        <div className="tfa-wizard__footer">
          <Button variant="link" onClick={firstScreen.cancel}>
            {t.cancel}
          </Button>
        </div>
      ) : null}
    </ComponentRoot>
  );
}
