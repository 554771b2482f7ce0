import { Fragment, useId, useState } from 'react';
import { useRecoveryCode } from '../hooks/use-recovery-code';
import type { UseRecoveryCodeOptions } from '../hooks/types';
import { MessagesProvider, useLocale } from '../i18n/context';
import { useMessages } from '../i18n/messages';
import type { TwoFactorMessagesOverrides } from '../i18n/context';
import { Button } from './button';
import { cx } from './class-names';
import { Announce, ComponentRoot } from './component-root';
import { Heading, toHeadingLevel } from './heading';
import type { HeadingLevel } from './heading';
import { maskInternationalNumber } from '../core/mask-digits';
import { useFormattedPhoneNumber } from './use-formatted-phone-number';
import { useLeaveWarning } from './use-leave-warning';

export interface RecoveryCodeStepProps extends UseRecoveryCodeOptions {
  /** The service the code signs in to, named in the downloaded file. @default messages' `serviceNameDefault` */
  serviceName?: string;
  /** The account, masked (e.g. the new 2FA phone), named in the downloaded file. */
  accountLabel?: string;
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
 * Shows the emergency recovery code once, exactly as the adapter returned it (grouping is only
 * styling, so selecting, copying, downloading and printing all give that string), with Copy,
 * Download .txt (naming the service, the account, the date and how to use the code) and Print.
 * Finish stays unavailable until the user confirms they saved the code, and leaving the page
 * before that asks for confirmation.
 */
export function RecoveryCodeStep({ locale, messages, ...props }: RecoveryCodeStepProps) {
  return (
    <MessagesProvider locale={locale} messages={messages}>
      <RecoveryCodeStepContent {...props} />
    </MessagesProvider>
  );
}

function RecoveryCodeStepContent({
  headingLevel,
  className,
  serviceName,
  accountLabel,
  ...options
}: Omit<RecoveryCodeStepProps, 'locale' | 'messages'>) {
  const t = useMessages();
  const locale = useLocale();
  const recovery = useRecoveryCode({
    ...options,
    fileContents:
      options.fileContents ??
      ((code) =>
        [
          t.recoveryFileTitle(serviceName ?? t.serviceNameDefault),
          ...(accountLabel ? [t.recoveryFileAccount(accountLabel)] : []),
          t.recoveryFileDate(formatDate(locale)),
          '',
          code,
          '',
          t.recoveryFileUsage,
          '',
        ].join('\n')),
  });
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
        {/* dir: the groups keep their order on a right-to-left page. The pieces are the code
            exactly as given, nothing added between them: the gaps are CSS, so a selection copies
            the adapter's string (issue 13). */}
        <code
          className="tfa-recovery-code__value"
          translate="no"
          dir="ltr"
          data-tfa-recovery-code=""
          data-separated={recovery.groups.length > 1 && /[\s-]/.test(recovery.recoveryCode) ? '' : undefined}
        >
          {recovery.groups.map((group, index) => {
            // A space after a group stays outside it: where a line may break, and what a
            // selection copies.
            const [, characters = group, space = ''] = /^(.*?)(\s*)$/s.exec(group) ?? [];
            return (
              <Fragment key={index}>
                <span className="tfa-recovery-code__group">{characters}</span>
                {space}
              </Fragment>
            );
          })}
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


/** Today's date for the downloaded file, in the copy's language (ISO date where Intl is missing). */
function formatDate(locale: string): string {
  const now = new Date();
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** Props of the wizard's recovery step: the step, plus the verified number to mask on Finish. */
export interface WizardRecoveryCodeStepProps extends Omit<RecoveryCodeStepProps, 'onFinish' | 'accountLabel'> {
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
  // Formatted with the split metadata the phone step already loaded, then masked as the section
  // shows it (`maskPhoneNumber` would bring the whole metadata into this chunk).
  const maskedNumber = maskInternationalNumber(useFormattedPhoneNumber(phoneNumber));
  return <RecoveryCodeStep {...props} accountLabel={maskedNumber} onFinish={() => onFinish({ maskedNumber })} />;
}
