import { useId, useState } from 'react';
import { isCodeError } from '../core/errors';
import type { PhoneCodeChannel } from '../core/adapter';
import { useCodeVerification } from '../hooks/use-code-verification';
import type { CodeVerificationState, UseCodeVerificationOptions } from '../hooks/types';
import { MessagesProvider } from '../i18n/context';
import { useMessages } from '../i18n/messages';
import type { TwoFactorMessagesOverrides } from '../i18n/context';
import { Button } from './button';
import { cx, dataFlag } from './class-names';
import { CodeForm } from './code-form';
import { AnnounceOnSettle, ComponentRoot } from './component-root';
import { Heading, toHeadingLevel } from './heading';
import type { HeadingLevel } from './heading';
import { useFormattedPhoneNumber } from './use-formatted-phone-number';

export interface CodeVerificationStepProps extends UseCodeVerificationOptions {
  /**
   * "Change number": back to phone entry, keeping the number. Hidden when omitted. Not called
   * while a verify is in flight.
   */
  onChangeNumber?: () => void;
  /** Level of the step's heading. @default 2 */
  headingLevel?: HeadingLevel;
  /** Class names after `tfa-code-verification`. */
  className?: string;
  /** Locale of the copy. @default inherited, else 'en' */
  locale?: string;
  /** Partial copy override. */
  messages?: TwoFactorMessagesOverrides;
  /**
   * Whether "Didn't get a code?" starts open. Open by default so "Receive a call" is on the step
   * from the start, as in the product flow; the user may fold it away.
   * @default true
   */
  defaultHelpOpen?: boolean;
}

/**
 * Entering the code sent to the new number: "We sent a code to …" (or "Calling …"), the code
 * field and Verify, "Change number", and a "Didn't get a code?" disclosure offering, in order, a
 * new code by SMS, a call, and another number, with when the code expires and when a new one may
 * be requested. What happened is said visibly and in the live region. While a verify is in
 * flight none of these can start; after too many wrong attempts the field is disabled and the
 * step offers a new code or another number. A failed verify keeps the typed code.
 */
export function CodeVerificationStep({ locale, messages, ...props }: CodeVerificationStepProps) {
  return (
    <MessagesProvider locale={locale} messages={messages}>
      <CodeVerificationStepContent {...props} />
    </MessagesProvider>
  );
}

function CodeVerificationStepContent({
  headingLevel,
  className,
  defaultHelpOpen = true,
  ...options
}: Omit<CodeVerificationStepProps, 'locale' | 'messages'>) {
  const verification = useCodeVerification(options);
  const t = useMessages();
  const headingId = useId();
  const helpId = useId();
  const [helpOpen, setHelpOpen] = useState(defaultHelpOpen);

  const { error, channel, delivery } = verification;
  const displayNumber = useFormattedPhoneNumber(verification.phoneNumber);
  const sentText = channel === 'call' ? t.codeSentCall(displayNumber) : t.codeSentSms(displayNumber);
  const isVerifying = verification.status === 'verifying';
  const canChangeNumber = options.onChangeNumber !== undefined;
  // Said visibly as well as announced: a new SMS does not change the lead, so it needs a line.
  const deliveryText =
    delivery.status === 'sent' ? (delivery.channel === 'call' ? t.codeSentCall(displayNumber) : t.codeResent) : null;
  const statusText = deliveryText !== sentText ? deliveryText : null;

  return (
    <ComponentRoot
      className={cx('tfa-step', 'tfa-code-verification', className)}
      data-state={verification.isLocked ? 'locked' : verification.status}
      data-channel={channel}
      data-pending={dataFlag(isVerifying || verification.isResending)}
      data-invalid={dataFlag(verification.fieldError !== null || (error !== null && isCodeError(error.code)))}
    >
      <AnnounceOnSettle
        isPending={verification.isResending}
        failed={delivery.status !== 'sent'}
        message={delivery.channel === 'call' ? t.codeSentCall(displayNumber) : t.codeResent}
      />
      <Heading level={toHeadingLevel(headingLevel)} isStepHeading id={headingId} className="tfa-heading">
        {t.codeVerificationHeading}
      </Heading>
      <p className="tfa-lead">{sentText}</p>
      {/* The slot is always there and keeps the line's room, so the status appearing moves nothing. */}
      <div className="tfa-delivery-status-slot">
        {statusText ? (
          <p className="tfa-delivery-status" data-channel={delivery.channel}>
            {statusText}
          </p>
        ) : null}
      </div>
      <CodeForm
        entry={verification}
        isVerifying={isVerifying}
        label={t.phoneCodeLabel}
        headingId={headingId}
        isLocked={verification.isLocked}
        lockedActions={
          <>
            <DeliveryButton verification={verification} channel={channel} variant="primary">
              {t.sendNewCode}
            </DeliveryButton>
            {canChangeNumber ? (
              <Button variant="secondary" isDisabled={isVerifying} onClick={verification.changeNumber}>
                {t.useAnotherNumber}
              </Button>
            ) : null}
          </>
        }
      />
      {canChangeNumber ? (
        <div className="tfa-secondary-actions">
          <Button variant="link" isDisabled={isVerifying} onClick={verification.changeNumber}>
            {t.changeNumber}
          </Button>
        </div>
      ) : null}
      {/* Locked out, the step already offers a new code and another number in the form's place. */}
      {verification.isLocked ? null : (
        <div className="tfa-delivery-help" data-state={helpOpen ? 'open' : 'closed'}>
          <Button
            variant="link"
            className="tfa-delivery-help__toggle"
            aria-expanded={helpOpen}
            aria-controls={helpId}
            onClick={() => setHelpOpen((open) => !open)}
          >
            {t.didntGetCode}
          </Button>
          <div id={helpId} className="tfa-delivery-help__panel" hidden={!helpOpen}>
            <p className="tfa-hint">
              {t.codeExpiresSoon}{' '}
              <span id={`${helpId}-countdown`} className="tfa-countdown">
                {verification.resendSecondsRemaining > 0 ? t.resendIn(verification.resendSecondsRemaining) : t.newCodeNow}
              </span>
            </p>
            <ol className="tfa-delivery-help__options">
              <li>
                <DeliveryButton verification={verification} channel="sms" countdownId={`${helpId}-countdown`}>
                  {t.resendSms}
                </DeliveryButton>
              </li>
              <li>
                <DeliveryButton verification={verification} channel="call" countdownId={`${helpId}-countdown`}>
                  {t.switchToCall}
                </DeliveryButton>
              </li>
              {canChangeNumber ? (
                <li>
                  <Button variant="link" isDisabled={isVerifying} onClick={verification.changeNumber}>
                    {t.useAnotherNumber}
                  </Button>
                </li>
              ) : null}
            </ol>
          </div>
        </div>
      )}
    </ComponentRoot>
  );
}

/**
 * Asks for a new code on one channel: pending while that request is out, unavailable (but
 * focusable, with the wait as its description) while verifying, sending or cooling down. Without
 * `countdownId` it shows the wait itself, next to the button.
 */
function DeliveryButton({
  verification,
  channel,
  variant = 'link',
  countdownId: sharedCountdownId,
  children,
}: {
  verification: CodeVerificationState;
  channel: PhoneCodeChannel;
  variant?: 'primary' | 'link';
  countdownId?: string;
  children: string;
}) {
  const t = useMessages();
  const ownCountdownId = useId();
  const countdownId = sharedCountdownId ?? ownCountdownId;
  const isPending = verification.isResending && verification.delivery.channel === channel;
  const seconds = verification.resendSecondsRemaining;
  return (
    <>
      <Button
        variant={variant}
        isPending={isPending}
        isDisabled={!isPending && !verification.canResend}
        aria-describedby={seconds > 0 ? countdownId : undefined}
        onClick={() => verification.resend(channel)}
      >
        {isPending ? t.resending : children}
      </Button>
      {seconds > 0 && sharedCountdownId === undefined ? (
        <span id={countdownId} className="tfa-countdown">
          {t.resendIn(seconds)}
        </span>
      ) : null}
    </>
  );
}
