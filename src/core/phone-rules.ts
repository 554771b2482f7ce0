import {
  AsYouType,
  Metadata,
  ParseError,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson, PhoneNumber, ValidatePhoneNumberLengthResult } from 'libphonenumber-js/core';
import { toAsciiDigits } from './code';

// The phone rules over any libphonenumber-js metadata: ./phone binds them to the whole `min`
// metadata (the public, synchronous helpers); the styled phone step binds them to the metadata
// it loads by calling code (./phone-metadata), so a user downloads only their number's share.
// `min` is enough to validate and format; `max` (about +20 kB gzip) only adds number types
// (mobile / VoIP), which this library does not use.

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
    const next = toAsciiDigits(current.normalize('NFKC')).replace(INVISIBLE, '').replace(SEPARATORS, '');
    if (next === current) return next;
    current = next;
  }
}

// An extension written after the digits once separators are gone: "ext12", ";ext=12", "x12",
// "#12", ",,12", "anexo12", "доб12" (the labels libphonenumber-js recognises), and a dialler's
// wait or pause before extension digits ("w12", "p12"). Refused, never folded into the number:
// the digits after it would make someone else's number (issue 15).
const EXTENSION = /^(?:;ext=|[,;]+|(?:e?xt(?:ensi[oó]n|n)?|anexo|доб|int|[x#~wp])[:,;]*)\d{1,20}#?$/iu;
const E164 = /^\+[1-9]\d{6,14}$/;
const INTERNATIONAL_DIAL_PREFIX = '00';
// Without a country: the international prefixes of most of the world and of North America. No
// calling code starts with 0, so digits starting with one of them cannot be anything else.
const PREFIXES_WITHOUT_COUNTRY = [INTERNATIONAL_DIAL_PREFIX, '011'] as const;

/** The phone rules bound to one metadata object; see {@link createPhoneRules}. */
export interface PhoneRules {
  /** See `parsePhoneNumber` in ./phone. */
  parsePhoneNumber: (raw: string, defaultCountry?: CountryCode) => PhoneParseResult;
  /** See `formatPhoneForDisplay` in ./phone. */
  formatPhoneForDisplay: (e164: string) => string;
  /** See `readPhoneDigits` in ./phone. */
  readPhoneDigits: (digits: string, country?: CountryCode) => PhoneDigitsReading;
  /** See `phoneDigitsForCountry` in ./phone. */
  phoneDigitsForCountry: (digits: string, from: CountryCode | undefined, to: CountryCode | undefined) => string;
  /** See `isWholeInternationalNumber` in ./phone. */
  isWholeInternationalNumber: (text: string) => boolean;
  /**
   * The international prefix (`'00'`, `'011'`, `'0011'`) that `digits` (no `+`) start with, when
   * they are read as an international number whose calling code is known: a phone field shows
   * such a number with `+` in its place, in international format. Undefined otherwise.
   */
  internationalPrefixOf: (digits: string, country?: CountryCode) => string | undefined;
}

/** What {@link PhoneRules.readPhoneDigits} makes of the digits in a phone field. */
export interface PhoneDigitsReading {
  /** The number in E.164, possibly incomplete (`+4420`), or `''` when there is no number yet. */
  e164: string;
  /** Whether the digits start with `+` or an international prefix (`011` from the US, `00`). */
  international: boolean;
  /** The country calling code without `+` (`'44'`), once known. */
  callingCode?: string;
  /**
   * The digits after the international part (`+` or an international prefix, then the calling
   * code) and after a national prefix (the UK's `0`, the US's `1`): the number itself.
   */
  nationalNumber: string;
}

const NO_DIGITS: PhoneDigitsReading = { e164: '', international: false, nationalNumber: '' };

/**
 * The phone rules (parsing, validation, formatting, reading a field's digits) over `metadata`:
 * the same results as libphonenumber-js gives with that metadata. A calling code the metadata
 * does not hold reads as unknown (`invalid_country`).
 */
export function createPhoneRules(metadata: MetadataJson): PhoneRules {
  return {
    parsePhoneNumber: (raw, defaultCountry) => parsePhoneNumberWith(metadata, raw, defaultCountry),
    formatPhoneForDisplay: (e164) => formatPhoneForDisplayWith(metadata, e164),
    readPhoneDigits: (digits, country) => readPhoneDigitsWith(metadata, digits, country),
    phoneDigitsForCountry: (digits, from, to) => phoneDigitsForCountryWith(metadata, digits, from, to),
    isWholeInternationalNumber: (text) => isWholeInternationalNumberWith(metadata, text),
    internationalPrefixOf: (digits, country) => internationalPrefixOfWith(metadata, digits, country),
  };
}

// Each rule on its own, with the metadata as its first argument, so that a bundle keeps only the
// rules it calls (the headless entry needs parsing alone, not the as-you-type reading).
/**
 * Parses a phone number typed in any common way. A leading `+` (also `＋`) or the default
 * region's international prefix (`011` from the US, `00` from most others) picks the number's own
 * country whatever `defaultCountry` says. `00` is also tried as an international prefix when the
 * number is not valid as a national number, since many people dial abroad with it everywhere.
 * Without a country, `00` and `011` are read as international prefixes. Numbers with an
 * extension are refused (`has_extension`): codes cannot be delivered to them. Never throws.
 *
 * @example parsePhoneNumberWith(metadata, '(650) 253-0000', 'US') // { ok: true, e164: '+16502530000', country: 'US' }
 */
export function parsePhoneNumberWith(metadata: MetadataJson, raw: string, defaultCountry?: CountryCode): PhoneParseResult {
  const input = normalizePhoneInput(raw);
  if (input === '') return failure('empty');

  const parts = /^(\+?)(\d+)(.*)$/su.exec(input);
  if (parts === null) return failure('not_a_number');
  const [, plus = '', digits = '', rest = ''] = parts;
  if (rest !== '') return failure(EXTENSION.test(rest) ? 'has_extension' : 'not_a_number');

  const region = supportedRegion(metadata, defaultCountry);
  if (plus === '+') return parseDigits(metadata, `+${digits}`, undefined);

  if (region === undefined) {
    // Without a region only an international reading says anything useful.
    const prefix = prefixWithoutCountry(digits);
    return prefix === undefined ? failure('invalid_country') : parseDigits(metadata, `+${digits.slice(prefix.length)}`, undefined);
  }
  // With one, the national reading (and its reason) stands unless `00` makes a valid number.
  const international = internationalAfter00(metadata, digits, region);
  return international === undefined ? parseDigits(metadata, digits, region) : parseDigits(metadata, international, undefined);
}

/**
 * Formats an E.164 number for people, in international format: `+16502530000` →
 * `"+1 650 253 0000"`. Returns the input unchanged when it cannot be parsed. Never throws.
 */
export function formatPhoneForDisplayWith(metadata: MetadataJson, e164: string): string {
  if (typeof e164 !== 'string') return '';
  const phone = parseQuietly(metadata, normalizePhoneInput(e164));
  return phone === undefined ? e164 : phone.formatInternational();
}


/**
 * Reads the digits of a phone field as they are typed (`+` and ASCII digits, as
 * `parseIncompletePhoneNumber` leaves them) with `country` selected. A leading `+` or the
 * country's international prefix (`011` in the US) makes the number international; so does `00`
 * where that gives a valid number and the national reading does not, as {@link parsePhoneNumber}
 * reads it. Without a country every number is international. Never throws.
 *
 * @example readPhoneDigitsWith(metadata, '02079460958', 'GB') // { e164: '+442079460958', international: false, callingCode: '44', nationalNumber: '2079460958' }
 */
export function readPhoneDigitsWith(metadata: MetadataJson, digits: string, country?: CountryCode): PhoneDigitsReading {
  if (typeof digits !== 'string' || digits === '') return NO_DIGITS;
  const region = supportedRegion(metadata, country);
  // react-phone-number-input reads every number as international when it has no country.
  const text = region === undefined && !digits.startsWith('+') ? `+${digits}` : digits;
  // `00` read as parsePhoneNumber reads it.
  const dialled = region === undefined ? undefined : internationalAfter00(metadata, text, region);
  const formatter = dialled === undefined ? asYouType(metadata, text, region) : asYouType(metadata, dialled, undefined);
  const international = formatter.isInternational() || region === undefined;
  const callingCode = international ? formatter.getCallingCode() : getCountryCallingCode(region, metadata);
  const reading: PhoneDigitsReading = {
    e164: formatter.getNumberValue() ?? '',
    international,
    nationalNumber: formatter.getNumber()?.nationalNumber ?? '',
  };
  if (callingCode !== undefined) reading.callingCode = callingCode;
  return reading;
}

/**
 * The digits a phone field keeps when another country is chosen in its select: `digits` were
 * typed with `from` selected, and the result is typed again with `to` (read it with
 * {@link readPhoneDigits}). The number the user typed never changes country (issue 13):
 * - "International" (`to` undefined) keeps the number, in international form;
 * - an international number (typed with `+` or an international prefix such as `011`, `00`)
 *   is kept whole, in `+` form (`to` may dial abroad with another prefix), whatever its
 *   calling code: `+44 20 7946 0958` with Germany stays `+442079460958`, so the field goes on
 *   showing a UK number instead of sending to +49;
 * - digits typed without an international part stay exactly as typed: `6502530000` typed in
 *   the US is read as `+446502530000` with the UK.
 * An international number with no national digits yet (`+44`, `+4`) leaves nothing: the chosen
 * country replaces its calling code. Never throws.
 *
 * @example phoneDigitsForCountryWith(metadata, '+442079460958', 'GB', 'DE') // '+442079460958'
 */
export function phoneDigitsForCountryWith(
  metadata: MetadataJson,
  digits: string,
  from: CountryCode | undefined,
  to: CountryCode | undefined,
): string {
  const current = readPhoneDigitsWith(metadata, digits, from);
  if (current.e164 === '') return '';
  const region = supportedRegion(metadata, to);
  const typedWithPlus = digits.startsWith('+');
  if (region === undefined) return typedWithPlus ? digits : current.e164;
  if (!current.international) return digits;
  if (current.callingCode === getCountryCallingCode(region, metadata)) return typedWithPlus ? digits : current.e164;
  return current.nationalNumber === '' ? '' : typedWithPlus ? digits : current.e164;
}

/**
 * The international prefix `digits` start with, when {@link readPhoneDigits} reads them as an
 * international number and its calling code is known (so `0044` in the UK, but not `00` or
 * `004` yet): the country's own prefix (`011` in the US, `0011` in Australia), or `00` where
 * that makes a valid number and the national reading does not. Without a country, `00` or `011`
 * followed by a digit other than 0. Never throws.
 *
 * @example internationalPrefixOfWith(metadata, '011442079460958', 'US') // '011'
 */
export function internationalPrefixOfWith(metadata: MetadataJson, digits: string, country?: CountryCode): string | undefined {
  if (typeof digits !== 'string' || !/^\d+$/.test(digits)) return undefined;
  const region = supportedRegion(metadata, country);
  if (region === undefined) return prefixWithoutCountry(digits);
  if (internationalAfter00(metadata, digits, region) !== undefined) return INTERNATIONAL_DIAL_PREFIX;
  const formatter = asYouType(metadata, digits, region);
  const callingCode = formatter.isInternational() ? formatter.getCallingCode() : undefined;
  if (callingCode === undefined) return undefined;
  const plan = new Metadata(metadata);
  plan.selectNumberingPlan(region);
  const pattern = plan.numberingPlan?.IDDPrefix();
  const prefix = pattern ? new RegExp(`^(?:${pattern})`).exec(digits)?.[0] : undefined;
  return prefix && digits.slice(prefix.length).startsWith(callingCode) ? prefix : undefined;
}

export function isWholeInternationalNumberWith(metadata: MetadataJson, text: string): boolean {
  return normalizePhoneInput(text).startsWith('+') && parsePhoneNumberWith(metadata, text).ok;
}

function asYouType(metadata: MetadataJson, text: string, region: CountryCode | undefined): AsYouType {
  const formatter = new AsYouType(region, metadata);
  formatter.input(text);
  return formatter;
}


function supportedRegion(metadata: MetadataJson, country: string | undefined): CountryCode | undefined {
  if (typeof country !== 'string') return undefined;
  const upper = country.toUpperCase();
  return isSupportedCountry(upper as CountryCode, metadata) ? (upper as CountryCode) : undefined;
}


/**
 * Digits typed with `00` in front, as an international number (`+…`) when that is what they
 * mean: `00` is the international prefix of most of the world, so it wins once the region's own
 * reading is not a valid number and the international one is (also where the region took `00`
 * with a carrier code as its own prefix, as Brazil does). Otherwise undefined.
 */
function internationalAfter00(metadata: MetadataJson, digits: string, region: CountryCode): string | undefined {
  if (
    !digits.startsWith(INTERNATIONAL_DIAL_PREFIX) ||
    digits.length === INTERNATIONAL_DIAL_PREFIX.length ||
    parseDigits(metadata, digits, region).ok
  ) {
    return undefined;
  }
  const international = `+${digits.slice(INTERNATIONAL_DIAL_PREFIX.length)}`;
  return parseDigits(metadata, international, undefined).ok ? international : undefined;
}

function parseQuietly(metadata: MetadataJson, text: string, region?: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberWithError(text, { defaultCountry: region }, metadata);
  } catch {
    return undefined;
  }
}

function parseDigits(metadata: MetadataJson, text: string, region: CountryCode | undefined): PhoneParseResult {
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

/**
 * Cleans text being typed into a phone field, whose formatter reads only an ASCII `+` and only at
 * the start: each character that stands for `+` or a digit (fullwidth `＋` and digits,
 * Arabic-Indic digits, whatever else NFKC makes a `+` or an ASCII digit) becomes ASCII, and a `+`
 * after the number has begun goes (the formatter would drop it and every digit after it). Every
 * other character stays. Character by character, so a caret maps across: it goes to
 * `normalizePhoneCharacters(text.slice(0, caret)).length`. Never throws.
 */
export function normalizePhoneCharacters(text: string): string {
  if (typeof text !== 'string') return '';
  let result = '';
  let numberBegun = false;
  for (const character of text) {
    const ascii = toAsciiDigits(character.normalize('NFKC'));
    if (!/^[+0-9]$/.test(ascii)) {
      result += character;
    } else if (ascii !== '+' || !numberBegun) {
      result += ascii;
      numberBegun = true;
    }
  }
  return result;
}

function failure(reason: PhoneParseFailure): PhoneParseResult {
  return { ok: false, reason };
}


/** `00` or `011` when digits read without a country start with it and a calling code may follow. */
function prefixWithoutCountry(digits: string): string | undefined {
  return PREFIXES_WITHOUT_COUNTRY.find((prefix) => digits.startsWith(prefix) && /^[1-9]/.test(digits.slice(prefix.length)));
}

function reasonFromCode(code: string): PhoneParseFailure {
  const reason = code.toLowerCase();
  // Else INVALID_LENGTH (a length between two possible ones) and anything newer.
  return reason === 'not_a_number' || reason === 'invalid_country' || reason === 'too_short' || reason === 'too_long'
    ? reason
    : 'invalid_number';
}
