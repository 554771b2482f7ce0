import metadata from 'libphonenumber-js/min/metadata';
import { describe, expect, it } from 'vitest';
import { createPhoneRules } from './phone-rules';
import {
  formatPhoneForDisplay,
  isWholeInternationalNumber,
  normalizePhoneCharacters,
  normalizePhoneInput,
  parsePhoneNumber,
  phoneDigitsForCountry,
  readPhoneDigits,
  sanitizeCode,
  type CountryCode,
} from './phone';

describe('normalizePhoneInput', () => {
  it.each([
    ['spaces', '+1 650 253 0000', '+16502530000'],
    ['no-break and thin spaces', '+1\u00A0650\u2009253\u202F0000', '+16502530000'],
    ['dashes of every kind', '650-253\u20110000\u2013\u2014\u2212', '6502530000'],
    ['dots', '650.253.0000', '6502530000'],
    ['slashes', '650/253/0000', '6502530000'],
    ['parentheses', '(650) 253-0000', '6502530000'],
    ['fullwidth digits', '６５０２５３００００', '6502530000'],
    ['fullwidth plus', '＋１ ６５０ ２５３ ００００', '+16502530000'],
    ['fullwidth parentheses and hyphen', '（６５０）２５３－００００', '6502530000'],
    ['Arabic-Indic digits', '٦٥٠٢٥٣٠٠٠٠', '6502530000'],
    ['Persian digits', '۶۵۰۲۵۳۰۰۰۰', '6502530000'],
    ['left-to-right and right-to-left marks', '\u200E+1 650 253 0000\u200F', '+16502530000'],
    ['bidi embeddings and isolates', '\u202A+1\u202C \u2066650\u2069 253 0000', '+16502530000'],
    ['zero-width space, byte order mark and soft hyphen', '\uFEFF650\u200B253\u00AD0000', '6502530000'],
    ['a trailing newline from a paste', '+16502530000\n', '+16502530000'],
  ])('removes %s', (_what, raw, expected) => {
    expect(normalizePhoneInput(raw)).toBe(expected);
  });

  it('keeps letters and extension marks so an extension stays detectable', () => {
    expect(normalizePhoneInput('+1 650 253 0000 ext. 12')).toBe('+16502530000ext12');
    expect(normalizePhoneInput('650 253 0000;ext=12')).toBe('6502530000;ext=12');
    expect(normalizePhoneInput('650 253 0000 #12')).toBe('6502530000#12');
  });

  it('is idempotent on messy input', () => {
    const once = normalizePhoneInput('\u200F＋３９ (06) 6982-0000 x１２\u200E');
    expect(once).toBe('+390669820000x12');
    expect(normalizePhoneInput(once)).toBe(once);
  });

  it('returns an empty string for whitespace and invisible marks only', () => {
    expect(normalizePhoneInput(' \u200E\u00A0\uFEFF ')).toBe('');
  });
});

describe('parsePhoneNumber', () => {
  describe('national input', () => {
    it.each<[string, CountryCode, string, CountryCode]>([
      ['(650) 253-0000', 'US', '+16502530000', 'US'],
      ['650.253.0000', 'US', '+16502530000', 'US'],
      ['1-650-253-0000', 'US', '+16502530000', 'US'],
      ['416 979 1234', 'CA', '+14169791234', 'CA'],
      ['020 7946 0958', 'GB', '+442079460958', 'GB'],
      ['06 12 34 56 78', 'FR', '+33612345678', 'FR'],
      ['030 12345678', 'DE', '+493012345678', 'DE'],
    ])('reads %s in %s as %s', (raw, defaultCountry, e164, country) => {
      expect(parsePhoneNumber(raw, defaultCountry)).toEqual({ ok: true, e164, country });
    });

    it('needs a default country to read a national number', () => {
      expect(parsePhoneNumber('650 253 0000')).toEqual({ ok: false, reason: 'invalid_country' });
    });

    it('refuses a default country that does not exist', () => {
      expect(parsePhoneNumber('650 253 0000', 'ZZ' as CountryCode)).toEqual({ ok: false, reason: 'invalid_country' });
    });

    it('infers Canada for a Canadian area code even with the US selected', () => {
      expect(parsePhoneNumber('416 979 1234', 'US')).toEqual({ ok: true, e164: '+14169791234', country: 'CA' });
    });
  });

  describe('international input', () => {
    it('reads a number with a leading +', () => {
      expect(parsePhoneNumber('+1 650 253 0000')).toEqual({ ok: true, e164: '+16502530000', country: 'US' });
    });

    it('lets a leading + pick its own country whatever the default says', () => {
      expect(parsePhoneNumber('+33 6 12 34 56 78', 'US')).toEqual({ ok: true, e164: '+33612345678', country: 'FR' });
      expect(parsePhoneNumber('+44 20 7946 0958', 'DE')).toEqual({ ok: true, e164: '+442079460958', country: 'GB' });
    });

    it('reads a fullwidth ＋ and fullwidth digits', () => {
      expect(parsePhoneNumber('＋４４ ２０ ７９４６ ０９５８', 'US')).toEqual({ ok: true, e164: '+442079460958', country: 'GB' });
    });

    it('reads a number wrapped in direction marks, as pasted from a right-to-left page', () => {
      expect(parsePhoneNumber('\u200F\u202B+1 (650) 253-0000\u202C\u200F', 'FR')).toEqual({ ok: true, e164: '+16502530000', country: 'US' });
    });

    it('ignores a "(0)" trunk prefix written after the country code', () => {
      expect(parsePhoneNumber('+44 (0)20 7946 0958')).toEqual({ ok: true, e164: '+442079460958', country: 'GB' });
    });

    it('accepts a non-geographic number without a country', () => {
      expect(parsePhoneNumber('+800 1234 5678')).toEqual({ ok: true, e164: '+80012345678' });
    });

    it('refuses an unknown calling code', () => {
      expect(parsePhoneNumber('+999 123 456 789')).toEqual({ ok: false, reason: 'invalid_country' });
    });
  });

  describe('international dialling prefixes', () => {
    it('reads 011 from the US as the start of an international number', () => {
      expect(parsePhoneNumber('011 33 6 12 34 56 78', 'US')).toEqual({ ok: true, e164: '+33612345678', country: 'FR' });
    });

    it('reads 00 from Germany as the start of an international number', () => {
      expect(parsePhoneNumber('0033 6 12 34 56 78', 'DE')).toEqual({ ok: true, e164: '+33612345678', country: 'FR' });
    });

    it('reads 00 from the UK as the start of an Italian number', () => {
      expect(parsePhoneNumber('0039 06 4881 2345', 'GB')).toEqual({ ok: true, e164: '+390648812345', country: 'IT' });
    });

    it('also reads 00 from the US, where no national number starts with 0', () => {
      expect(parsePhoneNumber('0044 20 7946 0958', 'US')).toEqual({ ok: true, e164: '+442079460958', country: 'GB' });
    });

    it('reads 00 with no default country', () => {
      expect(parsePhoneNumber('0033 6 12 34 56 78')).toEqual({ ok: true, e164: '+33612345678', country: 'FR' });
    });

    it('does not read 011 as international from the UK, where it is a national area code', () => {
      expect(parsePhoneNumber('011 33 6 12 34 56 78', 'GB')).toMatchObject({ ok: false });
    });

    it('reads 011 with no default country (no calling code starts with 0)', () => {
      expect(parsePhoneNumber('011 44 20 7946 0958')).toEqual({ ok: true, e164: '+442079460958', country: 'GB' });
    });
  });

  describe('Italian numbers', () => {
    it('keeps the leading zero of the area code in E.164', () => {
      expect(parsePhoneNumber('+39 06 4881 2345')).toEqual({ ok: true, e164: '+390648812345', country: 'IT' });
      expect(parsePhoneNumber('06 4881 2345', 'IT')).toEqual({ ok: true, e164: '+390648812345', country: 'IT' });
    });

    it('infers Vatican City for the 06 698 range it shares with Rome', () => {
      expect(parsePhoneNumber('+39 06 6982 0000')).toEqual({ ok: true, e164: '+390669820000', country: 'VA' });
      expect(parsePhoneNumber('06 6982 0000', 'IT')).toEqual({ ok: true, e164: '+390669820000', country: 'VA' });
    });

    it('reads a mobile number, which has no leading zero', () => {
      expect(parsePhoneNumber('+39 312 345 6789')).toEqual({ ok: true, e164: '+393123456789', country: 'IT' });
    });
  });

  describe('failures', () => {
    it.each([
      ['an empty string', ''],
      ['only spaces', '   '],
      ['only invisible marks', '\u200E\u200F\uFEFF'],
      ['only separators', '( ) - . /'],
    ])('says empty for %s', (_what, raw) => {
      expect(parsePhoneNumber(raw, 'US')).toEqual({ ok: false, reason: 'empty' });
    });

    it.each([
      ['letters', 'call me'],
      ['letters after the digits', '650 253 0000 abc'],
      ['a vanity number', '1-800-FLOWERS'],
      ['a lone +', '+'],
      ['two plus signs', '++1 650 253 0000'],
      ['a plus in the middle', '650+253+0000'],
      ['an extension with no number', 'ext. 12'],
      ['an email address', 'someone@example.com'],
    ])('says not_a_number for %s', (_what, raw) => {
      expect(parsePhoneNumber(raw, 'US')).toEqual({ ok: false, reason: 'not_a_number' });
    });

    it.each([
      ['a few digits', '650', 'US'],
      ['a US number missing a digit', '650 253 000', 'US'],
      ['a calling code alone', '+1', undefined],
      ['a calling code and area code', '+1 650', undefined],
    ] as const)('says too_short for %s', (_what, raw, country) => {
      expect(parsePhoneNumber(raw, country)).toEqual({ ok: false, reason: 'too_short' });
    });

    it.each([
      ['a US number with extra digits', '+1 650 253 0000 1234'],
      ['more digits than E.164 allows', '+1234567890123456789'],
      ['a UK number with extra digits', '+44 20 7946 0958 1234'],
    ])('says too_long for %s', (_what, raw) => {
      expect(parsePhoneNumber(raw, 'US')).toEqual({ ok: false, reason: 'too_long' });
    });

    it('says invalid_number for the reserved 555-01xx fictional range', () => {
      expect(parsePhoneNumber('+1 555 010 1234')).toEqual({ ok: false, reason: 'invalid_number' });
      expect(parsePhoneNumber('(555) 010-1234', 'US')).toEqual({ ok: false, reason: 'invalid_number' });
    });

    it.each([
      ['ext.', '+1 650 253 0000 ext. 12'],
      ['ext', '+1 650 253 0000 ext 12'],
      ['extension', '+1 650 253 0000 extension 12'],
      ['x', '650-253-0000 x12'],
      ['X', '650-253-0000 X12'],
      ['fullwidth ｘ', '650-253-0000 ｘ１２'],
      ['RFC 3966 ;ext=', '+16502530000;ext=12'],
      ['#', '+1 650 253 0000 #12'],
      ['two commas (auto-dial)', '+1 650 253 0000,,12'],
      ['one comma (a pause)', '+1 650 253 0000, 12'],
      ['w (wait)', '+1 650 253 0000 w12'],
      ['; alone', '+1 650 253 0000;12'],
    ])('says has_extension for an extension written with %s', (_what, raw) => {
      expect(parsePhoneNumber(raw, 'US')).toEqual({ ok: false, reason: 'has_extension' });
    });

    // Each of these, with the suffix folded into the digits, is a valid number of someone else.
    it.each([
      ['030 123456 ext. 7', 'DE'],
      ['+49 30 123456 x89', 'DE'],
      ['+49 30 123456, 7', 'DE'],
      ['+49 30 123456 #7', 'DE'],
      ['+49 30 123456;7', 'DE'],
      ['+49 30 123456 w7', 'DE'],
      ['01 234567 ext 8', 'AT'],
    ] as const)('refuses %s (%s) as an extension, never as a longer number', (raw, country) => {
      expect(parsePhoneNumber(raw, country)).toEqual({ ok: false, reason: 'has_extension' });
      expect(parsePhoneNumber(raw.replace(/[^+\d]/g, ''), country).ok).toBe(true);
    });
  });

  it('never throws, whatever it is given', () => {
    const odd = ['\uD800', '\uDFFF+1', '+'.repeat(500), '9'.repeat(10_000), 'x'.repeat(300), '\u0000', '٠٠٠', '+1\u0301'];
    for (const raw of odd) {
      expect(() => parsePhoneNumber(raw, 'US')).not.toThrow();
      expect(() => parsePhoneNumber(raw)).not.toThrow();
    }
  });
});

describe('formatPhoneForDisplay', () => {
  it.each([
    ['+16502530000', '+1 650 253 0000'],
    ['+442079460958', '+44 20 7946 0958'],
    ['+390648812345', '+39 06 4881 2345'],
    ['+33612345678', '+33 6 12 34 56 78'],
  ])('formats %s as %s', (e164, expected) => {
    expect(formatPhoneForDisplay(e164)).toBe(expected);
  });

  it('returns text it cannot parse unchanged', () => {
    expect(formatPhoneForDisplay('not a phone')).toBe('not a phone');
    expect(formatPhoneForDisplay('')).toBe('');
  });
});

describe('sanitizeCode', () => {
  it.each([
    ['a space in the middle', '123 456', '123456'],
    ['fullwidth digits', '１２３４５６', '123456'],
    ['dashes', '123-456', '123456'],
    ['an en dash', '123\u2013456', '123456'],
    ['right-to-left marks', '\u200F123456\u200F', '123456'],
    ['bidi isolates around each half', '\u2067123\u2069\u2067456\u2069', '123456'],
    ['Arabic-Indic digits', '١٢٣٤٥٦', '123456'],
    ['a "G-" prefix as in SMS codes', 'G-123456', '123456'],
    ['a whole SMS message', 'Your code is 123456.', '123456'],
    ['no digits at all', 'abc', ''],
    ['an empty string', '', ''],
  ])('cleans %s', (_what, raw, expected) => {
    expect(sanitizeCode(raw)).toBe(expected);
  });

  it('cuts the code to the expected length', () => {
    expect(sanitizeCode('1234567890', 6)).toBe('123456');
    expect(sanitizeCode('１２３ ４５６ ７８', 6)).toBe('123456');
  });

  it('leaves a short code alone', () => {
    expect(sanitizeCode('123', 6)).toBe('123');
  });

  it('gives nothing when the length is zero', () => {
    expect(sanitizeCode('123456', 0)).toBe('');
  });

  it('treats a negative or NaN length as no limit rather than dropping the code', () => {
    expect(sanitizeCode('123456', -1)).toBe('123456');
    expect(sanitizeCode('123456', Number.NaN)).toBe('123456');
  });

  it('rounds a fractional length down', () => {
    expect(sanitizeCode('123456', 4.9)).toBe('1234');
  });
});

describe('readPhoneDigits', () => {
  it('reads national digits in the selected country', () => {
    expect(readPhoneDigits('02079460958', 'GB')).toEqual({
      e164: '+442079460958',
      international: false,
      callingCode: '44',
      nationalNumber: '2079460958',
    });
  });

  it('lets a leading + pick its own country', () => {
    expect(readPhoneDigits('+442079460958', 'US')).toEqual({
      e164: '+442079460958',
      international: true,
      callingCode: '44',
      nationalNumber: '2079460958',
    });
  });

  it("reads the country's own international prefix", () => {
    expect(readPhoneDigits('011442079460958', 'US')).toMatchObject({ e164: '+442079460958', international: true, callingCode: '44' });
    expect(readPhoneDigits('00442079460958', 'DE')).toMatchObject({ e164: '+442079460958', international: true, callingCode: '44' });
  });

  it('reads 00 from the US as parsePhoneNumber does, once it makes a valid number', () => {
    expect(readPhoneDigits('00442079460958', 'US')).toMatchObject({ e164: '+442079460958', international: true });
    expect(parsePhoneNumber('00442079460958', 'US')).toMatchObject({ ok: true, e164: '+442079460958' });
    // Not yet a valid number either way: read as typed, in the selected country.
    expect(readPhoneDigits('0044207946095', 'US')).toMatchObject({ e164: '+10044207946095', international: false });
  });

  it('reads 00 as parsePhoneNumber does where the country dials abroad with 00 and a carrier code', () => {
    // Brazil's international prefix is 00 followed by a carrier code: read that way, 0015… is not
    // a valid number, so both fall back to 00 as a plain international prefix.
    expect(parsePhoneNumber('0015105550123', 'BR')).toMatchObject({ ok: true, e164: '+15105550123' });
    expect(readPhoneDigits('0015105550123', 'BR')).toMatchObject({ e164: '+15105550123', international: true });
  });

  it('reads every number as international without a country', () => {
    expect(readPhoneDigits('442079460958', undefined)).toMatchObject({ e164: '+442079460958', international: true });
  });

  it('gives nothing for no digits or a lone +', () => {
    expect(readPhoneDigits('', 'US')).toMatchObject({ e164: '', nationalNumber: '' });
    expect(readPhoneDigits('+', 'US')).toMatchObject({ e164: '', nationalNumber: '' });
  });
});

describe('phoneDigitsForCountry', () => {
  it('keeps an international number of another calling code whole, never moving it to the chosen country', () => {
    // Issue 13: a pasted +44 number, then Germany chosen, must not go to +49.
    const digits = phoneDigitsForCountry('+442079460958', 'US', 'DE');
    expect(digits).toBe('+442079460958');
    expect(readPhoneDigits(digits, 'DE').e164).toBe('+442079460958');
    expect(phoneDigitsForCountry('+2618000000', 'US', 'FR')).toBe('+2618000000');
    expect(phoneDigitsForCountry('+390612345678', 'US', 'FR')).toBe('+390612345678');
  });

  it('keeps a number typed with an international prefix whole too, in + form', () => {
    expect(phoneDigitsForCountry('011442079460958', 'US', 'DE')).toBe('+442079460958');
    expect(phoneDigitsForCountry('00493012345678', 'GB', 'FR')).toBe('+493012345678');
    // Australia dials abroad with 0011; the calling code 1 is not the prefix's own 1s.
    expect(readPhoneDigits('001116502530000', 'AU')).toMatchObject({ e164: '+16502530000', international: true });
    expect(phoneDigitsForCountry('001116502530000', 'AU', 'GB')).toBe('+16502530000');
  });

  it('lets the chosen country replace a calling code typed with no number after it yet', () => {
    expect(phoneDigitsForCountry('+44', 'US', 'DE')).toBe('');
    expect(phoneDigitsForCountry('+4', 'US', 'DE')).toBe('');
  });

  it('keeps a number typed with + as it is for "International"', () => {
    expect(phoneDigitsForCountry('+442079460958', 'US', undefined)).toBe('+442079460958');
    expect(phoneDigitsForCountry('+44', 'US', undefined)).toBe('+44');
  });

  it('gives "International" a national number in international form', () => {
    expect(phoneDigitsForCountry('6502530000', 'US', undefined)).toBe('+16502530000');
    expect(phoneDigitsForCountry('011442079460958', 'US', undefined)).toBe('+442079460958');
  });

  it('keeps a number of the chosen country\'s own calling code as typed', () => {
    expect(phoneDigitsForCountry('+16502530000', 'US', 'CA')).toBe('+16502530000');
    expect(phoneDigitsForCountry('+442079460958', 'US', 'GB')).toBe('+442079460958');
    expect(phoneDigitsForCountry('+1', 'US', 'CA')).toBe('+1');
  });

  it('turns an international prefix into + when the number stays in its calling code', () => {
    // The UK dials abroad with 00, not 011.
    expect(phoneDigitsForCountry('011442079460958', 'US', 'GB')).toBe('+442079460958');
  });

  it('keeps digits typed without an international part exactly as typed', () => {
    expect(phoneDigitsForCountry('6502530000', 'US', 'GB')).toBe('6502530000');
    expect(phoneDigitsForCountry('16502530000', 'US', 'GB')).toBe('16502530000');
    expect(phoneDigitsForCountry('02079460958', 'GB', 'DE')).toBe('02079460958');
    expect(phoneDigitsForCountry('1', 'US', 'CA')).toBe('1');
  });

  it('leaves nothing of an international number that has no national digits yet', () => {
    expect(phoneDigitsForCountry('+44', 'US', 'DE')).toBe('');
    expect(phoneDigitsForCountry('+4', 'US', 'DE')).toBe('');
    expect(phoneDigitsForCountry('+', 'US', 'DE')).toBe('');
    expect(phoneDigitsForCountry('', 'US', 'DE')).toBe('');
  });

  it('brings a national number back unchanged when the first country is chosen again', () => {
    const inGermany = phoneDigitsForCountry('6502530000', 'US', 'DE');
    expect(phoneDigitsForCountry(inGermany, 'DE', 'US')).toBe('6502530000');
  });
});

describe('normalizePhoneCharacters', () => {
  it('turns a fullwidth plus and fullwidth or Arabic-Indic digits into ASCII', () => {
    expect(normalizePhoneCharacters('＋４４ ２０ ７９４６ ０９５８')).toBe('+44 20 7946 0958');
    expect(normalizePhoneCharacters('٦٥٠ ۲۵۳')).toBe('650 253');
  });

  it('leaves every other character where it was', () => {
    expect(normalizePhoneCharacters('\u200E(650) 253-0000 ext')).toBe('\u200E(650) 253-0000 ext');
  });

  it('drops a + typed inside the number, which would otherwise end it there', () => {
    expect(normalizePhoneCharacters('(650+) 253-0000')).toBe('(650) 253-0000');
    expect(normalizePhoneCharacters('++44')).toBe('+44');
    expect(normalizePhoneCharacters(' (＋44)')).toBe(' (+44)');
  });

  it('maps a caret through the text before it, even where a character shrinks', () => {
    // Mathematical digits lie outside the Basic Multilingual Plane: two code units each, one after.
    const text = '\u{1D7CE}\u{1D7CF} 2';
    expect(normalizePhoneCharacters(text)).toBe('01 2');
    const caretAfterBoth = 4;
    expect(normalizePhoneCharacters(text.slice(0, caretAfterBoth))).toBe('01');
  });
});

describe('isWholeInternationalNumber', () => {
  it('recognises a whole number with its own +, however it is written', () => {
    expect(isWholeInternationalNumber('+44 20 7946 0958')).toBe(true);
    expect(isWholeInternationalNumber('\u200E＋４４ ２０ ７９４６ ０９５８')).toBe(true);
  });

  it('does not take a part of a number, or a national one, for a whole international number', () => {
    expect(isWholeInternationalNumber('+44')).toBe(false);
    expect(isWholeInternationalNumber('+44 20')).toBe(false);
    expect(isWholeInternationalNumber('020 7946 0958')).toBe(false);
    expect(isWholeInternationalNumber('0044 20 7946 0958')).toBe(false);
  });
});

describe('internationalPrefixOf (the prefix a phone field writes as +)', () => {
  const { internationalPrefixOf } = createPhoneRules(metadata);

  it("finds the selected country's own international prefix once the calling code is known", () => {
    expect(internationalPrefixOf('00442079460958', 'GB')).toBe('00');
    expect(internationalPrefixOf('0044', 'GB')).toBe('00');
    expect(internationalPrefixOf('011442079460958', 'US')).toBe('011');
    expect(internationalPrefixOf('0049301234567', 'DE')).toBe('00');
    // Australia dials abroad with 0011.
    expect(internationalPrefixOf('001116502530000', 'AU')).toBe('0011');
  });

  it('waits for the calling code: 00 and 004 could still be anything', () => {
    expect(internationalPrefixOf('00', 'GB')).toBeUndefined();
    expect(internationalPrefixOf('004', 'GB')).toBeUndefined();
  });

  it('finds 00 from the US only once it makes a valid number, as validation reads it', () => {
    expect(internationalPrefixOf('0044207946095', 'US')).toBeUndefined();
    expect(internationalPrefixOf('00442079460958', 'US')).toBe('00');
  });

  it('finds 00 and 011 without a country', () => {
    expect(internationalPrefixOf('0044')).toBe('00');
    expect(internationalPrefixOf('01144')).toBe('011');
    expect(internationalPrefixOf('00')).toBeUndefined();
    expect(internationalPrefixOf('0004')).toBeUndefined();
  });

  it('finds nothing in national digits or a number typed with +', () => {
    expect(internationalPrefixOf('02079460958', 'GB')).toBeUndefined();
    expect(internationalPrefixOf('011 33 6 12 34 56 78'.replace(/ /g, ''), 'GB')).toBeUndefined();
    expect(internationalPrefixOf('+442079460958', 'GB')).toBeUndefined();
    expect(internationalPrefixOf('6502530000', 'US')).toBeUndefined();
  });
});
