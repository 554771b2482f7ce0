import { forwardRef, useCallback, useRef, useState } from 'react';
import type { InputHTMLAttributes, KeyboardEvent } from 'react';
import PhoneInput from 'react-phone-number-input/input-core';
import { AsYouType, getCountryCallingCode, parseIncompletePhoneNumber } from 'libphonenumber-js/core';
import type { CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';
import { useMessages } from '../i18n/context';
import { cx } from './class-names';
import { CountrySelect } from './country-select';

/** Props of the phone step's country select and number input. */
export interface PhoneFieldProps {
  /** The number as react-hook-form holds it: E.164 (possibly incomplete), or `''`. */
  value: string;
  /** Called with the new E.164 value (`''` when empty), in the same event as the keystroke. */
  onChange: (value: string) => void;
  /** Marks the field touched. */
  onBlur: () => void;
  /** react-hook-form's ref callback, so a failed submit can focus the number input. */
  inputRef: (element: HTMLInputElement | null) => void;
  /** The country selected at first when `value` does not name one. */
  defaultCountry?: CountryCode;
  /** `id` of the number input (its `<label>` points at it). */
  id: string;
  /** `name` of the number input. */
  name: string;
  /** Whether the number is shown as invalid. */
  invalid: boolean;
  /** Ids of the texts that describe the number input. */
  describedBy?: string;
}

/**
 * The country select and the number input (react-phone-number-input's `input-core`, formatting as
 * the user types, with the `min` metadata). The select picks how a number without `+` is read; a
 * number typed with `+` picks its own country, which the select then shows.
 *
 * react-phone-number-input reports a change from an effect, after committing its own state, so
 * passing that on would make every keystroke two commits. The input's own `input`/`keydown`
 * handlers therefore compute the same E.164 value right after react-phone-number-input has
 * formatted the text, and report it in the same event; its later report is then the same value
 * and ignored. Its `value` prop only changes when the select re-reads the number (a new `key`
 * mounts it afresh), so nothing typed is ever fed back into it.
 */
export function PhoneField({ value, onChange, onBlur, inputRef, defaultCountry, id, name, invalid, describedBy }: PhoneFieldProps) {
  const [initial] = useState(() => {
    // The input only takes E.164; anything else (raw text from a host) starts empty.
    const initialValue = value.startsWith('+') ? value : undefined;
    return { value: initialValue, country: countryOf(initialValue) ?? defaultCountry };
  });
  // The country numbers without `+` are read in, and the number the input starts from. Both
  // change only through the select, together, and remount the input.
  const [reading, setReading] = useState({ country: initial.country, value: initial.value, key: 0 });
  // The country the select shows: the one chosen, until typing shows the number belongs elsewhere.
  const [shown, setShown] = useState(initial.country);
  const reportedRef = useRef(value);
  reportedRef.current = value;
  const numberInputRef = useRef<HTMLInputElement | null>(null);

  const report = (next: string) => {
    if (next === reportedRef.current) return;
    reportedRef.current = next;
    onChange(next);
  };

  /** What react-phone-number-input makes of the text it has just formatted into the input. */
  const reportInput = (input: HTMLInputElement) => {
    let digits = parseIncompletePhoneNumber(input.value);
    // Without a country it reads every number as international.
    if (reading.country === undefined && digits !== '' && !digits.startsWith('+')) digits = `+${digits}`;
    const next = digits === '' ? '' : (asYouType(digits, reading.country).getNumberValue() ?? '');
    setShown(shownCountry(next, reading.country));
    report(next);
  };

  const selectCountry = (country?: CountryCode) => {
    const digits = parseIncompletePhoneNumber(numberInputRef.current?.value ?? '');
    let next: string | undefined;
    if (!digits.startsWith('+')) {
      // Digits typed without `+` are read again in the new country ("International": as typed,
      // in the country they were typed for).
      next = digits === '' ? undefined : asYouType(digits, country ?? reading.country).getNumberValue();
    } else if (country === undefined || digits.startsWith(`+${getCountryCallingCode(country, metadata)}`)) {
      next = value === '' ? undefined : value;
    }
    // Otherwise an international number of another country is dropped, as
    // react-phone-number-input's own country select does. Focus stays on the select (WCAG 3.2.2
    // On Input): the input mounted afresh does not take it.
    setReading((current) => ({ country, value: next, key: current.key + 1 }));
    setShown(country);
    report(next ?? '');
  };

  const refs = useCallback(
    (element: HTMLInputElement | null) => {
      numberInputRef.current = element;
      inputRef(element);
    },
    [inputRef],
  );

  return (
    <div className={cx('PhoneInput', 'tfa-phone-input')}>
      <CountrySelect value={shown} onChange={selectCountry} />
      <PhoneInput
        key={reading.key}
        ref={refs}
        metadata={metadata}
        defaultCountry={reading.country}
        value={reading.value as `+${string}` | undefined}
        // A number handed in (kept from an earlier visit) shows in international format, as it
        // always has; digits re-read in a newly chosen country show in its national format.
        useNationalFormatForDefaultCountryValue={reading.key > 0}
        onChange={(reported?: string) => report(reported ?? '')}
        onBlur={onBlur}
        onInputChange={reportInput}
        inputComponent={PhoneNumberInput}
        id={id}
        name={name}
        autoComplete="tel"
        className="PhoneInputInput"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

function asYouType(digits: string, country: CountryCode | undefined): AsYouType {
  const formatter = new AsYouType(country, metadata);
  formatter.input(digits);
  return formatter;
}

function countryOf(value: string | undefined): CountryCode | undefined {
  return value ? asYouType(value, undefined).getCountry() : undefined;
}

/**
 * The country to show for a typed number: the one numbers are read in, unless the number belongs
 * to another calling code (typed with `+`): then its own country, or "International" until that
 * is known.
 */
function shownCountry(value: string, country: CountryCode | undefined): CountryCode | undefined {
  if (!value.startsWith('+')) return country;
  if (country !== undefined && value.startsWith(`+${getCountryCallingCode(country, metadata)}`)) return country;
  return countryOf(value);
}

interface PhoneNumberInputProps extends InputHTMLAttributes<HTMLInputElement> {
  /** Called after react-phone-number-input has handled an edit, with the input it formatted. */
  onInputChange?: (input: HTMLInputElement) => void;
}

/** The number `<input>` with its visible label, as react-phone-number-input's `inputComponent`. */
const PhoneNumberInput = forwardRef<HTMLInputElement, PhoneNumberInputProps>(function PhoneNumberInput(
  { className, onChange, onKeyDown, onInputChange, ...props },
  ref,
) {
  const t = useMessages();
  return (
    <div className="tfa-field tfa-phone-number-field">
      <label htmlFor={props.id} className="tfa-label">
        {t.phoneLabel}
      </label>
      <input
        {...props}
        ref={ref}
        className={cx('tfa-input', className)}
        onChange={(event) => {
          onChange?.(event);
          onInputChange?.(event.currentTarget);
        }}
        onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
          onKeyDown?.(event);
          // Backspace and Delete are applied by the formatter itself, which cancels the key.
          if (event.defaultPrevented) onInputChange?.(event.currentTarget);
        }}
      />
    </div>
  );
});
