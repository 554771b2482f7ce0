import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPhoneForDisplay,
  normalizePhoneCharacters,
  normalizePhoneInput,
  parsePhoneNumber,
  phoneDigitsForCountry,
  readPhoneDigits,
  sanitizeCode,
  type CountryCode,
  type PhoneParseFailure,
} from './phone';
import { toAsciiDigits } from './code';

const E164 = /^\+[1-9]\d{6,14}$/;
const FAILURES: readonly PhoneParseFailure[] = [
  'empty',
  'not_a_number',
  'too_short',
  'too_long',
  'invalid_number',
  'has_extension',
  'invalid_country',
];

// Characters people paste into phone and code fields, plus the awkward ones: direction marks,
// combining marks, Hangul jamo that compose once a separator between them goes, lone surrogates.
const awkwardCharacter = fc.oneof(
  fc.constantFrom(...'0123456789+ -().x#;=,/'.split('')),
  fc.constantFrom('＋', '１', '９', '（', '）', '－', '٣', '۷', '\u00A0', '\u2009', '\u2011', '\u2212'),
  fc.constantFrom('\u200B', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069', '\uFEFF', '\u00AD'),
  fc.constantFrom('e', 't', 'E', 'a', '\u0301', '\u0338', '\u1100', '\u1161', '\u11A8', 'ﬁ', '①', '½'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
);

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: awkwardCharacter, maxLength: 40 }),
);

const anyCountry = fc.option(fc.constantFrom<CountryCode>('US', 'CA', 'GB', 'IT', 'DE', 'FR', 'JP', 'IN', 'BR', 'AU'), {
  nil: undefined,
});

// Valid numbers from several numbering plans, written as people write them.
const validNumbers = ['+16502530000', '+14169791234', '+442079460958', '+390648812345', '+33612345678', '+493012345678', '+6834002'];
const separator = fc.constantFrom('', ' ', '-', '.', '\u00A0', '\u2011', '\u200E', '\u200F', '\u2066', '\u2069', '\u200B');

function toFullwidth(text: string): string {
  return text.replace(/[0-9+]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));
}

const messyValidNumber = fc
  .tuple(fc.constantFrom(...validNumbers), fc.array(separator, { minLength: 16, maxLength: 16 }), fc.boolean())
  .map(([e164, separators, fullwidth]) => {
    const spaced = Array.from(e164, (character, index) => `${separators[index] ?? ''}${character}`).join('');
    return { e164, raw: fullwidth ? toFullwidth(spaced) : spaced };
  });

describe('normalizePhoneInput (properties)', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        expect(() => normalizePhoneInput(raw)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const once = normalizePhoneInput(raw);
        expect(normalizePhoneInput(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no separator or invisible mark behind', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        expect(normalizePhoneInput(raw)).not.toMatch(/[\s\p{Pd}\u2212.()/\p{Cf}]/u);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parsePhoneNumber (properties)', () => {
  it('never throws and answers from the closed vocabulary', () => {
    fc.assert(
      fc.property(anyText, anyCountry, (raw, country) => {
        const result = parsePhoneNumber(raw, country);
        if (result.ok) expect(result.e164).toMatch(E164);
        else expect(FAILURES).toContain(result.reason);
      }),
      { numRuns: 500 },
    );
  });

  it('gives E.164 for every number it accepts, across many digit strings', () => {
    const digitsWithOptionalPlus = fc.tuple(fc.boolean(), fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 1, maxLength: 18 }));
    fc.assert(
      fc.property(digitsWithOptionalPlus, anyCountry, ([plus, digits], country) => {
        const result = parsePhoneNumber(`${plus ? '+' : ''}${digits}`, country);
        if (result.ok) expect(result.e164).toMatch(E164);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a valid number the same however it is spaced, marked or widened', () => {
    fc.assert(
      fc.property(messyValidNumber, anyCountry, ({ e164, raw }, country) => {
        const result = parsePhoneNumber(raw, country);
        expect(result).toMatchObject({ ok: true, e164 });
      }),
      { numRuns: 300 },
    );
  });

  it('reads back what formatPhoneForDisplay shows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...validNumbers), (e164) => {
        expect(parsePhoneNumber(formatPhoneForDisplay(e164))).toMatchObject({ ok: true, e164 });
      }),
    );
  });
});

describe('phoneDigitsForCountry (properties)', () => {
  const digitString = fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), maxLength: 16 });
  const fieldDigits = fc.tuple(fc.boolean(), digitString).map(([plus, digits]) => `${plus ? '+' : ''}${digits}`);
  const country = fc.constantFrom<CountryCode>('US', 'CA', 'GB', 'IT', 'DE', 'FR', 'JP', 'IN', 'BR', 'AU', 'RU', 'KZ');

  it('never throws and leaves only digits, with a leading + at most', () => {
    fc.assert(
      fc.property(fieldDigits, anyCountry, anyCountry, (digits, from, to) => {
        expect(phoneDigitsForCountry(digits, from, to)).toMatch(/^\+?[0-9]*$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps digits typed without an international part exactly, and brings them back', () => {
    fc.assert(
      fc.property(digitString, country, country, (digits, from, to) => {
        fc.pre(digits !== '' && !readPhoneDigits(digits, from).international);
        const kept = phoneDigitsForCountry(digits, from, to);
        expect(kept).toBe(digits);
        fc.pre(!readPhoneDigits(kept, to).international);
        expect(phoneDigitsForCountry(kept, to, from)).toBe(digits);
      }),
      { numRuns: 1000 },
    );
  });

  it('never moves an international number of another calling code to the chosen country', () => {
    const internationalPrefix = fc.constantFrom('+', '00', '011');
    fc.assert(
      fc.property(internationalPrefix, digitString, country, country, (prefix, digits, from, to) => {
        const typed = `${prefix}${digits}`;
        const current = readPhoneDigits(typed, from);
        fc.pre(current.international && current.callingCode !== undefined && current.callingCode !== readPhoneDigits('1', to).callingCode);
        const kept = phoneDigitsForCountry(typed, from, to);
        // Issue 13: the number stays itself (in + form), or, with nothing typed after its calling
        // code yet, goes entirely; it never becomes a number of `to`.
        if (current.nationalNumber === '') {
          expect(kept).toBe('');
        } else {
          expect(kept).toBe(prefix === '+' ? typed : current.e164);
          expect(kept.startsWith(`+${current.callingCode}`)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a number typed with + whole for "International" and for its own calling code', () => {
    fc.assert(
      fc.property(digitString, country, (digits, from) => {
        const typed = `+${digits}`;
        const current = readPhoneDigits(typed, from);
        fc.pre(current.e164 !== '');
        expect(phoneDigitsForCountry(typed, from, undefined)).toBe(typed);
        const own = current.callingCode === undefined ? undefined : countryOfCallingCode(current.callingCode);
        if (own !== undefined) expect(phoneDigitsForCountry(typed, from, own)).toBe(typed);
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalizePhoneCharacters (properties)', () => {
  /** What a character stands for, alone: `+`, an ASCII digit, or itself. */
  const standsFor = (character: string) => {
    const ascii = toAsciiDigits(character.normalize('NFKC'));
    return /^[+0-9]$/.test(ascii) ? ascii : character;
  };

  it('keeps every digit and every other character, and a + only before the number', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const normalized = normalizePhoneCharacters(text);
        const expected = Array.from(text).map(standsFor);
        const firstDigitOrPlus = expected.findIndex((character) => /^[+0-9]$/.test(character));
        // Only a `+` after the number has begun goes.
        const kept = expected.filter((character, index) => character !== '+' || index === firstDigitOrPlus);
        // As strings: a dropped `+` between two lone surrogates joins them into one code point.
        expect(normalized).toBe(kept.join(''));
      }),
      { numRuns: 500 },
    );
  });

  it('maps every caret: the text before it cleans into the start of the whole', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const normalized = normalizePhoneCharacters(text);
        const characters = Array.from(text);
        characters.forEach((_, index) => {
          expect(normalized.startsWith(normalizePhoneCharacters(characters.slice(0, index).join('')))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizePhoneCharacters(text);
        expect(normalizePhoneCharacters(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the same number as normalizePhoneInput does', () => {
    fc.assert(
      fc.property(messyValidNumber, ({ e164, raw }) => {
        expect(normalizePhoneInput(normalizePhoneCharacters(raw))).toBe(e164);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sanitizeCode (properties)', () => {
  const maxLength = fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined });

  it('never throws and keeps only ASCII digits, within the length', () => {
    fc.assert(
      fc.property(anyText, maxLength, (raw, length) => {
        const code = sanitizeCode(raw, length);
        expect(code).toMatch(/^[0-9]*$/);
        if (length !== undefined) expect(code.length).toBeLessThanOrEqual(length);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, maxLength, (raw, length) => {
        const once = sanitizeCode(raw, length);
        expect(sanitizeCode(once, length)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a six-digit code inside any spacing, marks or widening', () => {
    const code = fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(code, fc.array(separator, { minLength: 6, maxLength: 6 }), fc.boolean(), (digits, separators, fullwidth) => {
        const spaced = Array.from(digits, (digit, index) => `${separators[index] ?? ''}${digit}`).join('');
        expect(sanitizeCode(fullwidth ? toFullwidth(spaced) : spaced, 6)).toBe(digits);
      }),
      { numRuns: 300 },
    );
  });
});

/** A country whose calling code is `callingCode`, among a few. */
function countryOfCallingCode(callingCode: string): CountryCode | undefined {
  const countries: CountryCode[] = ['US', 'GB', 'IT', 'DE', 'FR', 'JP', 'IN', 'BR', 'AU', 'RU'];
  return countries.find((country) => readPhoneDigits('1', country).callingCode === callingCode);
}
