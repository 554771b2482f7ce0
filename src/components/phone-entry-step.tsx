import { useCallback, useId, useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { CountryCode } from 'libphonenumber-js/core';
import type { PhoneCodeChannel } from '../core/adapter';
import type { TwoFactorErrorCode } from '../core/errors';
import { callingCodeOfCountry } from '../core/phone-metadata/store';
import { usePhoneEntryWith } from '../hooks/use-phone-entry';
import type { UsePhoneEntryOptions } from '../hooks/types';
import { MessagesProvider } from '../i18n/context';
import { useMessages } from '../i18n/messages';
import type { TwoFactorMessagesOverrides } from '../i18n/context';
import { Button } from './button';
import { cx, dataFlag } from './class-names';
import { Announce, ComponentRoot } from './component-root';
import { Heading, toHeadingLevel } from './heading';
import type { HeadingLevel } from './heading';
import { PhoneField } from './phone-field';
import type { PhoneSupport } from './phone-support';
import { FULL_PHONE_SUPPORT } from './phone-support-full';
import { RetryNotice } from './retry-notice';

export interface PhoneEntryStepProps extends UsePhoneEntryOptions {
  /** Level of the step's heading. @default 2 */
  headingLevel?: HeadingLevel;
  /** Class names after `tfa-phone-entry`. */
  className?: string;
  /** Locale of the copy and of the country names. @default inherited, else 'en' */
  locale?: string;
  /** Partial copy override. */
  messages?: TwoFactorMessagesOverrides;
  /**
   * ISO 3166-1 alpha-2 countries the country select lists first, right after "International".
   * @default [defaultCountry] (when set)
   */
  preferredCountries?: readonly string[];
}

/** Adapter failures about the number itself: shown on the phone field. */
function isNumberError(code: TwoFactorErrorCode): boolean {
  return code === 'invalid_phone_number' || code === 'unsupported_phone_number';
}

/**
 * Entering the new number: a country select with names in the user's language, the phone field
 * (react-phone-number-input's input with min metadata, no flags), a notice about choosing a
 * number hosted elsewhere, and "Send code via SMS" / "Receive a call". A failed send keeps the
 * number in the field.
 */
export function PhoneEntryStep({ locale, messages, ...props }: PhoneEntryStepProps) {
  return (
    <MessagesProvider locale={locale} messages={messages}>
      <PhoneEntryStepContent {...props} phone={FULL_PHONE_SUPPORT} />
    </MessagesProvider>
  );
}

/** The step's content over the given phone support (the wizard's: ./wizard-phone-entry-step). */
export function PhoneEntryStepContent({
  headingLevel,
  className,
  phone,
  preferredCountries: preferredCountriesProp,
  ...options
}: Omit<PhoneEntryStepProps, 'locale' | 'messages'> & { phone: PhoneSupport }) {
  const entry = usePhoneEntryWith(phone.entryRules, options);
  const t = useMessages();
  const headingId = useId();
  const inputId = useId();
  const noticeId = `${inputId}-notice`;
  const errorId = `${inputId}-error`;
  const retryId = `${inputId}-retry`;
  // The number as a controlled field of the form, as react-hook-form's `Controller` would wire it
  // (without it: about 1 kB gzip): its value watched, edits and blur through `register`'s own
  // handlers (validation, dirty and touched state alike), and for a failed submit's focus, the
  // input behind a stable object with its `focus` (never the element: `register` would write the
  // E.164 value into the formatted input).
  const { control, register } = entry.form;
  const phoneValue = useWatch({ control, name: 'phone' });
  const phoneField = register('phone');
  const registerRef = phoneField.ref;
  const inputRef = useCallback(
    (element: HTMLInputElement | null) => registerRef(element && { focus: () => element.focus() }),
    // `register`'s ref callback is the same for the form's life in all but identity.
    [],
  );
  // Which button started the send, so only that one shows as pending.
  const [channel, setChannel] = useState<PhoneCodeChannel>('sms');

  const defaultCountry = toCountry(options.defaultCountry);
  const preferredCountries = (preferredCountriesProp ?? (defaultCountry ? [defaultCountry] : []))
    .map(toCountry)
    .filter((country): country is CountryCode => country !== undefined);
  const isSending = entry.status === 'sending';
  const isWaiting = entry.retrySecondsRemaining > 0;
  const adapterError = entry.error;
  const parseErrorText = entry.fieldError ? t.phoneErrors[entry.fieldError] : null;
  const adapterErrorText = adapterError ? t.errors[adapterError.code] : null;
  const isNumberFailure = adapterError !== null && isNumberError(adapterError.code);
  const fieldErrorText = entry.fieldError ? parseErrorText : isNumberFailure ? adapterErrorText : null;
  const formErrorText = isNumberFailure ? null : adapterErrorText;
  const showRetry = isWaiting || (adapterError?.code === 'rate_limited' && adapterError.retryAfterSeconds !== undefined);
  // The send buttons differ only in their channel; the other one waits while one is sending.
  const sendButtonProps = (buttonChannel: PhoneCodeChannel) => ({
    isPending: isSending && channel === buttonChannel,
    isDisabled: (isSending && channel !== buttonChannel) || isWaiting,
    'aria-describedby': showRetry ? retryId : undefined,
    children: isSending && channel === buttonChannel ? t.sending : buttonChannel === 'sms' ? t.sendSms : t.sendCall,
  });


  return (
    <ComponentRoot
      className={cx('tfa-step', 'tfa-phone-entry', className)}
      data-state={entry.status}
      data-pending={dataFlag(isSending)}
      data-invalid={dataFlag(fieldErrorText !== null)}
    >
      <Announce message={parseErrorText} politeness="assertive" trigger={entry.form.formState.submitCount} />
      <Announce message={adapterErrorText} politeness="assertive" trigger={adapterError} />
      <Heading level={toHeadingLevel(headingLevel)} isStepHeading id={headingId} className="tfa-heading">
        {t.phoneEntryHeading}
      </Heading>
      <form className="tfa-form" aria-labelledby={headingId} {...entry.getFormProps({ onSubmit: () => setChannel('sms') })}>
        <div className="tfa-phone-field" data-invalid={dataFlag(fieldErrorText !== null)}>
          <PhoneField
            value={phoneValue}
            onChange={(value) => void phoneField.onChange({ target: { name: phoneField.name, value }, type: 'change' })}
            onBlur={() => void phoneField.onBlur({ target: { name: phoneField.name, value: entry.form.getValues('phone') }, type: 'blur' })}
            inputRef={inputRef}
            id={inputId}
            name={phoneField.name}
            defaultCountry={defaultCountry}
            invalid={fieldErrorText !== null}
            describedBy={cx(fieldErrorText ? errorId : null, noticeId)}
            errorMessage={fieldErrorText}
            errorId={errorId}
            phone={phone}
            preferredCountries={preferredCountries}
          />
        </div>
        <p id={noticeId} className="tfa-notice">
          {t.phoneNotice}
        </p>
        {formErrorText ? <p className="tfa-error">{formErrorText}</p> : null}
        {showRetry ? <RetryNotice id={retryId} secondsRemaining={entry.retrySecondsRemaining} /> : null}
        <div className="tfa-actions">
          <Button type="submit" {...sendButtonProps('sms')} />
          <Button
            variant="secondary"
            {...sendButtonProps('call')}
            onClick={() => {
              setChannel('call');
              entry.sendCode('call');
            }}
          />
        </div>
      </form>
    </ComponentRoot>
  );
}

export function toCountry(code: string | undefined): CountryCode | undefined {
  if (code === undefined) return undefined;
  const upper = code.toUpperCase() as CountryCode;
  return callingCodeOfCountry(upper) === undefined ? undefined : upper;
}
