import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { PhoneEntryStep, createMockAdapter } from '../src';

/**
 * An extension or a dialler's pause typed or pasted after a number (issue 15): the formatter
 * keeps only digits, so until now `030 123456 ext. 7` went out as +49 30 1234567, a valid number of
 * someone else. The text stays as typed, Send is refused with the extension message, and the
 * adapter is never called.
 */

const EXTENSION_MESSAGE = 'Numbers with an extension can’t receive codes. Remove the extension.';

async function renderStep(defaultCountry: string, text = '') {
  const adapter = createMockAdapter({ emailVerified: true });
  const sendPhoneCode = vi.spyOn(adapter, 'sendPhoneCode');
  const onCodeSent = vi.fn();
  await render(
    <div>
      <label>
        Message
        <textarea readOnly defaultValue={text} />
      </label>
      <PhoneEntryStep adapter={adapter} defaultCountry={defaultCountry} onCodeSent={onCodeSent} />
    </div>,
  );
  return { sendPhoneCode, onCodeSent };
}

const phoneField = () => page.getByRole('textbox', { name: 'Phone number' }).element() as HTMLInputElement;

async function copyAndPaste(): Promise<void> {
  const message = page.getByRole('textbox', { name: 'Message' }).element() as HTMLTextAreaElement;
  message.focus();
  message.select();
  await userEvent.copy();
  phoneField().focus();
  await userEvent.paste();
}

describe('a number with an extension (Chromium)', () => {
  it.each([
    ['030 123456 ext. 7', 'DE'],
    ['+49 30 123456 x89', 'DE'],
    ['+49 30 123456, 7', 'DE'],
    ['01 234567 ext 8', 'AT'],
    ['+1 650 253 0000;ext=12', 'US'],
    ['(650) 253-0000 #12', 'US'],
    ['+49 30 123456 w7', 'DE'],
  ])('keeps pasted %s (%s) as typed and sends nothing', async (text, country) => {
    const { sendPhoneCode, onCodeSent } = await renderStep(country, text);
    await copyAndPaste();
    await expect.poll(() => phoneField().value).toBe(text);

    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText(EXTENSION_MESSAGE)).toBeVisible();
    expect(phoneField().getAttribute('aria-invalid')).toBe('true');
    expect(sendPhoneCode).not.toHaveBeenCalled();
    expect(onCodeSent).not.toHaveBeenCalled();
  });

  it.each([
    ['ext. 12', 'ext. 12'],
    ['x12', 'x12'],
    [';ext=12', ';ext=12'],
  ])('says the extension message for %s typed after a number, not "too long"', async (_label, suffix) => {
    const { sendPhoneCode } = await renderStep('US');
    await userEvent.type(page.getByRole('textbox', { name: 'Phone number' }), `6502530000${suffix}`);
    expect(phoneField().value).toBe(`(650) 253-0000${suffix}`);

    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText(EXTENSION_MESSAGE)).toBeVisible();
    expect(sendPhoneCode).not.toHaveBeenCalled();
  });

  it('formats again and sends once the extension is deleted', async () => {
    const { sendPhoneCode, onCodeSent } = await renderStep('DE');
    await userEvent.type(page.getByRole('textbox', { name: 'Phone number' }), '030 123456 ext. 7');
    // The formatter drops a space typed after the digits; everything from the first letter on stays.
    expect(phoneField().value).toBe('030 123456ext. 7');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText(EXTENSION_MESSAGE)).toBeVisible();

    await userEvent.keyboard('{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}');
    await expect.poll(() => phoneField().value).toBe('030 123456');
    await expect.element(page.getByText(EXTENSION_MESSAGE)).not.toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => onCodeSent.mock.calls.length).toBe(1);
    expect(sendPhoneCode.mock.calls[0]?.[0]).toMatchObject({ phoneNumber: '+4930123456' });
  });

  it('keeps the extension as typed when another country is chosen', async () => {
    const { sendPhoneCode } = await renderStep('DE', '+49 30 123456 x89');
    await copyAndPaste();
    await page.getByRole('combobox', { name: 'Country' }).selectOptions('AT');
    await expect.poll(() => phoneField().value).toBe('+49 30 123456 x89');
    phoneField().focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText(EXTENSION_MESSAGE)).toBeVisible();
    expect(sendPhoneCode).not.toHaveBeenCalled();
  });
});
