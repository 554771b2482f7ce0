import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleApi, launchChromium, startConsole } from './console-harness';

/**
 * Swap on verify, end to end: "Reset and continue" removes nothing, so cancelling the change before
 * the new number's code verifies leaves the account's phone as it was (docs/rest-api.md, DESIGN.md).
 * Requires the wizard's swap-on-verify behaviour (it sends `replacesCurrent: true` instead of
 * calling DELETE /phone first).
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

describe('the example console in Chromium: a cancelled change', () => {
  it('leaves the old number in place when the change is cancelled after the new number got its code', async () => {
    const api = consoleApi(console_.url);
    await api.stepUp();
    await api.addPhone('+14155550123');

    await page.goto(console_.url);
    // Within the step-up window the wizard may skip the gate; otherwise pass it.
    const gate = page.getByRole('textbox', { name: 'Email verification code' });
    const section = page.getByRole('heading', { name: 'Two-factor authentication (2FA)' });
    await Promise.race([gate.waitFor(), section.waitFor()]);
    if (await gate.isVisible()) {
      await page.getByText('We emailed a code to j•••@example.com').first().waitFor();
      await gate.fill(await api.latest('email'));
      await page.getByRole('button', { name: 'Verify' }).click();
      await section.waitFor();
    }
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

    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'No changes made' }).waitFor();
    expect(await api.status()).toEqual({ phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: false });

    // And the settings page shows it again.
    await page.getByRole('button', { name: 'Back to settings' }).click();
    await Promise.race([gate.waitFor(), section.waitFor()]);
    if (await gate.isVisible()) {
      await page.getByText('We emailed a code to j•••@example.com').first().waitFor();
      await gate.fill(await api.latest('email'));
      await page.getByRole('button', { name: 'Verify' }).click();
    }
    await page.getByText('+1 ••• ••• 0123').waitFor();
  });
});
