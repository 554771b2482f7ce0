import { useId, useState } from 'react';
import { isCodeError } from '../core/errors';
import { useCodeVerification } from '../hooks/use-code-verification';
import type { UseCodeVerificationOptions } from '../hooks/types';
import { MessagesProvider, useMessages } from '../i18n/context';
import type { TwoFactorMessagesOverrides } from '../i18n/context';
import { Button } from './button';
import { cx, dataFlag } from './class-names';
import { CodeForm } from './code-form';
import { AnnounceOnSettle, ComponentRoot } from './component-root';
import { Heading, toHeadingLevel } from './heading';
import type { HeadingLevel } from './heading';
import { ResendControl } from './resend-control';
import { useFormattedPhoneNumber } from './use-formatted-phone-number';

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

  const { error, channel } = verification;
  const displayNumber = useFormattedPhoneNumber(verification.phoneNumber);
  const sentText = channel === 'call' ? t.codeSentCall(displayNumber) : t.codeSentSms(displayNumber);
  const isVerifying = verification.status === 'verifying';
  const otherChannel = channel === 'sms' ? 'call' : 'sms';

  return (
    <ComponentRoot
      className={cx('tfa-step', 'tfa-code-verification', className)}
      data-state={verification.status}
      data-channel={channel}
      data-pending={dataFlag(isVerifying || verification.isResending)}
      data-invalid={dataFlag(verification.fieldError !== null || (error !== null && isCodeError(error.code)))}
    >
      <AnnounceOnSettle
        isPending={verification.isResending}
        failed={error !== null}
        message={channel === 'call' ? sentText : t.codeResent}
      />
      <Heading level={toHeadingLevel(headingLevel)} isStepHeading id={headingId} className="tfa-heading">
        {t.codeVerificationHeading}
      </Heading>
      <p className="tfa-lead">{sentText}</p>
      <CodeForm entry={verification} isVerifying={isVerifying} label={t.phoneCodeLabel} headingId={headingId} />
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
