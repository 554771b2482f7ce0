import { useId, useState } from 'react';
import { isCodeError } from '../core/errors';
import { formatPhoneForDisplay } from '../core/phone';
import { useCodeVerification } from '../hooks/use-code-verification';
import type { UseCodeVerificationOptions } from '../hooks/types';
import { MessagesProvider, useMessages } from '../i18n/context';
import type { TwoFactorMessagesOverrides } from '../i18n/context';
import { Button } from './button';
import { cx, dataFlag } from './class-names';
import { CodeInput } from './code-input';
import { Announce, AnnounceOnSettle, ComponentRoot } from './component-root';
import { Heading, toHeadingLevel } from './heading';
import type { HeadingLevel } from './heading';
import { ResendControl } from './resend-control';
import { RetryNotice, useRetryCountdown } from './retry-notice';

export interface CodeVerificationStepProps extends UseCodeVerificationOptions {
  /** "Change number": back to phone entry, keeping the number. Hidden when omitted. */
  onChangeNumber?: () => void;
  /** Level of the step's heading. @default 2 */
  headingLevel?: HeadingLevel;
  /** Class names after `tfa-code-verification`. */
  className?: string;
  /** Locale of the copy. @default inherited, else 'en' */
  locale?: string;
  /** Partial copy override. */
  messages?: TwoFactorMessagesOverrides;
}

/**
 * Entering the code sent to the new number: "We sent a code to …" (or "Calling …"), the code
 * field, Verify, resend with a visible countdown, a switch between SMS and a voice call, and
 * "Change number". A failed verify keeps the typed code.
 */
export function CodeVerificationStep({ locale, messages, ...props }: CodeVerificationStepProps) {
  return (
    <MessagesProvider locale={locale} messages={messages}>
      <CodeVerificationStepContent {...props} />
    </MessagesProvider>
  );
}

function CodeVerificationStepContent({
  onChangeNumber,
  headingLevel,
  className,
  ...options
}: Omit<CodeVerificationStepProps, 'locale' | 'messages'>) {
  const verification = useCodeVerification(options);
  const t = useMessages();
  const headingId = useId();
  // Which control started the send in flight, so only that one shows as pending.
  const [sendSource, setSendSource] = useState<'resend' | 'switch'>('resend');
  const retrySeconds = useRetryCountdown(verification.error);

  const { error, channel, attemptsRemaining } = verification;
  const displayNumber = formatPhoneForDisplay(verification.phoneNumber);
  const sentText = channel === 'call' ? t.codeSentCall(displayNumber) : t.codeSentSms(displayNumber);
  const isVerifying = verification.status === 'verifying';
  const errorText = error ? t.errors[error.code] : null;
  const codeError = error && isCodeError(error.code) ? errorText : null;
  const formError = error && !isCodeError(error.code) ? errorText : null;
  const attemptsText = error?.code === 'invalid_code' && attemptsRemaining !== null ? t.attemptsRemaining(attemptsRemaining) : null;
  const otherChannel = channel === 'sms' ? 'call' : 'sms';

  return (
    <ComponentRoot
      className={cx('tfa-step', 'tfa-code-verification', className)}
      data-state={verification.status}
      data-channel={channel}
      data-pending={dataFlag(isVerifying || verification.isResending)}
      data-invalid={dataFlag(codeError !== null)}
    >
      <Announce message={errorText ? cx(errorText, attemptsText) : null} politeness="assertive" trigger={error} />
      <AnnounceOnSettle
        isPending={verification.isResending}
        failed={error !== null}
        message={channel === 'call' ? sentText : t.codeResent}
      />
      <Heading level={toHeadingLevel(headingLevel)} isStepHeading id={headingId} className="tfa-heading">
        {t.codeVerificationHeading}
      </Heading>
      <p className="tfa-lead">{sentText}</p>
      <form className="tfa-form" aria-labelledby={headingId} {...verification.getFormProps()}>
        <CodeInput
          inputProps={verification.getCodeInputProps()}
          label={t.phoneCodeLabel}
          description={attemptsText ? cx(t.codeHint(verification.codeLength), attemptsText) : t.codeHint(verification.codeLength)}
          errorMessage={codeError}
          isPending={isVerifying}
        />
        {formError ? <p className="tfa-error">{formError}</p> : null}
        {error?.retryAfterSeconds !== undefined ? <RetryNotice secondsRemaining={retrySeconds} /> : null}
        <div className="tfa-actions">
          <Button type="submit" isPending={isVerifying}>
            {isVerifying ? t.verifying : t.verify}
          </Button>
        </div>
      </form>
      <div className="tfa-secondary-actions">
        <ResendControl
          secondsRemaining={verification.resendSecondsRemaining}
          isResending={verification.isResending && sendSource === 'resend'}
          onResend={() => {
            setSendSource('resend');
            verification.resend();
          }}
        />
        <Button
          variant="link"
          isPending={verification.isResending && sendSource === 'switch'}
          onClick={() => {
            setSendSource('switch');
            verification.switchChannel(otherChannel);
          }}
        >
          {otherChannel === 'call' ? t.switchToCall : t.switchToSms}
        </Button>
        {onChangeNumber ? (
          <Button variant="link" onClick={onChangeNumber}>
            {t.changeNumber}
          </Button>
        ) : null}
      </div>
    </ComponentRoot>
  );
}
