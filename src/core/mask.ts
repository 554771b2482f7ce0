import { parsePhoneNumberWithError } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';

import { MASK_CHARACTER, maskDigits } from './mask-digits';

export { MASK_CHARACTER };

const HIDDEN_LOCAL_PART = MASK_CHARACTER.repeat(3);

/**
 * Masks an email address for display: `john@example.com` → `j•••@example.com`. Always three
 * bullets, so the length of the local part is not revealed. Never throws.
 */
export function maskEmail(email: string): string {
  if (typeof email !== 'string') return '';
  const trimmed = email.trim();
  if (trimmed === '') return '';
  // The domain starts at the last @; without one, it is all local part.
  let at = trimmed.lastIndexOf('@');
  if (at === -1) at = trimmed.length;
  // By code point (a string's iterator), so an emoji or astral letter is never cut in half.
  const [first = ''] = trimmed.slice(0, at);
  return `${first}${HIDDEN_LOCAL_PART}${trimmed.slice(at)}`;
}

/**
 * Masks a phone number for display, keeping the calling code and the last 2–4 digits:
 * `+16502530123` → `+1 ••• ••• 0123`. Fewer digits stay visible on short numbers so that at least
 * four are always hidden where possible. Input that is not E.164 is masked digit by digit as
 * written. Never throws.
 */
export function maskPhoneNumber(e164: string): string {
  if (typeof e164 !== 'string') return '';
  const trimmed = e164.trim();
  try {
    const phone = parsePhoneNumberWithError(trimmed, metadata);
    const international = phone.formatInternational();
    const prefix = `+${phone.countryCallingCode}`;
    // The calling code stays; the digits after it, grouped as the country writes them, are masked.
    if (international.startsWith(prefix)) return prefix + maskDigits(international.slice(prefix.length));
  } catch {
    // Not a number libphonenumber-js reads: masked as written, below.
  }
  return maskDigits(trimmed);
}
