import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { TwoFactorPhoneWizard, createMockAdapter } from '../src';
import type { TwoFactorAdapter } from '../src';

/**
 * A real paste, not a synthetic event: the text is selected in the host page, copied with
 * Ctrl+C and pasted with Ctrl+V, so Chromium fills the clipboard, fires a trusted `paste` event
 * with its own DataTransfer and applies its own `maxLength` handling, exactly as for a user
 * pasting a code from an email or SMS.
 */

const CODE = '123456';

/** What the user copies: the code as a message shows it. */
const CLIPBOARD_TEXTS = [
  { label: 'digits with a space', text: '123 456' },
  { label: 'fullwidth digits', text: '１２３４５６' },
];

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

/** The wizard below a host "message" holding the text to copy. */
async function renderWithMessage(adapter: TwoFactorAdapter, text: string): Promise<void> {
  pastes = [];
  document.addEventListener('paste', recordPaste, true);
  await render(
    <div>
      <label>
        Message
        <textarea readOnly defaultValue={text} />
      </label>
      <TwoFactorPhoneWizard adapter={adapter} defaultCountry="US" onComplete={() => {}} />
    </div>,
  );
}

/** Selects the whole message and copies it with the keyboard shortcut. */
async function copyMessage(): Promise<void> {
  const message = page.getByRole('textbox', { name: 'Message' }).element() as HTMLTextAreaElement;
  message.focus();
  message.select();
  await userEvent.copy();
}

async function pasteInto(field: HTMLInputElement): Promise<void> {
  field.focus();
  await userEvent.paste();
}

describe('pasting a code (Chromium clipboard)', () => {
  it.each(CLIPBOARD_TEXTS)('the email gate takes $label as 123456 and verifies', async ({ text }) => {
    const adapter = createMockAdapter({ code: CODE });
    await renderWithMessage(adapter, text);
    const field = page.getByRole('textbox', { name: 'Email verification code' });
    await expect.element(page.getByText('We emailed a code to j•••@example.com').first()).toBeVisible();

    await copyMessage();
    await pasteInto(field.element() as HTMLInputElement);

    expect(pastes).toEqual([{ trusted: true, text }]);
    await expect.element(field).toHaveValue(CODE);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('heading', { name: 'Two-factor authentication (2FA)' })).toBeVisible();
    expect(adapter.getState().emailVerified).toBe(true);
  });

  it.each(CLIPBOARD_TEXTS)('the phone code step takes $label as 123456 and verifies', async ({ text }) => {
    const mock = createMockAdapter({ code: CODE, phoneNumber: null, recoveryCode: 'ABCD-EFGH-JKMN-PQRS' });
    // The step verifies on its own once the code is complete; holding that call lets the test
    // read the field before the step moves on.
    const verifiedCodes: string[] = [];
    let releaseVerify: () => void = () => {};
    const verifyReleased = new Promise<void>((resolve) => {
      releaseVerify = resolve;
    });
    const adapter: TwoFactorAdapter = {
      ...mock,
      verifyPhoneCode: async (request) => {
        verifiedCodes.push(request.code);
        await verifyReleased;
        return mock.verifyPhoneCode(request);
      },
    };
    await renderWithMessage(adapter, text);
    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), CODE);
    await userEvent.keyboard('{Enter}');
    await userEvent.click(page.getByRole('button', { name: 'Edit' }));
    await userEvent.click(page.getByRole('button', { name: '+ Add phone based verification' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), '6502530000');
    await userEvent.click(page.getByRole('button', { name: 'Send code via SMS' }));
    const field = page.getByRole('textbox', { name: 'Verification code' });
    await expect.element(field).toBeVisible();

    await copyMessage();
    await pasteInto(field.element() as HTMLInputElement);

    expect(pastes).toEqual([{ trusted: true, text }]);
    await expect.element(field).toHaveValue(CODE);
    await expect.poll(() => verifiedCodes).toEqual([CODE]);
    releaseVerify();
    await expect.element(page.getByRole('heading', { name: 'Save your recovery code' })).toBeVisible();
    expect(mock.getState().phoneNumber).toBe('+16502530000');
  });
});
