import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { PhoneEntryStep, TwoFactorPhoneWizard, createMockAdapter } from '../src';

/**
 * The country select in the user's language, in real Chromium (issue 13): names from
 * `Intl.DisplayNames` in the wizard's locale, sorted in it, the preferred countries first; and the
 * native select's type-ahead finds a country by typing the first letters of its name *in that
 * language*, from the keyboard, as keyboard and screen-reader users do.
 */

const CASES = [
  {
    locale: 'es',
    label: 'País',
    preferred: ['Estados Unidos (+1)', 'Reino Unido (+44)'],
    searches: [
      ['Alem', 'DE', 'Alemania (+49)'],
      ['Suiza', 'CH', 'Suiza (+41)'],
    ],
  },
  {
    locale: 'de',
    label: 'Land',
    preferred: ['Vereinigte Staaten (+1)', 'Vereinigtes Königreich (+44)'],
    searches: [
      ['Deut', 'DE', 'Deutschland (+49)'],
      ['Schweiz', 'CH', 'Schweiz (+41)'],
    ],
  },
] as const;

/** Chromium's type-ahead starts a new search after a second without typing. */
const typeAheadReset = () => new Promise((resolve) => setTimeout(resolve, 1100));

describe('the country select in Spanish and German (Chromium)', () => {
  for (const { locale, label, preferred, searches } of CASES) {
    it(`names and sorts countries in ${locale}, keeps the preferred ones first, and finds a country by typing its ${locale} name`, async () => {
      const adapter = createMockAdapter({ emailVerified: true });
      await render(<PhoneEntryStep adapter={adapter} defaultCountry="US" preferredCountries={['US', 'GB']} locale={locale} />);
      const country = page.getByRole('combobox', { name: label });
      await expect.element(country).toHaveValue('US');
      const select = country.element() as HTMLSelectElement;

      const names = () => [...select.options].map((option) => option.text);
      const [international, ...listed] = names();
      expect(international).not.toBe('');
      expect(listed.slice(0, 2)).toEqual(preferred);
      const rest = listed.slice(2).map((name) => name.replace(/ \(\+\d+\)$/, ''));
      const collator = new Intl.Collator(locale);
      expect(rest).toEqual([...rest].sort((a, b) => collator.compare(a, b)));
      // The preferred countries are listed once.
      expect(listed.filter((name) => preferred.includes(name as never))).toHaveLength(2);

      select.focus();
      for (const [typed, code, name] of searches) {
        await typeAheadReset();
        await userEvent.keyboard(typed);
        await expect.element(country).toHaveValue(code);
        expect(select.selectedOptions[0]?.text).toBe(name);
        expect(document.activeElement).toBe(select);
      }
      // Choosing by type-ahead reorders nothing.
      expect(names().slice(1, 3)).toEqual(preferred);
    });
  }
});

describe('the country select in the wizard, which loads each country as it is chosen (Chromium)', () => {
  it('lands on the country typed in German, shows its example and sends to it', async () => {
    const adapter = createMockAdapter({ code: '246810', phoneNumber: null });
    await render(<TwoFactorPhoneWizard adapter={adapter} defaultCountry="US" locale="de" onComplete={() => {}} />);
    await userEvent.fill(page.getByRole('textbox', { name: 'Bestätigungscode aus der E-Mail' }), '246810');
    await userEvent.keyboard('{Enter}');
    await userEvent.click(page.getByRole('button', { name: 'Bearbeiten' }));
    await userEvent.click(page.getByRole('button', { name: /Telefonbasierte Bestätigung hinzufügen/ }));
    const country = page.getByRole('combobox', { name: 'Land' });
    await expect.element(country).toHaveValue('US');

    (country.element() as HTMLSelectElement).focus();
    // On its way, type-ahead passes through Dänemark: only the last choice is applied.
    await userEvent.keyboard('Deut');
    await expect.element(country).toHaveValue('DE');
    await expect.element(page.getByText(/^Zum Beispiel: 01512 3456789$/)).toBeVisible();

    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('030 1234567');
    await expect.element(page.getByRole('textbox', { name: 'Telefonnummer' })).toHaveValue('030 1234567');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => adapter.messages.filter((message) => message.kind === 'sms').map((message) => message.to)).toEqual(['+49301234567']);
  });
});
