import { maskInternationalNumber } from './mask-digits';
import { formatPhoneForDisplay } from './phone';
import { describe, expect, it } from 'vitest';
import { MASK_CHARACTER, maskEmail, maskPhoneNumber } from './mask';

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('john@example.com')).toBe('j•••@example.com');
  });

  it('hides the length of the local part', () => {
    expect(maskEmail('j@example.com')).toBe('j•••@example.com');
    expect(maskEmail('jonathan.appleseed@example.com')).toBe('j•••@example.com');
  });

  it('splits at the last @, where the domain starts', () => {
    expect(maskEmail('"a@b"@example.com')).toBe('"•••@example.com');
  });

  it('does not cut an emoji in half', () => {
    expect(maskEmail('😀bob@example.com')).toBe('😀•••@example.com');
  });

  it('trims surrounding whitespace', () => {
    expect(maskEmail('  john@example.com\n')).toBe('j•••@example.com');
  });

  it('masks text without an @ all the same', () => {
    expect(maskEmail('john')).toBe('j•••');
  });

  it('returns an empty string for an empty address', () => {
    expect(maskEmail('')).toBe('');
  });

  it('uses the bullet character', () => {
    expect(MASK_CHARACTER).toBe('\u2022');
  });
});

describe('maskPhoneNumber', () => {
  it.each([
    ['a US number', '+16502530123', '+1 ••• ••• 0123'],
    ['a UK number', '+442079460958', '+44 •• •••• 0958'],
    ['an Italian number with its leading zero', '+390648812345', '+39 •• •••• 2345'],
    ['a French mobile', '+33612345678', '+33 • •• •• 56 78'],
    ['a German number', '+4930123456', '+49 •• ••3456'],
  ])('keeps the calling code and the last four digits of %s', (_what, e164, expected) => {
    expect(maskPhoneNumber(e164)).toBe(expected);
  });

  it('keeps fewer digits visible on a short number, so some stay hidden', () => {
    // Niue: four national digits.
    expect(maskPhoneNumber('+6834002')).toBe('+683 ••02');
  });

  it('accepts an already formatted number', () => {
    expect(maskPhoneNumber('+1 650 253 0123')).toBe('+1 ••• ••• 0123');
  });

  it('masks digits as written when the input is not E.164', () => {
    expect(maskPhoneNumber('6502530123')).toBe('••••••0123');
  });

  it('never shows more than four digits of the national number', () => {
    const masked = maskPhoneNumber('+16502530123');
    expect(masked.replace(/^\+1/, '').replace(/[^0-9]/g, '')).toBe('0123');
  });

  it('returns an empty string for an empty number', () => {
    expect(maskPhoneNumber('')).toBe('');
  });
});

describe('maskInternationalNumber', () => {
  it('masks a formatted number exactly as maskPhoneNumber masks its E.164 form', () => {
    for (const e164 of ['+16502530000', '+442079460958', '+493012345678', '+33612345678', '+81312345678', '+61412345678', '+8613800138000', '+35312345678']) {
      expect(maskInternationalNumber(formatPhoneForDisplay(e164))).toBe(maskPhoneNumber(e164));
    }
  });

  it('keeps only the last digits of a number it cannot split (plain E.164)', () => {
    expect(maskInternationalNumber('+16502530000')).toBe('+•••••••0000');
  });
});
