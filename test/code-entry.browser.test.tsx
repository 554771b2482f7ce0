import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { CodeVerificationStep, EmailCodeGate, createMockAdapter } from '../src';
import type { TwoFactorAdapter } from '../src';

/**
 * Entering a code with a real keyboard and a real clipboard in Chromium: a submit with too few
 * digits says so on the field (and uses no attempt), and on the phone code step any edit that
 * leaves a new complete code verifies it — a code pasted over a rejected one, or one digit typed
 * over — while the email gate still waits for Verify.
 */

const CODE = '123456';
const NUMBER = '+16502530000';
const INCOMPLETE = 'Enter all 6 digits of the code.';

/** A host "message" holding the text to copy, as an email or SMS shows it. */
function Message({ text }: { text: string }) {
  return (
    <label>
      Message
      <textarea readOnly defaultValue={text} />
    </label>
  );
}

/** Selects the whole message and copies it with the keyboard shortcut. */
async function copyMessage(): Promise<void> {
  const message = page.getByRole('textbox', { name: 'Message' }).element() as HTMLTextAreaElement;
  message.focus();
  message.select();
  await userEvent.copy();
}

/** Focuses the field, selects everything in it with Ctrl+A and pastes over it with Ctrl+V. */
async function pasteOverAll(field: HTMLInputElement): Promise<void> {
  field.focus();
  await userEvent.keyboard('{Control>}a{/Control}');
  expect([field.selectionStart, field.selectionEnd]).toEqual([0, field.value.length]);
  await userEvent.paste();
}

/** A mock backend that emails CODE, recording the email codes it is asked to verify. */
function emailBackend(): { adapter: TwoFactorAdapter; verified: string[] } {
  const mock = createMockAdapter({ code: CODE });
  const verified: string[] = [];
  const adapter: TwoFactorAdapter = {
    ...mock,
    verifyEmailCode: (request) => {
      verified.push(request.code);
      return mock.verifyEmailCode(request);
    },
  };
  return { adapter, verified };
}

/** A mock backend that already sent CODE to NUMBER, recording the codes it is asked to verify. */
async function phoneBackend(): Promise<{ adapter: TwoFactorAdapter; verified: string[] }> {
  // No phone yet: the step alone verifies a first phone (`replacesCurrent: false`).
  const mock = createMockAdapter({ emailVerified: true, phoneNumber: null, code: CODE, recoveryCode: 'ABCD-EFGH-JKMN-PQRS' });
  await mock.sendPhoneCode({ phoneNumber: NUMBER, channel: 'sms', signal: new AbortController().signal });
  const verified: string[] = [];
  const adapter: TwoFactorAdapter = {
    ...mock,
    verifyPhoneCode: (request) => {
      verified.push(request.code);
      return mock.verifyPhoneCode(request);
    },
  };
  return { adapter, verified };
}

describe('entering a code (Chromium keyboard and clipboard)', () => {
  it('the email gate says a short code is incomplete, on Enter and on Verify, and costs no attempt', async () => {
    const { adapter, verified } = emailBackend();
    const screen = await render(
      <EmailCodeGate adapter={adapter}>
        <p>Protected settings</p>
      </EmailCodeGate>,
    );
    await expect.element(page.getByText('We emailed a code to j•••@example.com').first()).toBeVisible();
    const field = page.getByRole('textbox', { name: 'Email verification code' });
    const input = field.element() as HTMLInputElement;
    const gate = screen.container.querySelector('.tfa-email-gate');
    const alert = page.getByRole('alert');

    // Enter on the empty field.
    await userEvent.click(field);
    await userEvent.keyboard('{Enter}');
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    await expect.element(field).toHaveAccessibleDescription(/Enter all 6 digits of the code\./);
    await expect.element(page.getByText(INCOMPLETE, { exact: true }).first()).toBeVisible();
    await expect.element(alert).toHaveTextContent(INCOMPLETE);
    expect(gate).toHaveAttribute('data-invalid', 'true');
    expect(document.activeElement).toBe(input);

    // Typing clears it.
    await userEvent.keyboard('123');
    await expect.element(field).not.toHaveAttribute('aria-invalid');
    expect(gate).not.toHaveAttribute('data-invalid');
    expect(screen.container.querySelector('.tfa-field-error')).toBeNull();

    // A click on Verify with three digits: the same message, and focus back in the field to type.
    await userEvent.click(page.getByRole('button', { name: 'Verify' }));
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    expect(document.activeElement).toBe(input);
    expect(verified).toEqual([]);

    // The missing digits typed straight away verify; no attempt was spent on the short code.
    await userEvent.keyboard('456{Enter}');
    await expect.element(page.getByText('Protected settings')).toBeVisible();
    expect(verified).toEqual([CODE]);
  });

  it('the email gate does not verify by itself when a code is pasted over another', async () => {
    const { adapter, verified } = emailBackend();
    await render(
      <div>
        <Message text="123 456" />
        <EmailCodeGate adapter={adapter}>
          <p>Protected settings</p>
        </EmailCodeGate>
      </div>,
    );
    await expect.element(page.getByText('We emailed a code to j•••@example.com').first()).toBeVisible();
    const field = page.getByRole('textbox', { name: 'Email verification code' });
    await userEvent.fill(field, '111111');
    await copyMessage();
    await pasteOverAll(field.element() as HTMLInputElement);
    await expect.element(field).toHaveValue(CODE);
    // Give a stray auto-submit every chance to show up.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(verified).toEqual([]);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText('Protected settings')).toBeVisible();
    expect(verified).toEqual([CODE]);
  });

  it('the phone code step verifies a new code pasted over a rejected one (select all, paste)', async () => {
    const { adapter, verified } = await phoneBackend();
    const recovered: string[] = [];
    await render(
      <div>
        <Message text="123 456" />
        <CodeVerificationStep
          adapter={adapter}
          phoneNumber={NUMBER}
          onVerified={({ recoveryCode }) => recovered.push(recoveryCode)}
        />
      </div>,
    );
    const field = page.getByRole('textbox', { name: 'Verification code' });
    await userEvent.click(field);
    await userEvent.keyboard('999999');
    await expect.element(page.getByText('That code is not correct. Check it and try again.').first()).toBeVisible();
    expect(verified).toEqual(['999999']);

    await copyMessage();
    await pasteOverAll(field.element() as HTMLInputElement);
    await expect.element(field).toHaveValue(CODE);
    await expect.poll(() => verified).toEqual(['999999', CODE]);
    await expect.poll(() => recovered).toEqual(['ABCD-EFGH-JKMN-PQRS']);
  });

  it('the phone code step verifies a rejected code once one digit is typed over', async () => {
    const { adapter, verified } = await phoneBackend();
    const recovered: string[] = [];
    await render(
      <CodeVerificationStep
        adapter={adapter}
        phoneNumber={NUMBER}
        onVerified={({ recoveryCode }) => recovered.push(recoveryCode)}
      />,
    );
    const field = page.getByRole('textbox', { name: 'Verification code' });
    await userEvent.click(field);
    await userEvent.keyboard('123450');
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    expect(verified).toEqual(['123450']);

    // A full field takes no more digits; the last one is selected and typed over.
    await userEvent.keyboard('{End}{Shift>}{ArrowLeft}{/Shift}6');
    await expect.element(field).toHaveValue(CODE);
    await expect.poll(() => verified).toEqual(['123450', CODE]);
    await expect.poll(() => recovered).toEqual(['ABCD-EFGH-JKMN-PQRS']);
  });

  it('the phone code step says a short code is incomplete on Enter, without a call', async () => {
    const { adapter, verified } = await phoneBackend();
    await render(<CodeVerificationStep adapter={adapter} phoneNumber={NUMBER} />);
    const field = page.getByRole('textbox', { name: 'Verification code' });
    await userEvent.click(field);
    await userEvent.keyboard('1234{Enter}');
    await expect.element(field).toHaveAttribute('aria-invalid', 'true');
    await expect.element(page.getByRole('alert')).toHaveTextContent(INCOMPLETE);
    expect(document.activeElement).toBe(field.element());
    expect(verified).toEqual([]);
  });
});
