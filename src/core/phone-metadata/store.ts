import { Metadata } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import { CALLING_CODE_REGIONS, METADATA_VERSION } from './calling-codes';
import type { CallingCodeMetadata } from './types';

/**
 * libphonenumber-js's `min` metadata, filled in one calling code at a time (each a chunk of its
 * own, generated from the same file by scripts/generate-phone-metadata.mjs). `metadata` is one
 * object for the store's whole life, handed to libphonenumber-js and react-phone-number-input as
 * their metadata: a calling code that is not loaded is simply unknown to them (never half-known),
 * and once loaded it reads exactly as in the full metadata.
 */
export interface PhoneMetadataStore {
  /** The metadata as loaded so far. */
  readonly metadata: MetadataJson;
  /** Whether every calling code `text` may need (see {@link callingCodesFor}) is loaded. */
  isReadyFor: (text: string, country: CountryCode | undefined) => boolean;
  /**
   * Loads what `text` typed with `country` selected may need: the country's calling code, and
   * the calling code after a leading `+`, `00` or the country's own international prefix.
   * Resolves with whether anything new was loaded.
   */
  loadFor: (text: string, country: CountryCode | undefined) => Promise<boolean>;
  /** A loaded region's example mobile number, national digits (`'7400123456'` for GB). */
  exampleOf: (country: CountryCode | undefined) => string | undefined;
}

/** Every calling code's regions; `001` stands for a non-geographic entity. */
export { CALLING_CODE_REGIONS };

const CALLING_CODE_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CALLING_CODE_REGIONS).flatMap(([code, regions]) => regions.filter((region) => region !== '001').map((region) => [region, code])),
);

/** Every region libphonenumber-js knows, whether its metadata is loaded or not. */
export const ALL_COUNTRIES: readonly CountryCode[] = Object.keys(CALLING_CODE_OF).sort() as CountryCode[];

/** The calling code of a region (`'DE'` → `'49'`), or undefined for one libphonenumber-js does not know. */
export function callingCodeOfCountry(country: string | undefined): string | undefined {
  return country === undefined ? undefined : CALLING_CODE_OF[country];
}

/** The calling code `digits` start with (calling codes are prefix-free), if any. */
export function leadingCallingCode(digits: string): string | undefined {
  for (let length = 1; length <= 3; length += 1) {
    const code = digits.slice(0, length);
    if (code.length === length && CALLING_CODE_REGIONS[code] !== undefined) return code;
  }
  return undefined;
}

/**
 * The calling codes `text` may need with `country` selected: the country's own, and the one
 * after a leading `+`, after `00` (which parsePhoneNumber also reads as international), or after
 * the country's international prefix (`011` from the US) once the country's metadata is there.
 */
export function callingCodesFor(text: string, country: CountryCode | undefined, metadata: MetadataJson): string[] {
  const codes = new Set<string>();
  const own = callingCodeOfCountry(country);
  if (own !== undefined) codes.add(own);
  const digits = text.replace(/[^+0-9]/g, '');
  const add = (rest: string) => {
    const code = leadingCallingCode(rest);
    if (code !== undefined) codes.add(code);
  };
  if (digits.startsWith('+')) add(digits.slice(1));
  if (digits.startsWith('00')) add(digits.slice(2));
  // Without a country, digits are read as if `+` came first (react-phone-number-input does).
  if (country === undefined && !digits.startsWith('+')) add(digits);
  // Without a country, 011 (North America's international prefix) is read as one too.
  if (country === undefined && digits.startsWith('011')) add(digits.slice(3));
  if (country !== undefined && own !== undefined && metadata.country_calling_codes[own] !== undefined) {
    const plan = new Metadata(metadata);
    plan.selectNumberingPlan(country);
    const pattern = plan.numberingPlan?.IDDPrefix();
    const prefix = pattern === undefined ? undefined : new RegExp(`^(?:${pattern})`).exec(digits)?.[0];
    if (prefix) add(digits.slice(prefix.length));
  }
  return [...codes];
}

/** A store over the generated loaders (or, in tests, any). */
export function createPhoneMetadataStore(load: (callingCode: string) => Promise<CallingCodeMetadata>): PhoneMetadataStore {
  const metadata = {
    version: METADATA_VERSION,
    country_calling_codes: {},
    countries: {},
    nonGeographic: {},
  } as unknown as MetadataJson;
  const loaded = new Set<string>();
  const examples: Record<string, string> = {};
  const pending = new Map<string, Promise<void>>();

  const add = (code: string, part: CallingCodeMetadata) => {
    // Regions first: a calling code is only visible once everything it points at is there.
    Object.assign(metadata.countries, part.countries);
    if (part.examples) Object.assign(examples, part.examples);
    if (part.nonGeographic) Object.assign(metadata.nonGeographic, part.nonGeographic);
    // Non-geographic codes (region `001`) live in `nonGeographic` only, as in the whole metadata.
    const regions = CALLING_CODE_REGIONS[code] ?? [];
    if (!regions.includes('001')) (metadata.country_calling_codes as Record<string, readonly string[]>)[code] = regions;
    loaded.add(code);
  };

  const loadCode = (code: string): Promise<void> => {
    if (loaded.has(code)) return Promise.resolve();
    let promise = pending.get(code);
    if (promise === undefined) {
      promise = load(code).then(
        (part) => {
          pending.delete(code);
          add(code, part);
        },
        (error: unknown) => {
          // Tried again on the next call (offline, a removed chunk).
          pending.delete(code);
          throw error;
        },
      );
      pending.set(code, promise);
    }
    return promise;
  };

  const isReadyFor = (text: string, country: CountryCode | undefined) =>
    callingCodesFor(text, country, metadata).every((code) => loaded.has(code));

  const loadFor = async (text: string, country: CountryCode | undefined): Promise<boolean> => {
    let loadedAny = false;
    // The country's international prefix is only known once its own metadata is there: a second
    // round picks up the calling code after it.
    for (let round = 0; round < 2; round += 1) {
      const missing = callingCodesFor(text, country, metadata).filter((code) => !loaded.has(code));
      if (missing.length === 0) break;
      await Promise.all(missing.map(loadCode));
      loadedAny = true;
    }
    return loadedAny;
  };

  const exampleOf = (country: CountryCode | undefined) => (country === undefined ? undefined : examples[country]);

  return { metadata, isReadyFor, loadFor, exampleOf };
}
