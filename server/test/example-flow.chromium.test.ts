import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleApi, launchChromium, startConsole } from './console-harness';

/**
 * The whole flow in Chromium through the example console: TwoFactorPhoneWizard with
 * createFetchAdapter against the reference server (fake provider, PGlite). Codes are read from the
 * console's dev inbox, as a developer trying the demo would.
 */
let console_: Awaited<ReturnType<typeof startConsole>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  console_ = await startConsole();
  browser = await launchChromium();
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await browser?.close();
  await console_?.close();
});

/** The newest code the page's dev inbox shows for `channel` (and `to`, when given). */
async function inboxCode(channel: 'email' | 'sms' | 'call', to?: string): Promise<string> {
  const item = page.locator(`li[data-channel="${channel}"]`, to ? { hasText: to } : {}).first();
  await item.waitFor();
  return (await item.getByTestId(`inbox-code-${channel}`).textContent()) ?? '';
}

/** Passes the gate with the `nth` email the inbox shows (the page's inbox polls, so wait for it). */
async function passEmailGate(nth: number): Promise<void> {
  await page.getByText('We emailed a code to j•••@example.com').first().waitFor();
  await expect.poll(() => page.getByTestId('inbox-code-email').count(), { timeout: 10_000 }).toBe(nth);
  await page.getByRole('textbox', { name: 'Email verification code' }).fill(await inboxCode('email'));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: 'Two-factor authentication (2FA)' }).waitFor();
}

describe('the example console in Chromium (createFetchAdapter → reference server)', () => {
  it('adds a first phone: wrong code, resend, a call, then the right code and the recovery code', async () => {
    const api = consoleApi(console_.url);
    await page.goto(console_.url);
    await passEmailGate(1);
    await page.getByText('No phone number receives your sign-in codes yet.').waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('button', { name: '+ Add phone based verification' }).click();

    await page.getByRole('textbox', { name: 'Phone number' }).fill('4155550123');
    await page.getByRole('button', { name: 'Send code via SMS' }).click();
    await page.getByRole('heading', { name: 'Enter the code' }).waitFor();
    const smsCode = await inboxCode('sms');

    // A wrong code: the server counts it and the UI says how many are left; the typed code stays.
    const codeField = page.getByRole('textbox', { name: 'Verification code' });
    const wrong = smsCode === '000000' ? '111111' : '000000';
    // A complete code submits itself.
    await codeField.fill(wrong);
    await page.locator('.tfa-field-error').getByText('That code is not correct. Check it and try again.').waitFor();
    await page.locator('.tfa-hint', { hasText: '4 attempts remaining.' }).waitFor();
    expect(await codeField.inputValue()).toBe(wrong);

    // Resend once the (shortened) cooldown is over: a second SMS reaches the inbox.
    const resend = page.getByRole('button', { name: 'Resend code' });
    await expect
      .poll(async () => (await resend.isEnabled()) && (await resend.getAttribute('aria-disabled')) !== 'true', { timeout: 5000 })
      .toBe(true);
    await resend.click();
    await page.locator('.tfa-delivery-status', { hasText: 'We sent you a new code.' }).waitFor();
    await expect.poll(async () => (await api.inbox()).filter((m) => m.channel === 'sms').length).toBe(2);

    // A call instead: the voice code is the one that counts now.
    await page.getByRole('button', { name: 'Receive a call' }).click();
    await expect.poll(async () => (await api.inbox()).filter((m) => m.channel === 'call').length).toBe(1);
    await codeField.fill(await inboxCode('call'));

    await page.getByRole('heading', { name: 'Save your recovery code' }).waitFor();
    await page.getByRole('checkbox', { name: 'I have saved my recovery code' }).check();
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('heading', { name: 'Two-factor settings saved' }).waitFor();
    expect(await api.status()).toEqual({ phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: false });
  });

  it('changes the number: Reset, a new number, its code; the server then holds only the new one', async () => {
    const api = consoleApi(console_.url);
    await page.getByRole('button', { name: 'Back to settings' }).click();
    // Within the step-up window the wizard may skip the gate; otherwise pass it again.
    const gate = page.getByRole('textbox', { name: 'Email verification code' });
    const section = page.getByRole('heading', { name: 'Two-factor authentication (2FA)' });
    await Promise.race([gate.waitFor(), section.waitFor()]);
    if (await gate.isVisible()) await passEmailGate(2);
    await page.getByText('+1 ••• ••• 0123').waitFor();

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Reset' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Reset your 2FA phone number?' });
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Reset and continue' }).click();
    // Nothing is removed yet: the add-phone step, then the number.
    await page.getByRole('button', { name: '+ Add phone based verification' }).click();
    await page.getByRole('textbox', { name: 'Phone number' }).fill('4155550199');
    await page.getByRole('button', { name: 'Send code via SMS' }).click();
    await page.getByRole('heading', { name: 'Enter the code' }).waitFor();
    await expect.poll(async () => (await api.inbox()).find((m) => m.channel === 'sms')?.to).toBe('+14155550199');
    await page.getByRole('textbox', { name: 'Verification code' }).fill(await inboxCode('sms', '+14155550199'));
    await page.getByRole('heading', { name: 'Save your recovery code' }).waitFor();
    await page.getByRole('checkbox', { name: 'I have saved my recovery code' }).check();
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('heading', { name: 'Two-factor settings saved' }).waitFor();
    expect(await api.status()).toEqual({ phone: { maskedNumber: '+1 ••• ••• 0199' }, canDisable: false });
  });
});
