import { parsePhoneNumberWithError } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import type { PhoneRules } from '../core/phone-rules';
import type { PhoneEntryRules } from '../hooks/use-phone-entry';

/**
 * What the phone step reads numbers with: libphonenumber-js metadata (for the as-you-type input),
 * the rules over it, and how to make it ready for a number. The public `PhoneEntryStep` uses the
 * whole `min` metadata (./phone-support-full); the wizard's phone step the metadata it loads by
 * calling code (./phone-support-split), so a user downloads only their number's share.
 */
export interface PhoneSupport {
  /** The metadata react-phone-number-input formats with. One object: it may fill in over time. */
  metadata: MetadataJson;
  /** Parsing, validation and formatting over `metadata`. */
  rules: PhoneRules;
  /** What the form validates with (waits for `loadFor`). */
  entryRules: PhoneEntryRules;
  /** Whether the metadata `text` typed with `country` needs is there. */
  isReadyFor: (text: string, country: CountryCode | undefined) => boolean;
  /** Loads it; resolves with whether anything new came. */
  loadFor: (text: string, country: CountryCode | undefined) => Promise<boolean>;
  /** An example mobile number of `country` as people write it there (`07400 123456`), once known. */
  exampleFor: (country: CountryCode | undefined) => string | undefined;
}

/** A region's example number (national digits) in its national format, if it parses. */
export function formatExample(digits: string | undefined, country: CountryCode, metadata: MetadataJson): string | undefined {
  if (digits === undefined) return undefined;
  try {
    return parsePhoneNumberWithError(digits, country, metadata).formatNational();
  } catch {
    return undefined;
  }
}
