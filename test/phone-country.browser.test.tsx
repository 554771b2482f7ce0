import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { PhoneEntryStep, createMockAdapter } from '../src';

/**
 * The phone field in real Chromium: a number copied from the host page and pasted with Ctrl+V (a
 * trusted `paste` and Chromium's own `input` event), then another country chosen in the native
 * select by typing its name, as keyboard users do. Type-ahead changes the selection on every
 * letter, so the number goes through several countries on its way: none of them may lose a digit,
 * and a number typed with its own `+code` never moves to the chosen country.
 * Also: a pasted number written with a fullwidth `＋`, and one pasted after digits already typed.
 */

interface PasteRecord {
  trusted: boolean;
  text: string;
}

let pastes: PasteRecord[] = [];
const recordPaste = (event: ClipboardEvent) => {
  pastes.push({ trusted: event.isTrusted, text: event.clipboardData?.getData('text/plain') ?? '' });
};

afterEach(() => {
  document.removeEventListener('paste', recordPaste, true);
  pastes = [];
});

/** The phone step below a host "message" holding the number to copy. */
async function renderWithMessage(text: string, onCodeSent: () => void): Promise<void> {
  pastes = [];
  document.addEventListener('paste', recordPaste, true);
  const adapter = createMockAdapter({ emailVerified: true });
  await render(
    <div>
      <label>
        Message
        <textarea readOnly defaultValue={text} />
      </label>
      <PhoneEntryStep adapter={adapter} defaultCountry="US" onCodeSent={onCodeSent} />
    </div>,
  );
}

/**
 * Copies the whole message and pastes it into the phone field with the keyboard shortcuts, with
 * the caret where the field had it, or at `caret`.
 */
async function copyAndPasteIntoPhoneField(caret?: number): Promise<HTMLInputElement> {
  const message = page.getByRole('textbox', { name: 'Message' }).element() as HTMLTextAreaElement;
  message.focus();
  message.select();
  await userEvent.copy();
  const field = page.getByRole('textbox', { name: 'Phone number' }).element() as HTMLInputElement;
  field.focus();
  if (caret !== undefined) field.setSelectionRange(caret, caret);
  await userEvent.paste();
  return field;
}

function phoneField(): HTMLInputElement {
  return page.getByRole('textbox', { name: 'Phone number' }).element() as HTMLInputElement;
}

describe('changing the country after a paste (Chromium)', () => {
  it('never sends a pasted +44 number to +49 when Germany is chosen by typing its name: it keeps its country and says so', async () => {
    const onCodeSent = vi.fn();
    await renderWithMessage('+44 20 7946 0958', onCodeSent);
    await copyAndPasteIntoPhoneField();

    expect(pastes).toEqual([{ trusted: true, text: '+44 20 7946 0958' }]);
    await expect.element(page.getByRole('textbox', { name: 'Phone number' })).toHaveValue('+44 20 7946 0958');
    const country = page.getByRole('combobox', { name: 'Country' });
    await expect.element(country).toHaveValue('GB');

    // From the number field, Shift+Tab reaches the select; "Ger" passes Gabon and Georgia.
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(country.element());
    await userEvent.keyboard('Germany');

    // Issue 13: the number is not rewritten to +49; it keeps its own country, and the field says why.
    await expect.element(page.getByText('This number starts with +44, so it keeps its own country.', { exact: false })).toBeVisible();
    await expect.element(country).toHaveValue('GB');
    expect(phoneField().value).toBe('+44 20 7946 0958');
    expect(document.activeElement).toBe(country.element());

    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(phoneField());
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => onCodeSent.mock.calls.length).toBe(1);
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958', channel: 'sms' });
  });

  it('keeps a pasted national number through other countries and back to the first', async () => {
    const onCodeSent = vi.fn();
    await renderWithMessage('(650) 253-0000', onCodeSent);
    await copyAndPasteIntoPhoneField();
    await expect.poll(() => phoneField().value).toBe('(650) 253-0000');
    const country = page.getByRole('combobox', { name: 'Country' });

    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await userEvent.keyboard('Germany');
    await expect.element(country).toHaveValue('DE');
    // Germany formats only numbers written with its national prefix 0, which is not added: the
    // digits stay as they are, read as a German number.
    await expect.poll(() => phoneField().value).toBe('6502530000');

    // Chromium's type-ahead starts a new search after a second without typing.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await userEvent.keyboard('United States');
    await expect.element(country).toHaveValue('US');
    await expect.poll(() => phoneField().value).toBe('(650) 253-0000');

    await userEvent.keyboard('{Tab}{Enter}');
    await expect.poll(() => onCodeSent.mock.calls.length).toBe(1);
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+16502530000' });
  });

  it('lets a whole + number pasted after digits already typed replace them', async () => {
    const onCodeSent = vi.fn();
    await renderWithMessage('+44 20 7946 0958', onCodeSent);
    await userEvent.type(page.getByRole('textbox', { name: 'Phone number' }), '6502530000');
    await expect.poll(() => phoneField().value).toBe('(650) 253-0000');

    await copyAndPasteIntoPhoneField();

    expect(pastes).toEqual([{ trusted: true, text: '+44 20 7946 0958' }]);
    await expect.poll(() => phoneField().value).toBe('+44 20 7946 0958');
    await expect.element(page.getByRole('combobox', { name: 'Country' })).toHaveValue('GB');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => onCodeSent.mock.calls.length).toBe(1);
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });

  it('lets a whole + number pasted before digits already typed replace them too', async () => {
    const onCodeSent = vi.fn();
    await renderWithMessage('+44 20 7946 0958', onCodeSent);
    await userEvent.type(page.getByRole('textbox', { name: 'Phone number' }), '6502530000');
    await expect.poll(() => phoneField().value).toBe('(650) 253-0000');

    await copyAndPasteIntoPhoneField(0);

    await expect.poll(() => phoneField().value).toBe('+44 20 7946 0958');
    await expect.element(page.getByRole('combobox', { name: 'Country' })).toHaveValue('GB');
  });

  it('reads a pasted fullwidth ＋ as +, so the number picks its own country', async () => {
    const onCodeSent = vi.fn();
    await renderWithMessage('＋４４ ２０ ７９４６ ０９５８', onCodeSent);
    await copyAndPasteIntoPhoneField();

    await expect.poll(() => phoneField().value).toBe('+44 20 7946 0958');
    await expect.element(page.getByRole('combobox', { name: 'Country' })).toHaveValue('GB');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => onCodeSent.mock.calls.length).toBe(1);
    expect(onCodeSent.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+442079460958' });
  });
});
