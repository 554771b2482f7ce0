import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { useRecoveryCode } from '../hooks/use-recovery-code';
import type { UseRecoveryCodeOptions } from '../hooks/types';
import { MessagesProvider, useMessages } from '../i18n/context';
import type { TwoFactorMessagesOverrides } from '../i18n/context';
import { Button } from './button';
import { cx } from './class-names';
import { Announce, ComponentRoot } from './component-root';
import { Heading, toHeadingLevel } from './heading';
import type { HeadingLevel } from './heading';
import { maskPhoneNumber } from '../core/mask';

export interface RecoveryCodeStepProps extends UseRecoveryCodeOptions {
  /** Level of the step's heading. @default 2 */
  headingLevel?: HeadingLevel;
  /** Class names after `tfa-recovery-code`. */
  className?: string;
  /** Locale of the copy. @default inherited, else 'en' */
  locale?: string;
  /** Partial copy override. */
  messages?: TwoFactorMessagesOverrides;
}

/**
 * Shows the emergency recovery code once: large, monospaced, in groups of four, with Copy,
 * Download .txt and Print. Finish stays unavailable until the user confirms they saved the code,
 * and leaving the page before that asks for confirmation.
 */
export function RecoveryCodeStep({ locale, messages, ...props }: RecoveryCodeStepProps) {
  return (
    <MessagesProvider locale={locale} messages={messages}>
      <RecoveryCodeStepContent {...props} />
    </MessagesProvider>
  );
}

function RecoveryCodeStepContent({ headingLevel, className, ...options }: Omit<RecoveryCodeStepProps, 'locale' | 'messages'>) {
  const recovery = useRecoveryCode(options);
  const t = useMessages();
  const headingId = useId();
  const codeLabelId = useId();
  const checkboxId = useId();
  const finishHintId = useId();
  // Bumped per Copy press so a second successful copy is announced again.
  const [copyCount, setCopyCount] = useState(0);

  const copyText = recovery.copyStatus === 'copied' ? t.copied : recovery.copyStatus === 'failed' ? t.copyFailed : null;

  const unsaved = recovery.recoveryCode !== '' && !recovery.acknowledged;
  useLeaveWarning(unsaved, t.leaveWarning);

  const handleCopy = async () => {
    await recovery.copy();
    setCopyCount((count) => count + 1);
  };

  return (
    <ComponentRoot
      className={cx('tfa-step', 'tfa-recovery-code', className)}
      data-state={recovery.recoveryCode === '' ? 'finished' : recovery.acknowledged ? 'acknowledged' : 'unacknowledged'}
    >
      <Announce
        message={copyText}
        politeness={recovery.copyStatus === 'failed' ? 'assertive' : 'polite'}
        trigger={copyCount === 0 ? null : copyCount}
      />
      <Heading level={toHeadingLevel(headingLevel)} isStepHeading id={headingId} className="tfa-heading">
        {t.recoveryHeading}
      </Heading>
      <p className="tfa-lead">{t.recoveryIntro}</p>
      <div className="tfa-recovery-code__box" role="group" aria-labelledby={codeLabelId}>
        <span id={codeLabelId} className="tfa-label">
          {t.recoveryCodeLabel}
        </span>
        {/* dir: the groups keep their order on a right-to-left page. */}
        <code className="tfa-recovery-code__value" translate="no" dir="ltr" data-tfa-recovery-code="">
          {recovery.groups.map((group, index) => (
            // Real spaces between groups: selecting and copying by hand gives "ABCD EFGH", and
            // screen readers pause between groups.
            <Fragment key={index}>
              {index > 0 ? ' ' : null}
              <span className="tfa-recovery-code__group">{group}</span>
            </Fragment>
          ))}
        </code>
      </div>
      <div className="tfa-actions tfa-recovery-code__actions">
        <Button variant="secondary" onClick={() => void handleCopy()}>
          {t.copy}
        </Button>
        <Button variant="secondary" onClick={recovery.download}>
          {t.download}
        </Button>
        <Button variant="secondary" onClick={recovery.print}>
          {t.print}
        </Button>
      </div>
      {copyText ? (
        <p className={recovery.copyStatus === 'failed' ? 'tfa-error' : 'tfa-success'} data-state={recovery.copyStatus}>
          {copyText}
        </p>
      ) : null}
      <div className="tfa-checkbox">
        <input
          id={checkboxId}
          type="checkbox"
          className="tfa-checkbox__input"
          checked={recovery.acknowledged}
          onChange={(event) => recovery.setAcknowledged(event.currentTarget.checked)}
        />
        <label htmlFor={checkboxId} className="tfa-checkbox__label">
          {t.recoveryAcknowledge}
        </label>
      </div>
      <div className="tfa-actions">
        <Button
          isDisabled={!recovery.canFinish}
          data-state={recovery.canFinish ? 'ready' : 'blocked'}
          aria-describedby={recovery.canFinish ? undefined : finishHintId}
          onClick={() => {
            // The hook checks again; this guard keeps an aria-disabled button inert even if a
            // consumer re-enables clicks through CSS.
            if (recovery.canFinish) recovery.finish();
          }}
        >
          {t.finish}
        </Button>
        {recovery.canFinish ? null : (
          <span id={finishHintId} className="tfa-visually-hidden">
            {t.recoveryAcknowledge}
          </span>
        )}
      </div>
    </ComponentRoot>
  );
}

/**
 * Asks before the page unloads while the code is unsaved. Browsers show their own wording; the
 * message only reaches older ones.
 */
function useLeaveWarning(active: boolean, message: string): void {
  const messageRef = useRef(message);
  messageRef.current = message;
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Legacy browsers read the prompt from `returnValue`.
      event.returnValue = messageRef.current;
      return messageRef.current;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);
}

/** Props of the wizard's recovery step: the step, plus the verified number to mask on Finish. */
export interface WizardRecoveryCodeStepProps extends Omit<RecoveryCodeStepProps, 'onFinish'> {
  /** The number that was verified, E.164. */
  phoneNumber: string;
  /** Finish, with the new number masked as the section shows it (never a code). */
  onFinish: (details: { maskedNumber: string }) => void;
}

/**
 * The recovery step as the wizard loads it: masking needs the phone metadata, which lives in this
 * on-demand chunk rather than in front of the email gate. Internal.
 */
export function WizardRecoveryCodeStep({ phoneNumber, onFinish, ...props }: WizardRecoveryCodeStepProps) {
  return <RecoveryCodeStep {...props} onFinish={() => onFinish({ maskedNumber: maskPhoneNumber(phoneNumber) })} />;
}
