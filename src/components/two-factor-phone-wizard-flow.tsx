import { Suspense, memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import type { TwoFactorAdapter } from '../core/adapter';
import type { WizardState } from '../core/machine';
import { WIZARD_HANDOVER, resolveReverifyAfterMs, useTwoFactorPhoneWizard } from '../hooks/use-two-factor-phone-wizard';
import type { InternalWizardOptions } from '../hooks/use-two-factor-phone-wizard';
import type { ResetTiming, TwoFactorPhoneWizardState } from '../hooks/types';
import { grantStepUp, initialWizardState, selectSection, transition } from '../core/machine';
import type { WizardEvent } from '../core/machine';
import { preloadCountry } from '../core/phone-metadata/preload';
import { useInitialMessages } from '../i18n/context';
import { Button } from './button';
import { EmailCodeGate } from './email-code-gate';
import { Heading, toHeadingLevel } from './heading';
import type { HeadingLevel } from './heading';
import { StepLoadBoundary, lazyStep } from './lazy-step';
import type { WizardStart } from '../hooks/use-wizard-first-screen';
import type { TwoFactorPhoneWizardProps } from './two-factor-phone-wizard';
import { useLeaveWarning } from './use-leave-warning';
import { ConfirmationDialog } from './confirmation-dialog';
import { ResetPhoneDialog } from './reset-phone-dialog';
import { TwoFactorSectionView } from './two-factor-section-view';
import { StepLoadFailed, StepLoading } from './wizard-steps';

// The wizard past its first screen: loaded while the user is on the email gate, and handed the
// flow once the gate verifies or the opening check finds the step-up still fresh (see
// two-factor-phone-wizard.tsx). It comes in one chunk with the section step, the reset
// confirmation and the leave dialog (two-factor-section-step), which it imports as plain modules:
// all of them are there whenever the flow is.

// Every later step (the phone metadata and input, the forms) is its own module, loaded while the
// user is on the step before.
/** The wizard's default country, for the phone step's loader (set before every preload and render). */
let phoneEntryCountry: string | undefined;
// The phone step counts as loaded once its code and its default country's metadata are there.
const PhoneEntry = /* @__PURE__ */ lazyStep(() =>
  import('./wizard-phone-entry-step').then(async (module) => {
    await module.loadPhoneMetadata(phoneEntryCountry);
    return module.WizardPhoneEntryStep;
  }),
);
// The default country's phone metadata is preloaded in parallel with the phone step's code. Its
// loaders come in this chunk (the calling-code table and the loaders by first digit, data only,
// no libphonenumber-js), so the metadata is two requests away (its digit's loaders, then its
// own chunk), as the phone step's code is one.
// The code and recovery steps come in the phone step's chunk (see wizard-phone-entry-step).
const CodeVerification = /* @__PURE__ */ lazyStep(() =>
  import('./wizard-phone-entry-step').then((module) => module.CodeVerificationStep),
);
const RecoveryCode = /* @__PURE__ */ lazyStep(() =>
  import('./wizard-phone-entry-step').then((module) => module.WizardRecoveryCodeStep),
);
/** The steps whose code loads on demand. */
const LAZY_STEPS: Readonly<Partial<Record<WizardState['step'], { isLoaded: () => boolean }>>> = {
  'phone-entry': PhoneEntry,
  'code-verification': CodeVerification,
  'recovery-code': RecoveryCode,
};

/** What to load while the user is on each step: the steps it can lead to. */
const PRELOAD_NEXT: Readonly<Record<WizardState['step'], ReadonlyArray<() => void>>> = {
  'email-code-gate': [],
  'two-factor-section': [PhoneEntry.preload],
  'reset-phone': [PhoneEntry.preload],
  'add-phone': [PhoneEntry.preload],
  'phone-entry': [CodeVerification.preload],
  'code-verification': [RecoveryCode.preload],
  'recovery-code': [],
  done: [],
};

/** Steps where leaving the flow is offered (not once the new number is verified). */
const CANCELLABLE_STEPS: ReadonlySet<WizardState['step']> = new Set([
  'email-code-gate',
  'two-factor-section',
  'reset-phone',
  'add-phone',
  'phone-entry',
  'code-verification',
]);

/** The state the machine reaches from the first one through what the first screen says happened. */
function stateAfter(start: WizardStart, reverifyAfterMs: number | undefined): WizardState {
  const grant = grantStepUp(start.at, resolveReverifyAfterMs(reverifyAfterMs));
  const events: WizardEvent[] =
    start.via === 'still-fresh'
      ? [{ type: 'EMAIL_CODE_GATE.STILL_FRESH', twoFactorStatus: start.twoFactorStatus, grant }]
      : [{ type: 'EMAIL_CODE_GATE.CHECK_FAILED' }, { type: 'EMAIL_CODE_GATE.VERIFIED', grant }];
  return events.reduce(transition, initialWizardState);
}

export interface WizardFlowProps extends Omit<TwoFactorPhoneWizardProps, 'locale' | 'messages' | 'className'> {
  /** What happened on the first screen. */
  start: WizardStart;
  /** Called with the step on screen whenever it changes after the first render (for the root's `data-state`). */
  onShownStepChange: (step: WizardState['step']) => void;
  /** Called when the email gate verifies again (a re-verification), for the first screen to say "Verified.". */
  onEmailVerified: () => void;
}

/**
 * The flow from the 2FA section on: the section, the reset confirmation, phone entry, code
 * verification, the recovery code, and the email gate again when the backend asks for a new
 * step-up. Renders inside the first screen's root (its live regions stay), in place of the gate.
 * Memoized: the first screen re-renders to mirror the step, which is no reason to render this.
 */
export const WizardFlow = /* @__PURE__ */ memo(function WizardFlowContent({
  headingLevel: headingLevelProp,
  start,
  onShownStepChange,
  onEmailVerified,
  ...options
}: WizardFlowProps) {
  const [handover] = useState(() => stateAfter(start, options.reverifyAfterMs));
  const hookOptions: InternalWizardOptions = { ...options, [WIZARD_HANDOVER]: handover };
  const wizard = useTwoFactorPhoneWizard(hookOptions);
  const t = useInitialMessages();
  const headingLevel = toHeadingLevel(headingLevelProp);
  const stepRef = useRef<HTMLDivElement>(null);
  const { state } = wizard;
  phoneEntryCountry = options.defaultCountry;
  // The step on screen. A step whose code (or phone metadata) has not arrived yet would suspend;
  // rendered from the deferred state it leaves the step before on screen until it is ready,
  // instead of flashing the "Loading…" fallback (issue 14: slow networks). Preloading makes the
  // wait rare; a step that is there renders at once.
  // The recovery step is never deferred: React keeps a deferred value in the hook's fibers after
  // it is shown, and the recovery code must leave memory on Finish (issue 15). Nothing loads after
  // it that could need the step before on screen.
  const deferredState = useDeferredValue(state.step === 'recovery-code' ? null : state);
  const shownState = LAZY_STEPS[state.step]?.isLoaded() === false && deferredState !== null ? deferredState : state;

  // Leaving the gate by the opening check (the step-up was still fresh) is like a first render:
  // focus stays where the page put it. After verifying, it moves to the section's heading.
  const focusStep = useFocusOnStepChange(start.via === 'still-fresh' ? handover.step : 'email-code-gate', stepRef);

  // The root (the first screen's) mirrors the step on screen; before paint, so no frame shows a
  // stale one. Not on mount: the first screen knows the flow opens on the section.
  const mirroredStepRef = useRef(shownState.step);
  useLayoutEffect(() => {
    if (mirroredStepRef.current === shownState.step) return;
    mirroredStepRef.current = shownState.step;
    onShownStepChange(shownState.step);
  }, [shownState.step, onShownStepChange]);

  // Leaving once the old phone is gone would leave the account without a second factor: warn.
  // `null` until first asked: from then on the dialog stays mounted, so closing it returns focus.
  const [leaveOpen, setLeaveOpen] = useState<boolean | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useLeaveWarning(wizard.isLeaveGuarded, t.leaveNoPhoneWarning);
  const handleCancel = () => {
    if (wizard.isVerifyInFlight) return;
    if (wizard.isLeaveGuarded) setLeaveOpen(true);
    else wizard.cancel();
  };

  useEffect(() => {
    for (const preload of PRELOAD_NEXT[state.step]) preload();
    if (PRELOAD_NEXT[state.step].includes(PhoneEntry.preload)) preloadCountry(options.defaultCountry);
  }, [state.step, options.defaultCountry]);

  // The gate unmounts as soon as it verifies, so the first screen says "Verified." on its behalf,
  // after a re-verification as after the first.
  const handlers = useMemo(
    () => ({
      ...wizard.handlers,
      onEmailVerified: () => {
        onEmailVerified();
        wizard.handlers.onEmailVerified();
      },
    }),
    [wizard.handlers, onEmailVerified],
  );

  return (
    <>
      <div ref={stepRef} className="tfa-wizard__step" aria-busy={shownState.step !== state.step || undefined}>
        <StepLoadBoundary fallback={(retry) => <StepLoadFailed onRetry={retry} />}>
          <Suspense fallback={<StepLoading />}>
            {renderStep(
              { ...wizard, state: shownState, handlers },
              {
                adapter: wizard.adapter,
                defaultCountry: options.defaultCountry,
                headingLevel,
                timeoutMs: options.timeoutMs,
                resetTiming: wizard.resetTiming,
                phoneUpdated: t.phoneUpdated,
                serviceName: options.serviceName,
              },
            )}
            {/* Mounts with the step's content, so focus moves once a lazy step is really there. */}
            <StepMounted key={shownState.step} step={shownState.step} onMount={focusStep} />
          </Suspense>
        </StepLoadBoundary>
      </div>
      {/* Not on the read-only section: nothing is under way there to cancel. */}
      {options.onCancel && CANCELLABLE_STEPS.has(state.step) && !(state.step === 'two-factor-section' && state.status === 'viewing') ? (
        <div className="tfa-wizard__footer">
          {/* Unavailable while a verify is in flight: its answer may carry the new recovery code. */}
          <Button ref={cancelRef} variant="link" isDisabled={wizard.isVerifyInFlight} onClick={handleCancel}>
            {t.cancel}
          </Button>
        </div>
      ) : null}
      {leaveOpen !== null ? (
        <ConfirmationDialog
          open={leaveOpen}
          onOpenChange={(open) => {
            if (!open) setLeaveOpen(false);
          }}
          onConfirm={() => {
            setLeaveOpen(false);
            wizard.cancel();
          }}
          title={t.leaveTitle}
          description={t.leaveDescription}
          confirmLabel={t.leaveConfirm}
          pendingLabel={t.leaveConfirm}
          isPending={false}
          error={null}
          headingLevel={headingLevel}
          className="tfa-leave-dialog"
          finalFocus={() => cancelRef.current}
        />
      ) : null}
    </>
  );
});

interface StepContext {
  adapter: TwoFactorAdapter;
  defaultCountry: string | undefined;
  headingLevel: HeadingLevel;
  timeoutMs: number | undefined;
  resetTiming: ResetTiming;
  /** The section's notice after Finish. */
  phoneUpdated: string;
  serviceName: string | undefined;
}

function renderStep(wizard: TwoFactorPhoneWizardState, context: StepContext): ReactNode {
  const { state, handlers } = wizard;
  const { adapter, defaultCountry, headingLevel, timeoutMs, resetTiming } = context;
  const common = { adapter, timeoutMs, headingLevel, onError: handlers.onStepError };
  switch (state.step) {
    case 'email-code-gate':
      // Only ever `locked` here: the opening check ran on the first screen.
      return <EmailCodeGate {...common} onVerified={handlers.onEmailVerified} />;
    case 'two-factor-section':
    case 'reset-phone': {
      const section = selectSection(
        state.step === 'two-factor-section' ? state : { status: 'editing', twoFactorStatus: state.twoFactorStatus },
        typeof adapter.disableTwoFactor === 'function',
      );
      return (
        <>
          <TwoFactorSectionView
            status={section.status}
            maskedNumber={section.maskedNumber}
            canDisable={section.canDisable}
            editing={section.editing}
            onEditingChange={(next) => (next ? handlers.onEdit() : handlers.onCloseEdit())}
            onReset={handlers.onResetRequest}
            onAddPhone={handlers.onAddPhone}
            disableStatus={section.disable}
            onDisableRequest={handlers.onDisableRequest}
            onDisableCancel={handlers.onDisableCancel}
            onDisable={wizard.disableTwoFactor}
            onRetry={wizard.reloadStatus}
            error={wizard.error}
            headingLevel={headingLevel}
          />
          {state.step === 'reset-phone' ? (
            <ResetPhoneDialog
              {...common}
              open
              resetTiming={resetTiming}
              onOpenChange={(open) => {
                if (!open) handlers.onResetCancel();
              }}
              onReset={handlers.onResetDone}
              // The wizard moves focus itself once the next step renders.
              onCloseAutoFocus={(event) => event.preventDefault()}
            />
          ) : null}
        </>
      );
    }
    case 'add-phone':
      return <AddPhoneStep change={state.change} onAddPhone={handlers.onAddPhone} headingLevel={headingLevel} />;
    case 'phone-entry':
      return (
        <PhoneEntry.Step
          {...common}
          defaultCountry={defaultCountry}
          defaultPhoneNumber={state.phoneNumber ?? undefined}
          onCodeSent={handlers.onCodeSent}
        />
      );
    case 'code-verification':
      return (
        <CodeVerification.Step
          {...common}
          phoneNumber={state.phoneNumber}
          channel={state.channel}
          codeLength={state.codeLength}
          resendAt={state.resendAt}
          onCodeSent={handlers.onCodeSent}
          onVerified={handlers.onPhoneVerified}
          onChangeNumber={handlers.onChangeNumber}
        />
      );
    case 'recovery-code':
      return (
        <RecoveryCode.Step
          recoveryCode={state.recoveryCode}
          phoneNumber={state.phoneNumber}
          onFinish={handlers.onFinish}
          serviceName={context.serviceName}
          headingLevel={headingLevel}
        />
      );
    case 'done':
      // Not a dead end: the section, read-only, with the new number and what happened.
      return state.maskedNumber === null ? (
        <DoneStep headingLevel={headingLevel} />
      ) : (
        <TwoFactorSectionView
          status="ready"
          maskedNumber={state.maskedNumber}
          canDisable={false}
          editing={false}
          notice={context.phoneUpdated}
          headingLevel={headingLevel}
        />
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/**
 * After Reset: the seed's "+ Add phone based verification" step, a button that opens phone entry,
 * with a line on what happens to the current number meanwhile.
 */
function AddPhoneStep({
  change,
  onAddPhone,
  headingLevel,
}: {
  change: 'add' | 'swap' | 'removed';
  onAddPhone: () => void;
  headingLevel: HeadingLevel;
}) {
  const t = useInitialMessages();
  return (
    <div className="tfa-step tfa-add-phone-step" data-state="add-phone">
      <Heading level={headingLevel} isStepHeading className="tfa-heading">
        {t.addPhoneHeading}
      </Heading>
      <p className="tfa-lead">{change === 'removed' ? t.addPhoneRemovedNote : t.addPhoneSwapNote}</p>
      <div className="tfa-actions">
        <Button variant="secondary" className="tfa-add-phone" onClick={onAddPhone}>
          {t.addPhone}
        </Button>
      </div>
    </div>
  );
}

function DoneStep({ headingLevel }: { headingLevel: HeadingLevel }) {
  const t = useInitialMessages();
  return (
    <div className="tfa-step tfa-done" data-state="done">
      <Heading level={headingLevel} isStepHeading className="tfa-heading">
        {t.doneHeading}
      </Heading>
    </div>
  );
}

/** Renders nothing; reports when the step it is keyed to has mounted, content and all. */
function StepMounted({ step, onMount }: { step: WizardState['step']; onMount: (step: WizardState['step']) => void }) {
  useEffect(() => onMount(step), [step, onMount]);
  return null;
}

/**
 * Moves focus on every step change (not on first render: the page, not the wizard, owns initial
 * focus — nor when the first check finds the step-up still fresh, which is the same moment: the
 * caller then starts from the step the flow opens on, so there is no change): to
 * the new step's heading, to the phone field when phone entry resumes after a re-verification
 * (the typed number is still there), or back to Reset when the confirmation is cancelled (as the
 * dialog pattern asks). Entering the confirmation is left to the dialog, which focuses Cancel.
 * Returns the function to call once the new step's content has mounted, since a lazy step's
 * heading exists only after its module has loaded.
 */
function useFocusOnStepChange(
  initialStep: WizardState['step'],
  stepRef: RefObject<HTMLDivElement | null>,
): (step: WizardState['step']) => void {
  const previousStepRef = useRef(initialStep);
  return useCallback(
    (step: WizardState['step']) => {
      const previous = previousStepRef.current;
      previousStepRef.current = step;
      if (previous === step || step === 'reset-phone') return;
      const container = stepRef.current;
      if (!container) return;
      if (previous === 'reset-phone') {
        const trigger = container.querySelector<HTMLElement>('[data-tfa-reset-trigger]');
        if (trigger) {
          trigger.focus();
          return;
        }
      }
      if (previous === 'email-code-gate' && step === 'phone-entry') {
        const field = container.querySelector<HTMLInputElement>('input[type="tel"]');
        if (field && field.value !== '') {
          field.focus();
          return;
        }
      }
      container.querySelector<HTMLElement>('[data-tfa-step-heading]')?.focus();
    },
    [stepRef],
  );
}

