import { forwardRef, useCallback, useEffect, useRef, useState } from 'react';
import type { ClipboardEvent, InputHTMLAttributes, KeyboardEvent } from 'react';
import PhoneInput from 'react-phone-number-input/input-core';
import { AsYouType, parseIncompletePhoneNumber } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import { normalizePhoneCharacters, normalizePhoneInput } from '../core/phone-rules';
import { callingCodeOfCountry } from '../core/phone-metadata/store';
import { useMessages } from '../i18n/messages';
import { cx } from './class-names';
import { CountrySelect } from './country-select';
import type { PhoneSupport } from './phone-support';

/** Props of the phone step's country select and number input. */
export interface PhoneFieldProps {
  /** The number as react-hook-form holds it: E.164 (possibly incomplete), or `''`. */
  value: string;
  /** Called with the new E.164 value (`''` when empty), in the same event as the keystroke. */
  onChange: (value: string) => void;
  /** Marks the field touched. */
  onBlur: () => void;
  /** Called with the number input (and null when it goes), so a failed submit can focus it. */
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
  /** Why the number is invalid, shown under the number input (not under the country select). */
  errorMessage?: string | null;
  /** `id` of that message (for `describedBy`). */
  errorId?: string;
  /** The metadata and rules numbers are read with. */
  phone: PhoneSupport;
  /** Countries the select lists first. */
  preferredCountries?: readonly CountryCode[];
}

/**
 * The country select and the number input (react-phone-number-input's `input-core`, formatting as
 * the user types, with the `min` metadata). The select picks how a number without `+` is read; a
 * number typed with `+` (or an international prefix) picks its own country, which the select then
 * shows. An international prefix (`0044…`, `011 44…`) is written as `+` once the number is known to
 * be international (`withPlus`), so it shows in international format, as it is sent. Choosing a
 * country keeps the digits and types them again in it (`phoneDigitsForCountry`): only the
 * international part of a number of another calling code goes.
 *
 * react-phone-number-input reports a change from an effect, after committing its own state, so
 * passing that on would make every keystroke two commits. The input's own `input`/`keydown`
 * handlers therefore read the text right after react-phone-number-input has formatted it
 * (`readPhoneDigits`, which also takes `00` as an international prefix where
 * react-phone-number-input does not) and report it in the same event; its own later report is
 * ignored. It is only given a number when the select re-reads one (a new `key` mounts it afresh,
 * with the number as `value` or its kept digits typed in), so nothing typed is fed back into it.
 */
export function PhoneField({
  value,
  onChange,
  onBlur,
  inputRef,
  defaultCountry,
  id,
  name,
  invalid,
  describedBy,
  errorMessage,
  errorId,
  phone,
  preferredCountries,
}: PhoneFieldProps) {
  const { metadata, rules } = phone;
  const [initial] = useState(() => {
    // The input only takes E.164; anything else (raw text from a host) starts empty.
    const initialValue = value.startsWith('+') ? value : undefined;
    return { value: initialValue, country: countryOf(initialValue, metadata) ?? defaultCountry };
  });
  // The country numbers without `+` are read in, and what the input starts from: `value` (E.164,
  // shown in international format) or `text`, typed into it once mounted. They change only
  // through the select, together, and remount the input.
  const [reading, setReading] = useState<Reading>({ country: initial.country, value: initial.value, key: 0 });
  // The country the select shows: the one chosen, until typing shows the number belongs elsewhere.
  const [shown, setShown] = useState(initial.country);
  // Text with more than a number in it (an extension, a dialler's pause, letters), shown exactly as
  // typed and reported as it is, so validation refuses it. The formatter would drop the marks and
  // fold the digits after them into the number: someone else's number (issue 15).
  const [rawText, setRawText] = useState<string | null>(null);
  // Counts metadata arrivals (a calling code typed after `+`, a country chosen): each formats the
  // input again and re-reads it.
  const [metadataVersion, setMetadataVersion] = useState(0);
  // The latest country chosen while its metadata loads: only that one is applied.
  const choiceRef = useRef(0);
  // Said when a chosen country did not take over a number typed with another `+code`.
  const [notice, setNotice] = useState<string | null>(null);
  const t = useMessages();
  const noticeId = `${id}-country-notice`;
  const retypingRef = useRef(false);
  // An example number of the country shown (its metadata is there once the country is chosen).
  const example = phone.exampleFor(shown);
  const hintId = `${id}-example`;
  const reportedRef = useRef(value);
  reportedRef.current = value;
  const numberInputRef = useRef<HTMLInputElement | null>(null);

  const report = (next: string) => {
    if (next === reportedRef.current) return;
    reportedRef.current = next;
    onChange(next);
  };

  /** What the text react-phone-number-input has just formatted into the input stands for. */
  const reportInput = (input: HTMLInputElement) => {
    setRawText(null);
    // The kept digits typed in after a country change are not an edit: its notice stays.
    if (!retypingRef.current) setNotice(null);
    const digits = parseIncompletePhoneNumber(input.value);
    if (!phone.isReadyFor(digits, reading.country)) {
      // Its calling code's metadata is on its way: the digits as typed until it comes (a submit
      // meanwhile waits for it), then the input formats them and they are read again.
      report(digits);
      phone.loadFor(digits, reading.country).then(
        (loaded) => {
          if (loaded) setMetadataVersion((version) => version + 1);
        },
        () => {
          // Offline: the digits stay as typed; the next keystroke tries again.
        },
      );
      return;
    }
    const next = rules.readPhoneDigits(digits, reading.country).e164;
    setShown(shownCountry(next, reading.country, metadata));
    report(next);
  };

  /**
   * The input's text with its international prefix (`0044…`, `011 44…`) written as `+`, and the
   * caret for it, once the number is read as international: it then shows in international
   * format (`+44 20 7946 0958`), as it is sent. Undefined when there is no such prefix (yet).
   */
  const withPlus = (text: string, caret: number): { text: string; caret: number } | undefined => {
    if (isMoreThanANumber(text)) return undefined;
    const digits = parseIncompletePhoneNumber(text);
    const prefix = rules.internationalPrefixOf(digits, reading.country);
    if (prefix === undefined) return undefined;
    const digitsBeforeCaret = parseIncompletePhoneNumber(text.slice(0, caret)).length;
    return { text: `+${digits.slice(prefix.length)}`, caret: 1 + Math.max(0, digitsBeforeCaret - prefix.length) };
  };

  // Metadata arrived for what is typed: read the input again (it has just been formatted with it),
  // or, when the metadata shows it was dialled with an international prefix, type it again with `+`.
  useEffect(() => {
    const input = numberInputRef.current;
    if (metadataVersion > 0 && input !== null && rawText === null) {
      const international = withPlus(input.value, input.selectionStart ?? input.value.length);
      if (international === undefined) reportInput(input);
      else typeInto(input, international.text);
    }
    // Only on arrivals: every edit reports itself.
  }, [metadataVersion]);

  /** Text that is more than a number: kept as typed, and reported so that it cannot be sent. */
  const reportRawText = (text: string) => {
    setRawText(text);
    setNotice(null);
    report(normalizePhoneInput(text));
  };

  const selectCountry = (country?: CountryCode) => {
    const choice = (choiceRef.current += 1);
    setShown(country);
    if (!phone.isReadyFor('', country)) {
      phone.loadFor('', country).then(
        () => {
          if (choiceRef.current === choice) applyCountry(country);
        },
        () => {
          // Offline: the choice stays on the select; the number is read as before.
        },
      );
      return;
    }
    applyCountry(country);
  };

  const applyCountry = (country?: CountryCode) => {
    if (rawText !== null && !isMoreThanANumber(rawText)) {
      // Digits typed in "International" without `+`: now that a country is chosen, they are a
      // national number of it (never read as a `+code`, which would pick a country at random).
      const digits = parseIncompletePhoneNumber(rawText);
      setRawText(null);
      setReading((current) => ({ country, text: digits, key: current.key + 1 }));
      const next = rules.readPhoneDigits(digits, country).e164;
      setShown(shownCountry(next, country, metadata));
      report(next);
      return;
    }
    if (rawText !== null) {
      // Nothing to re-read: the text stays as typed (and refused) in any country.
      setReading((current) => ({ country, key: current.key + 1 }));
      setShown(country);
      return;
    }
    const digits = rules.phoneDigitsForCountry(
      parseIncompletePhoneNumber(numberInputRef.current?.value ?? ''),
      reading.country,
      country,
    );
    const next = rules.readPhoneDigits(digits, country).e164;
    // "International" shows the number in international format and stays chosen even for a number
    // whose country is known; a country gets the digits typed into its input, formatted as the
    // user would see them typing there (or left as they are where it has no format for them).
    setReading((current) =>
      country === undefined
        ? { country, value: next === '' ? undefined : next, key: current.key + 1 }
        : { country, text: digits, key: current.key + 1 },
    );
    const shownNext = country === undefined ? undefined : shownCountry(next, country, metadata);
    setShown(shownNext);
    // The number keeps its own country (issue 13): say why the select went back to it.
    const keptCode = next.startsWith('+') ? rules.readPhoneDigits(next).callingCode : undefined;
    setNotice(country !== undefined && keptCode !== undefined && keptCode !== callingCodeOfCountry(country) ? t.phoneCountryKept(keptCode) : null);
    report(next);
  };

  // Types the kept digits into the input mounted for the new country, as autofill would: the
  // formatter formats them and `reportInput` reads them (the same number as reported above).
  // Focus stays on the select (WCAG 3.2.2 On Input).
  useEffect(() => {
    const input = numberInputRef.current;
    if (input !== null && reading.text) {
      retypingRef.current = true;
      try {
        typeInto(input, reading.text);
      } finally {
        retypingRef.current = false;
      }
    }
  }, [reading]);

  const refs = useCallback(
    (element: HTMLInputElement | null) => {
      numberInputRef.current = element;
      inputRef(element);
    },
    [inputRef],
  );

  return (
    <>
    <div className={cx('PhoneInput', 'tfa-phone-input')}>
      <CountrySelect value={shown} onChange={selectCountry} preferredCountries={preferredCountries} />
      <PhoneInput
        key={reading.key}
        ref={refs}
        metadata={metadata}
        defaultCountry={reading.country}
        value={reading.value as `+${string}` | undefined}
        // A number handed in (kept from an earlier visit) shows in international format.
        useNationalFormatForDefaultCountryValue={false}
        // Every edit is reported by `reportInput` in its own event; this later report is either the
        // same or, for a number typed with `00` where that is not the country's own prefix,
        // react-phone-number-input's national reading of it, which would undo ours.
        onChange={ignoreReport}
        onBlur={onBlur}
        onInputChange={reportInput}
        isWholeInternationalNumber={rules.isWholeInternationalNumber}
        metadataVersion={metadataVersion}
        rawText={rawText}
        onRawText={reportRawText}
        needsPlus={reading.country === undefined}
        withPlus={withPlus}
        hint={example === undefined ? undefined : t.phoneExample(example)}
        hintId={hintId}
        inputComponent={PhoneNumberInput}
        id={id}
        name={name}
        autoComplete="tel"
        className="PhoneInputInput"
        aria-invalid={invalid || undefined}
        aria-describedby={cx(example === undefined ? null : hintId, describedBy, notice ? noticeId : null) || undefined}
        errorMessage={errorMessage}
        errorId={errorId}
      />
    </div>
      {/* Always rendered: a live region must exist before its message. */}
      <p id={noticeId} className="tfa-hint tfa-phone-country-notice" aria-live="polite">
        {notice}
      </p>
    </>
  );
}

function ignoreReport(): void {}

/**
 * Puts `text` into the input and fires `input`, as the browser does for autofill, so the formatter
 * and react-phone-number-input handle it as anything typed. React tracks the value it last set
 * through the element's own `value` property; setting it through the prototype's setter leaves
 * that record alone, so React sees the event as a change.
 */
function typeInto(input: HTMLInputElement, text: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The country numbers without `+` are read in, and what the input starts from. */
interface Reading {
  country: CountryCode | undefined;
  /** E.164, passed to the input as its `value`. */
  value?: string | undefined;
  /** Digits typed into the input once it is mounted. */
  text?: string;
  /** Changes whenever the select re-reads the number, to mount the input afresh. */
  key: number;
}

function countryOf(value: string | undefined, metadata: MetadataJson): CountryCode | undefined {
  if (!value) return undefined;
  const formatter = new AsYouType(undefined, metadata);
  formatter.input(value);
  return formatter.getCountry();
}

/**
 * The country to show for a typed number: the one numbers are read in, unless the number belongs
 * to another calling code (typed with `+`): then its own country, or "International" until that
 * is known.
 */
function shownCountry(value: string, country: CountryCode | undefined, metadata: MetadataJson): CountryCode | undefined {
  if (!value.startsWith('+')) return country;
  const callingCode = callingCodeOfCountry(country);
  if (callingCode !== undefined && value.startsWith(`+${callingCode}`)) return country;
  return countryOf(value, metadata);
}

interface PhoneNumberInputProps extends InputHTMLAttributes<HTMLInputElement> {
  /** Called after react-phone-number-input has handled an edit, with the input it formatted. */
  onInputChange?: (input: HTMLInputElement) => void;
  /** Whether pasted text is a whole international number (it then replaces the field's digits). */
  isWholeInternationalNumber?: ((text: string) => boolean) | undefined;
  /** Changes when metadata arrives, so the formatter formats the input again (not an attribute). */
  metadataVersion?: number | undefined;
  /** Text shown as typed instead of the formatter's, when it is more than a number. */
  rawText?: string | null | undefined;
  /** "International" is chosen: digits without `+` are kept as typed until a country is chosen. */
  needsPlus?: boolean | undefined;
  /** The text with its international prefix written as `+` (see `PhoneField`), if it has one. */
  withPlus?: ((text: string, caret: number) => { text: string; caret: number } | undefined) | undefined;
  /** A hint between the label and the input (an example number). */
  hint?: string | undefined;
  /** `id` of the hint. */
  hintId?: string | undefined;
  /** Called instead of the formatter when the text is more than a number. */
  onRawText?: ((text: string) => void) | undefined;
  /** See `PhoneFieldProps`. */
  errorMessage?: string | null | undefined;
  errorId?: string | undefined;
}

/** The number `<input>` with its visible label, as react-phone-number-input's `inputComponent`. */
const PhoneNumberInput = forwardRef<HTMLInputElement, PhoneNumberInputProps>(function PhoneNumberInput(
  {
    className,
    onChange,
    onKeyDown,
    onPaste,
    onInputChange,
    isWholeInternationalNumber,
    metadataVersion: _metadataVersion,
    rawText,
    onRawText,
    needsPlus,
    withPlus,
    hint,
    hintId,
    errorMessage,
    errorId,
    value,
    ...props
  },
  ref,
) {
  const t = useMessages();
  const isRaw = rawText !== null && rawText !== undefined;
  return (
    <div className="tfa-field tfa-phone-number-field">
      <label htmlFor={props.id} className="tfa-label">
        {t.phoneLabel}
      </label>
      {hint ? (
        <p id={hintId} className="tfa-hint tfa-phone-example">
          {hint}
        </p>
      ) : null}
      <input
        {...props}
        ref={ref}
        value={isRaw ? rawText : value}
        className={cx('tfa-input', className)}
        onPaste={(event: ClipboardEvent<HTMLInputElement>) => {
          onPaste?.(event);
          if (!event.defaultPrevented && isWholeInternationalNumber) selectAllForWholeNumber(event, isWholeInternationalNumber);
        }}
        onChange={(event) => {
          // The formatter reads only an ASCII `+`, and only first: a pasted or autofilled
          // fullwidth `＋` would be dropped and the number read as national, and a `+` typed
          // inside the number would drop every digit after it.
          normalizeCharacters(event.currentTarget);
          // `0044 20…` or `011 44 20…`: written with `+` before the formatter sees it, so it
          // shows as the international number it is read as (issue 13).
          writeWithPlus(event.currentTarget, withPlus);
          const text = event.currentTarget.value;
          // An extension (`ext. 7`, `x89`, `, 7`, `#7`, `;7`, `w7`) or any other letter or mark:
          // the formatter never sees it, so its digits are never folded into the number.
          // In "International", digits typed without `+` are not a `+code`: read as one,
          // they would pick a country at random (issue 13). Kept as typed, they are refused with
          // "Choose a country, or start the number with +" until a country is chosen.
          if (isMoreThanANumber(text) || (needsPlus && !startsInternationally(text))) {
            onRawText?.(text);
            return;
          }
          onChange?.(event);
          onInputChange?.(event.currentTarget);
        }}
        onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
          // Text kept as typed is edited natively: the formatter's key handling reads only digits.
          if (isRaw) return;
          onKeyDown?.(event);
          // Backspace and Delete are applied by the formatter itself, which cancels the key.
          if (event.defaultPrevented) onInputChange?.(event.currentTarget);
        }}
      />
      {errorMessage ? (
        <p id={errorId} className="tfa-field-error">
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
});

/**
 * Whether the field's text holds anything but a number: once separators (spaces, dashes, dots,
 * slashes, brackets) and invisible marks are gone, something other than `+` and digits is left.
 */
function isMoreThanANumber(text: string): boolean {
  return /[^+0-9]/.test(normalizePhoneInput(text));
}

/** Whether text starts with `+` (or holds nothing yet). `00…` is kept as typed, then read as `+`. */
function startsInternationally(text: string): boolean {
  const digits = normalizePhoneInput(text);
  return digits === '' || digits.startsWith('+');
}

/**
 * Rewrites `+` and digits of other scripts in the input as ASCII and drops a `+` inside the
 * number (`normalizePhoneCharacters`), keeping the caret where it was.
 */
function normalizeCharacters(input: HTMLInputElement): void {
  const text = input.value;
  const normalized = normalizePhoneCharacters(text);
  if (normalized === text) return;
  const caret = (position: number | null) =>
    position === null ? normalized.length : normalizePhoneCharacters(text.slice(0, position)).length;
  const start = caret(input.selectionStart);
  const end = caret(input.selectionEnd);
  input.value = normalized;
  input.setSelectionRange(start, end);
}

/** Rewrites the input's text as `withPlus` gives it (an international prefix as `+`), if it does. */
function writeWithPlus(input: HTMLInputElement, withPlus: PhoneNumberInputProps['withPlus']): void {
  const next = withPlus?.(input.value, input.selectionStart ?? input.value.length);
  if (next === undefined) return;
  input.value = next.text;
  input.setSelectionRange(next.caret, next.caret);
}

/**
 * A whole international number pasted where the field already holds digits (before the caret,
 * after it, or outside the selection) replaces them, as the user means it to: inserted among
 * them, its `+` would not be first, and the formatter would drop it with everything after it, or
 * run the two numbers together. Selecting everything before the browser inserts the text does
 * that and keeps the paste an ordinary, undoable edit. A part of a number (`+44`) pastes where it is.
 */
function selectAllForWholeNumber(
  event: ClipboardEvent<HTMLInputElement>,
  isWholeInternationalNumber: (text: string) => boolean,
): void {
  const input = event.currentTarget;
  const { value } = input;
  const start = input.selectionStart ?? value.length;
  const end = input.selectionEnd ?? start;
  const kept = value.slice(0, start) + value.slice(end);
  if (!/[0-9]/.test(normalizePhoneCharacters(kept))) return;
  if (!isWholeInternationalNumber(event.clipboardData.getData('text/plain'))) return;
  input.setSelectionRange(0, value.length);
}
