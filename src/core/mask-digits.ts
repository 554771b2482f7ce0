/**
 * Masking without phone metadata: the part of `maskPhoneNumber` that a step can use with a number
 * it already formatted (the wizard formats with the metadata of the number's own calling code).
 */

/** The character that stands in for hidden characters. */
export const MASK_CHARACTER = '\u2022';

/**
 * Masks a number already in international format (`+1 650 253 0000` → `+1 ••• ••• 0000`): the
 * calling code (up to the first space) stays, as do the last 2–4 digits. Without a space (plain
 * E.164, metadata not loaded) only the last digits stay. Never throws.
 */
export function maskInternationalNumber(international: string): string {
  if (typeof international !== 'string') return '';
  const trimmed = international.trim();
  const space = trimmed.indexOf(' ');
  if (!trimmed.startsWith('+') || space === -1) return maskDigits(trimmed);
  return `${trimmed.slice(0, space)}${maskDigits(trimmed.slice(space))}`;
}

/** Hides all digits of `text` but the last 2–4, keeping every other character. */
export function maskDigits(text: string): string {
  const digitCount = text.replace(/[^0-9]/g, '').length;
  // Fewer stay visible on short numbers, so that at least four are hidden where possible.
  let hidden = digitCount - Math.min(4, Math.max(2, digitCount - 4));
  return text.replace(/[0-9]/g, (digit) => (hidden-- > 0 ? MASK_CHARACTER : digit));
}
