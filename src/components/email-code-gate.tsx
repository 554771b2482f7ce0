import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { isCodeError } from '../core/errors';
import { useEmailCodeGate } from '../hooks/use-email-code-gate';
import type { UseEmailCodeGateOptions } from '../hooks/types';
import { MessagesProvider, useInitialMessages } from '../i18n/context';
import type { TwoFactorMessagesOverrides } from '../i18n/context';
import { Button } from './button';
import { cx, dataFlag } from './class-names';
import { CodeForm } from './code-form';
import { Announce, AnnounceOnSettle, ComponentRoot } from './component-root';
import { Heading, toHeadingLevel } from './heading';
import type { HeadingLevel } from './heading';
import { ResendControl } from './resend-control';

export interface EmailCodeGateProps extends UseEmailCodeGateOptions {
  /** Shown only once the emailed code verifies (e.g. the settings it protects). */
  children?: ReactNode;
  /** Level of the gate's heading, to fit the host page's outline. @default 2 */
  headingLevel?: HeadingLevel;
  /** Class names after `tfa-email-gate`. */
  className?: string;
  /** Locale of the copy (and of country names). @default inherited, else 'en' */
  locale?: string;
  /** Partial copy override. */
  messages?: TwoFactorMessagesOverrides;
}

/**
 * Step-up re-verification: emails a code and keeps `children` locked until it verifies.
 *
 * @example
 * <EmailCodeGate adapter={adapter}>
 *   <TwoFactorSection adapter={adapter} />
 * </EmailCodeGate>
 */
export function EmailCodeGate({ locale, messages, ...props }: EmailCodeGateProps) {
  return (
    <MessagesProvider locale={locale} messages={messages}>
      <EmailCodeGateContent {...props} />
    </MessagesProvider>
  );
}

function EmailCodeGateContent({ children, headingLevel, className, ...options }: Omit<EmailCodeGateProps, 'locale' | 'messages'>) {
  const gate = useEmailCodeGate(options);
  const t = useInitialMessages();
  const headingId = useId();
  const lockedCountdownId = useId();
  const isVerifying = gate.status === 'verifying';
  const isSending = gate.status === 'sending';
  const sentText = gate.maskedEmail ? t.emailGateSent(gate.maskedEmail) : null;
  const leadText = isSending ? t.emailGateSending : sentText;
  // Which request ran last. A refused send's wait already counts down next to Resend code, so the
  // form's own retry notice would only repeat it in other words; a refused verify still needs it.
  const [lastRequest, setLastRequest] = useState<'send' | 'verify'>('send');

  if (gate.isVerified) return <>{children}</>;

  return (
    <ComponentRoot
      className={cx('tfa-step', 'tfa-email-gate', className)}
      data-state={gate.isLocked ? 'locked' : gate.status}
      data-pending={dataFlag(isSending || isVerifying || gate.isResending)}
      data-invalid={dataFlag(gate.fieldError !== null || (gate.error !== null && isCodeError(gate.error.code)))}
    >
      <Announce message={sentText} politeness="polite" trigger={gate.maskedEmail} />
      <AnnounceOnSettle isPending={gate.isResending} failed={gate.error !== null} message={t.codeResent} />
      <Heading level={toHeadingLevel(headingLevel)} isStepHeading id={headingId} className="tfa-heading">
        {t.emailGateHeading}
      </Heading>
      {/* No lead when the first send failed: the error says why, and a code emailed earlier still works. */}
      {leadText ? <p className="tfa-lead">{leadText}</p> : null}
      {/* Visible, not only announced: the lead does not change when a new code is emailed. Its
          slot is always there and keeps the line's room, so the status appearing moves nothing. */}
      <div className="tfa-delivery-status-slot">
        {gate.resendStatus === 'sent' ? <p className="tfa-delivery-status">{t.codeResent}</p> : null}
      </div>
      <CodeForm
        entry={gate}
        isVerifying={isVerifying}
        label={t.emailCodeLabel}
        headingId={headingId}
        showRetryNotice={lastRequest === 'verify'}
        onSubmit={() => {
          if (gate.isCodeComplete) setLastRequest('verify');
        }}
        isLocked={gate.isLocked}
        lockedActions={
          <>
            <Button
              isPending={gate.isResending}
              isDisabled={!gate.isResending && !gate.canResend}
              aria-describedby={gate.resendSecondsRemaining > 0 ? lockedCountdownId : undefined}
              onClick={() => {
                setLastRequest('send');
                gate.resend();
              }}
            >
              {gate.isResending ? t.resending : t.sendNewCode}
            </Button>
            {gate.resendSecondsRemaining > 0 ? (
              <span id={lockedCountdownId} className="tfa-countdown">
                {t.resendIn(gate.resendSecondsRemaining)}
              </span>
            ) : null}
          </>
        }
      >
        {/* Once locked, "Send a new code" (with its wait) takes Resend's place. */}
        {isSending || gate.isLocked ? null : (
          <ResendControl
            secondsRemaining={gate.resendSecondsRemaining}
            isResending={gate.isResending}
            isDisabled={gate.isVerifying}
            onResend={() => {
              setLastRequest('send');
              gate.resend();
            }}
          />
        )}
      </CodeForm>
    </ComponentRoot>
  );
}
