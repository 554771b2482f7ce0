import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { TwoFactorPhoneWizard, createMockAdapter } from '../src';
import type { CountryCode } from '../src';

/**
 * A number dialled with an international prefix (`0044…`, `011 44…`) in the wizard's phone step,
 * in real Chromium, with real key presses and a real Ctrl+V. The wizard loads each calling code's
 * metadata as a number needs it, so the prefix may only be known for what it is once that has
 * come. Either way the field ends up showing the number in international format, the select its
 * country, and the code goes to it in E.164 (issue 13).
 */

const CODE = '246810';

async function openPhoneEntry(defaultCountry: CountryCode | undefined) {
  const adapter = createMockAdapter({ code: CODE, phoneNumber: null });
  await render(<TwoFactorPhoneWizard adapter={adapter} defaultCountry={defaultCountry} onComplete={() => {}} />);
  await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), CODE);
  await userEvent.keyboard('{Enter}');
  await userEvent.click(page.getByRole('button', { name: 'Edit' }));
  await userEvent.click(page.getByRole('button', { name: '+ Add phone based verification' }));
  await expect.element(page.getByRole('textbox', { name: 'Phone number' })).toBeVisible();
  return adapter;
}

/** Copies `text` from a host textarea and pastes it into the phone field with the keyboard. */
async function pasteIntoPhoneField(text: string): Promise<void> {
  const source = document.createElement('textarea');
  source.value = text;
  document.body.append(source);
  source.select();
  await userEvent.copy();
  source.remove();
  (page.getByRole('textbox', { name: 'Phone number' }).element() as HTMLInputElement).focus();
  await userEvent.paste();
}

const CASES = [
  { typed: '0044 20 7946 0958', selected: 'GB', shown: '+44 20 7946 0958', country: 'GB', sentTo: '+442079460958' },
  { typed: '0044 20 7946 0958', selected: 'US', shown: '+44 20 7946 0958', country: 'GB', sentTo: '+442079460958' },
  { typed: '011 44 20 7946 0958', selected: 'US', shown: '+44 20 7946 0958', country: 'GB', sentTo: '+442079460958' },
  { typed: '00 49 30 1234567', selected: 'GB', shown: '+49 30 1234567', country: 'DE', sentTo: '+49301234567' },
  { typed: '0044 20 7946 0958', selected: undefined, shown: '+44 20 7946 0958', country: 'GB', sentTo: '+442079460958' },
  { typed: '011 44 20 7946 0958', selected: undefined, shown: '+44 20 7946 0958', country: 'GB', sentTo: '+442079460958' },
] as const;

describe('a number dialled with an international prefix (Chromium, wizard)', () => {
  for (const { typed, selected, shown, country, sentTo } of CASES) {
    for (const how of ['typed', 'pasted'] as const) {
      it(`shows ${typed} ${how} with ${selected ?? 'International'} selected as ${shown} and sends the code to ${sentTo}`, async () => {
        const adapter = await openPhoneEntry(selected);
        const field = page.getByRole('textbox', { name: 'Phone number' });
        if (how === 'typed') {
          await userEvent.click(field);
          await userEvent.keyboard(typed);
        } else {
          await pasteIntoPhoneField(typed);
        }
        await expect.element(field).toHaveValue(shown);
        await expect.element(page.getByRole('combobox', { name: 'Country' })).toHaveValue(country);
        await userEvent.click(page.getByRole('button', { name: 'Send code via SMS' }));
        await expect.element(page.getByRole('textbox', { name: 'Verification code' })).toBeVisible();
        expect(adapter.messages.filter((message) => message.kind !== 'email').map((message) => message.to)).toEqual([sentTo]);
      });
    }
  }
});
