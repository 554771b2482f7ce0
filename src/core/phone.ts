import { ParseError, isSupportedCountry, parsePhoneNumberWithError, validatePhoneNumberLength } from 'libphonenumber-js/core';
import type { CountryCode, PhoneNumber, ValidatePhoneNumberLengthResult } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';
import { toAsciiDigits } from './code';

// Code fields only need `sanitizeCode`; it lives in ./code so they stay free of libphonenumber-js.
export { sanitizeCode } from './code';

// libphonenumber-js's `core` functions with the `min` metadata passed in: the same modules and
// the same metadata object react-phone-number-input/input-core gets in the phone step, so a host
// bundles them once. `min` is enough to validate and format; `max` (about +20 kB gzip) only adds
// number types (mobile / VoIP), which this library does not use.

/** ISO 3166-1 alpha-2 region code known to libphonenumber-js, e.g. `"US"`. */
export type { CountryCode };

/** Why a typed phone number was rejected, from a closed vocabulary the UI has copy for. */
export type PhoneParseFailure =
  | 'empty'
  | 'not_a_number'
  | 'too_short'
  | 'too_long'
  | 'invalid_number'
  | 'has_extension'
  | 'invalid_country';

/** The outcome of {@link parsePhoneNumber}. */
export type PhoneParseResult =
  | {
      /** The input is a valid, dialable number. */
      ok: true;
      /** The number in E.164, e.g. `+14155550123`: the only form that crosses the adapter. */
      e164: string;
      /** The region the number belongs to; absent for non-geographic numbers such as `+800`. */
      country?: CountryCode;
    }
  | {
      /** The input is not a number the library accepts. */
      ok: false;
      /** Why, so the UI can say what to fix. */
      reason: PhoneParseFailure;
    };

// Format characters (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF, U+00AD and the rest of
// category Cf) and control characters: copy from an RTL page or a contact card brings them along.
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
// Whitespace (incl. NBSP, thin and ideographic spaces), dashes (hyphen-minus, U+2010–U+2015, U+2212
// and every other Pd), dots, middle dots, slashes and brackets people group digits with.
const SEPARATORS = /[\s\p{Pd}\u2212.\u00B7\u2027\u30FB/\\\u2044\u2215()[\]]/gu;
function normalizeOnce(text: string): string {
  return toAsciiDigits(text.normalize('NFKC')).replace(INVISIBLE, '').replace(SEPARATORS, '');
}

/**
 * Cleans typed, pasted or autofilled phone text before parsing: NFKC (fullwidth digits and `＋`
 * become ASCII), Arabic-Indic digits become ASCII, invisible marks and separators (spaces, dashes,
 * dots, slashes, brackets) go. `+`, digits, letters and extension marks (`#`, `;`, `=`, `,`) stay,
 * so an extension or stray text is still detectable. Idempotent; never throws.
 */
export function normalizePhoneInput(raw: string): string {
  if (typeof raw !== 'string') return '';
  // Removing a character can bring two others together that NFKC then composes (a letter and a
  // combining mark, Hangul jamo), so repeat until nothing changes: that is what makes the result
  // idempotent. Every pass after the first only shortens the text, so this ends.
  let current = raw;
  for (;;) {
    const next = normalizeOnce(current);
    if (next === current) return next;
    current = next;
  }
}

// An extension written after the digits once separators are gone: "ext12", ";ext=12", "x12",
// "#12", ",,12", "anexo12", "доб12" (the labels libphonenumber-js recognises).
const EXTENSION = /^(?:;ext=|[,;]+|(?:e?xt(?:ensi[oó]n|n)?|anexo|доб|int|[x#~])[:,]*)\d{1,20}#?$/iu;
const E164 = /^\+[1-9]\d{6,14}$/;
const INTERNATIONAL_DIAL_PREFIX = '00';

/**
 * Parses a phone number typed in any common way. A leading `+` (also `＋`) or the default
 * region's international prefix (`011` from the US, `00` from most others) picks the number's own
 * country whatever `defaultCountry` says. `00` is also tried as an international prefix when the
 * number is not valid as a national number, since many people dial abroad with it everywhere.
 * Numbers with an extension are refused (`has_extension`): codes cannot be delivered to them.
 * Never throws.
 *
 * @example parsePhoneNumber('(650) 253-0000', 'US') // { ok: true, e164: '+16502530000', country: 'US' }
 */
export function parsePhoneNumber(raw: string, defaultCountry?: CountryCode): PhoneParseResult {
  const input = normalizePhoneInput(raw);
  if (input === '') return failure('empty');

  const parts = /^(\+?)(\d+)(.*)$/su.exec(input);
  if (parts === null) return failure('not_a_number');
  const [, plus = '', digits = '', rest = ''] = parts;
  if (rest !== '') return failure(EXTENSION.test(rest) ? 'has_extension' : 'not_a_number');

  const region = supportedRegion(defaultCountry);
  if (plus === '+') return parseDigits(`+${digits}`, undefined);

  const national = region === undefined ? failure('invalid_country') : parseDigits(digits, region);
  if (national.ok || !startsWithInternationalPrefix(digits)) return national;
  const international = parseDigits(`+${digits.slice(INTERNATIONAL_DIAL_PREFIX.length)}`, undefined);
  // Without a region the national reading says nothing useful; with one, keep its reason unless
  // the international reading is a valid number.
  return international.ok || region === undefined ? international : national;
}

/**
 * Formats an E.164 number for people, in international format: `+16502530000` →
 * `"+1 650 253 0000"`. Returns the input unchanged when it cannot be parsed. Never throws.
 */
export function formatPhoneForDisplay(e164: string): string {
  if (typeof e164 !== 'string') return '';
  const phone = parseQuietly(normalizePhoneInput(e164));
  return phone === undefined ? e164 : phone.formatInternational();
}

function failure(reason: PhoneParseFailure): PhoneParseResult {
  return { ok: false, reason };
}

function supportedRegion(country: string | undefined): CountryCode | undefined {
  if (typeof country !== 'string') return undefined;
  const upper = country.toUpperCase();
  return isSupportedCountry(upper as CountryCode, metadata) ? (upper as CountryCode) : undefined;
}

function startsWithInternationalPrefix(digits: string): boolean {
  return digits.startsWith(INTERNATIONAL_DIAL_PREFIX) && digits.length > INTERNATIONAL_DIAL_PREFIX.length;
}

function parseQuietly(text: string, region?: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberWithError(text, { defaultCountry: region }, metadata);
  } catch {
    return undefined;
  }
}

function parseDigits(text: string, region: CountryCode | undefined): PhoneParseResult {
  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(text, { defaultCountry: region }, metadata);
  } catch (error) {
    return failure(error instanceof ParseError ? reasonFromCode(error.message) : 'invalid_number');
  }
  if (phone.isValid() && E164.test(phone.number)) {
    return phone.country === undefined ? { ok: true, e164: phone.number } : { ok: true, e164: phone.number, country: phone.country };
  }
  let length: ValidatePhoneNumberLengthResult | undefined;
  try {
    length = validatePhoneNumberLength(text, { defaultCountry: region }, metadata);
  } catch {
    length = undefined;
  }
  // A number of a possible length that is still not valid sits in an unassigned range
  // (e.g. +1 555 010 1234).
  return failure(length === undefined ? 'invalid_number' : reasonFromCode(length));
}

function reasonFromCode(code: string): PhoneParseFailure {
  switch (code) {
    case 'NOT_A_NUMBER':
      return 'not_a_number';
    case 'INVALID_COUNTRY':
      return 'invalid_country';
    case 'TOO_SHORT':
      return 'too_short';
    case 'TOO_LONG':
      return 'too_long';
    default:
      // INVALID_LENGTH (a length between two possible ones) and anything newer.
      return 'invalid_number';
  }
}
