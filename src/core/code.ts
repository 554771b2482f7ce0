// Kept apart from phone.ts so code fields (the email gate, code verification) never pull in
// libphonenumber-js and its metadata: the gate is on the page before anything else loads.

// NFKC leaves these digit sets alone; people paste them, so they must become ASCII digits.
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/gu;

/** Replaces Arabic-Indic and Eastern Arabic-Indic digits with ASCII ones. */
export function toAsciiDigits(text: string): string {
  // Both sets start at a multiple of 16 (U+0660, U+06F0): a digit's value is its code point modulo 16.
  return text.replace(ARABIC_INDIC_DIGITS, (digit) => String(digit.charCodeAt(0) % 16));
}

/**
 * Cleans a typed or pasted verification code: NFKC (fullwidth digits), Arabic-Indic digits become
 * ASCII, everything but ASCII digits goes (spaces, dashes, invisible marks), then it is cut to
 * `maxLength` when one is given. Idempotent; never throws.
 */
export function sanitizeCode(raw: string, maxLength?: number): string {
  if (typeof raw !== 'string') return '';
  const digits = toAsciiDigits(raw.normalize('NFKC')).replace(/[^0-9]/g, '');
  // NaN or a negative length means "no limit" rather than an empty code the user cannot fix.
  if (maxLength === undefined || !(maxLength >= 0)) return digits;
  return digits.slice(0, Math.floor(maxLength));
}
