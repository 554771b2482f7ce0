import metadata from 'libphonenumber-js/min/metadata';
import {
  formatPhoneForDisplayWith,
  isWholeInternationalNumberWith,
  parsePhoneNumberWith,
  phoneDigitsForCountryWith,
  readPhoneDigitsWith,
} from './phone-rules';
import type { CountryCode, PhoneDigitsReading, PhoneParseResult } from './phone-rules';

// Code fields only need `sanitizeCode`; it lives in ./code so they stay free of libphonenumber-js.
export { sanitizeCode } from './code';
export { normalizePhoneCharacters, normalizePhoneInput } from './phone-rules';
export type { CountryCode, PhoneDigitsReading, PhoneParseFailure, PhoneParseResult } from './phone-rules';

// The public, synchronous phone helpers: the rules of ./phone-rules over libphonenumber-js's whole
// `min` metadata. The styled phone step uses the same rules over metadata it loads by calling
// code instead (./phone-metadata), so that it does not ship every country's.

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
  return parsePhoneNumberWith(metadata, raw, defaultCountry);
}

/**
 * Formats an E.164 number for people, in international format: `+16502530000` →
 * `"+1 650 253 0000"`. Returns the input unchanged when it cannot be parsed. Never throws.
 */
export function formatPhoneForDisplay(e164: string): string {
  return formatPhoneForDisplayWith(metadata, e164);
}

/**
 * Reads the digits of a phone field as they are typed (`+` and ASCII digits, as
 * `parseIncompletePhoneNumber` leaves them) with `country` selected. A leading `+` or the
 * country's international prefix (`011` in the US) makes the number international; so does `00`
 * where that gives a valid number and the national reading does not, as {@link parsePhoneNumber}
 * reads it. Without a country every number is international. Never throws.
 *
 * @example readPhoneDigits('02079460958', 'GB') // { e164: '+442079460958', international: false, callingCode: '44', nationalNumber: '2079460958' }
 */
export function readPhoneDigits(digits: string, country?: CountryCode): PhoneDigitsReading {
  return readPhoneDigitsWith(metadata, digits, country);
}

/**
 * The digits a phone field keeps when another country is chosen in its select: `digits` were
 * typed with `from` selected, and the result is typed again with `to` (read it with
 * {@link readPhoneDigits}). See `PhoneRules.phoneDigitsForCountry` for the cases. Never throws.
 *
 * @example phoneDigitsForCountry('+442079460958', 'GB', 'DE') // '+442079460958'
 */
export function phoneDigitsForCountry(digits: string, from: CountryCode | undefined, to: CountryCode | undefined): string {
  return phoneDigitsForCountryWith(metadata, digits, from, to);
}

/**
 * Whether pasted text is a whole international number on its own (`+44 20 7946 0958`), rather
 * than a part of one. Never throws.
 */
export function isWholeInternationalNumber(text: string): boolean {
  return isWholeInternationalNumberWith(metadata, text);
}
