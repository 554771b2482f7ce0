import { useState } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { parseIncompletePhoneNumber } from 'libphonenumber-js/core';
import { describe, expect, it } from 'vitest';
import { parsePhoneNumber, phoneDigitsForCountry, readPhoneDigits, type CountryCode } from '../core/phone';
import { PhoneField } from './phone-field';
import { FULL_PHONE_SUPPORT } from './phone-support-full';

/** The field as react-hook-form drives it: the last reported value goes back in as `value`. */
function Field({ defaultCountry, reported }: { defaultCountry: CountryCode; reported: string[] }) {
  const [value, setValue] = useState('');
  return (
    <PhoneField
      value={value}
      onChange={(next) => {
        reported.push(next);
        setValue(next);
      }}
      onBlur={() => {}}
      inputRef={() => {}}
      defaultCountry={defaultCountry}
      id="phone"
      name="phone"
      invalid={false}
      phone={FULL_PHONE_SUPPORT}
    />
  );
}

const INTERNATIONAL = 'ZZ';

describe('PhoneField, changing the country', () => {
  const country = fc.constantFrom<CountryCode>('US', 'CA', 'GB', 'DE', 'FR', 'IT', 'AU', 'BR', 'RU', 'JP', 'IN');
  const chosen = fc.oneof(country, fc.constant(INTERNATIONAL));
  const prefix = fc.constantFrom('', '', '+', '00', '011');
  const digits = fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 1, maxLength: 13 });

  it('shows the digits it keeps and holds the number they make in the chosen country', async () => {
    await fc.assert(
      fc.asyncProperty(country, prefix, digits, chosen, async (from, typedPrefix, typedDigits, to) => {
        cleanup();
        const user = userEvent.setup();
        const reported: string[] = [];
        render(<Field defaultCountry={from} reported={reported} />);
        await user.click(screen.getByLabelText('Phone number'));
        await user.paste(`${typedPrefix}${typedDigits}`);
        const typed = parseIncompletePhoneNumber((screen.getByLabelText('Phone number') as HTMLInputElement).value);

        await user.selectOptions(screen.getByRole('combobox'), to);
        const toCountry = to === INTERNATIONAL ? undefined : (to as CountryCode);
        const kept = phoneDigitsForCountry(typed, from, toCountry);
        const shown = parseIncompletePhoneNumber((screen.getByLabelText('Phone number') as HTMLInputElement).value);
        // "International" shows the number in international form, whose digits are its E.164; a
        // country shows the kept digits, with `+` for an international prefix they start with
        // there (`0117` kept for the US is `011 7`, +7).
        const dialPrefix = toCountry === undefined ? undefined : FULL_PHONE_SUPPORT.rules.internationalPrefixOf(kept, toCountry);
        const expected =
          toCountry === undefined ? readPhoneDigits(kept, undefined).e164 : dialPrefix === undefined ? kept : `+${kept.slice(dialPrefix.length)}`;
        expect(shown).toBe(expected);
        expect(reported.at(-1) ?? '').toBe(readPhoneDigits(kept, toCountry).e164);
      }),
      { numRuns: 40 },
    );
  }, 30_000);
});

describe('PhoneField, an extension after the number', () => {
  it.each([
    ['+49 30 123456 x89', 'DE' as const],
    ['030 123456 ext. 7', 'DE' as const],
    ['01 234567 ext 8', 'AT' as const],
    ['+49 30 123456, 7', 'DE' as const],
  ])('keeps %s as typed and never reports its digits folded into the number', async (text, country) => {
    cleanup();
    const user = userEvent.setup();
    const reported: string[] = [];
    render(<Field defaultCountry={country} reported={reported} />);
    await user.click(screen.getByLabelText('Phone number'));
    await user.paste(text);

    expect((screen.getByLabelText('Phone number') as HTMLInputElement).value).toBe(text);
    const last = reported.at(-1) ?? '';
    expect(parsePhoneNumber(last, country)).toEqual({ ok: false, reason: 'has_extension' });
  });
});
