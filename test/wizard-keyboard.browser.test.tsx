import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { TwoFactorPhoneWizard, createMockAdapter } from '../src';
import { shiftTab, tab } from './browser-helpers';

/**
 * The whole flow in real Chromium by keyboard alone: Tab, Shift+Tab, Enter, Space and typing go
 * through the browser's own input pipeline (CDP), so tab order, implicit form submission and
 * focus movement are the browser's, not a simulation's. Nothing is clicked.
 */

const CODE = '135790';
const RECOVERY_CODE = 'ABCD-EFGH-JKMN-PQRS';

function wizardRoot(): HTMLElement {
  const root = document.querySelector<HTMLElement>('.tfa-wizard');
  if (!root) throw new Error('The wizard is not rendered');
  return root;
}

/** Waits for the wizard to show `step`, then checks where focus landed. */
async function expectStepFocus(step: string, expected: () => HTMLElement | null, description: string): Promise<void> {
  await expect.poll(() => wizardRoot().dataset.state, { timeout: 3000 }).toBe(step);
  await expect
    .poll(() => {
      const active = document.activeElement;
      return active !== null && active !== document.body && active === expected();
    }, { timeout: 3000, message: `focus on ${description} after entering ${step}` })
    .toBe(true);
  expect(document.activeElement).not.toBe(document.body);
  expect(wizardRoot().contains(document.activeElement)).toBe(true);
}

function stepHeading(name: string): HTMLElement | null {
  const heading = wizardRoot().querySelector<HTMLElement>('[data-tfa-step-heading]');
  if (!heading || heading.textContent !== name) return null;
  // Reachable from script only: focusable without joining the tab order.
  return heading.getAttribute('tabindex') === '-1' ? heading : null;
}

describe('TwoFactorPhoneWizard by keyboard alone (Chromium)', () => {
  it('walks gate → section → reset → phone → code → recovery → Finish with focus on each new step', async () => {
    const adapter = createMockAdapter({ code: CODE, recoveryCode: RECOVERY_CODE });
    const onComplete = vi.fn();

    // Focus must never fall back to <body>, not even for one frame between two steps: a screen
    // reader would announce the whole document. Sampled every frame for the entire walk.
    const bodyFocusFrames: string[] = [];
    let sampling = true;
    const sample = () => {
      if (!sampling) return;
      if (document.activeElement === document.body || document.activeElement === null) {
        bodyFocusFrames.push(document.querySelector<HTMLElement>('.tfa-wizard')?.dataset.state ?? 'unmounted');
      }
      requestAnimationFrame(sample);
    };

    await render(
      <main>
        <h1>Account settings</h1>
        <button type="button">Back to profile</button>
        <TwoFactorPhoneWizard adapter={adapter} defaultCountry="US" onComplete={onComplete} />
      </main>,
    );
    // The host page owns initial focus: it sits on the host's own control before the wizard.
    page.getByRole('button', { name: 'Back to profile' }).element().focus();
    requestAnimationFrame(sample);
    await expect.element(page.getByText('We emailed a code to j•••@example.com', { exact: true }).first()).toBeVisible();

    // 1. Email-code gate: Tab reaches the code field first (the heading is not a tab stop).
    await tab();
    const emailCode = page.getByRole('textbox', { name: 'Email verification code' });
    await expect.element(emailCode).toHaveFocus();
    await userEvent.keyboard(CODE);
    await expect.element(emailCode).toHaveValue(CODE);
    await userEvent.keyboard('{Enter}');

    // 2. The section: focus moves to its heading, and stays there once the status has loaded.
    await expectStepFocus('section', () => stepHeading('Two-factor authentication (2FA)'), 'the section heading');
    await expect.element(page.getByText('+1 ••• ••• 0123')).toBeVisible();
    expect(document.activeElement).toBe(stepHeading('Two-factor authentication (2FA)'));
    await tab();
    await expect.element(page.getByRole('button', { name: 'Edit' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    // One button flips between Edit and Done, so focus stays on it.
    await expect.element(page.getByRole('button', { name: 'Done' })).toHaveFocus();
    await tab();
    await expect.element(page.getByRole('button', { name: 'Reset' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    // 3. The confirmation: focus inside the dialog on Cancel (alert dialog pattern).
    await expect.poll(() => wizardRoot().dataset.state).toBe('reset-confirm');
    const dialog = page.getByRole('alertdialog', { name: 'Reset your 2FA phone number?' });
    await expect.element(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await shiftTab();
    const acknowledge = dialog.getByRole('checkbox', { name: 'I understand my current number will no longer receive codes' });
    await expect.element(acknowledge).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect.element(acknowledge).toBeChecked();
    await tab();
    await tab();
    await expect.element(dialog.getByRole('button', { name: 'Reset and continue' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    // 4. Phone entry: focus on its heading; Tab goes to the country select, then the number.
    await expectStepFocus('phone-entry', () => stepHeading('Add a phone number'), 'the phone entry heading');
    expect(adapter.getState().phoneNumber).toBeNull();
    await tab();
    const country = page.getByRole('combobox', { name: 'Country' });
    await expect.element(country).toHaveFocus();
    await expect.element(country).toHaveValue('US');
    await tab();
    const phone = page.getByRole('textbox', { name: 'Phone number' });
    await expect.element(phone).toHaveFocus();
    await userEvent.keyboard('6502530000');
    await expect.element(phone).toHaveValue('(650) 253-0000');
    // Enter in the field submits the form with its default action, "Send code via SMS".
    await userEvent.keyboard('{Enter}');

    // 5. Code verification: focus on its heading; the code field is the next tab stop.
    await expectStepFocus('code-verification', () => stepHeading('Enter the code'), 'the code step heading');
    expect(adapter.messages.at(-1)).toMatchObject({ kind: 'sms', to: '+16502530000' });
    await tab();
    const phoneCode = page.getByRole('textbox', { name: 'Verification code' });
    await expect.element(phoneCode).toHaveFocus();
    await userEvent.keyboard(CODE);
    await userEvent.keyboard('{Enter}');

    // 6. Recovery code: focus on its heading; Finish waits for the acknowledgement.
    await expectStepFocus('recovery-code', () => stepHeading('Save your recovery code'), 'the recovery heading');
    await expect.element(page.getByText('ABCD', { exact: true })).toBeVisible();
    await tab();
    await expect.element(page.getByRole('button', { name: 'Copy' })).toHaveFocus();
    await tab();
    await expect.element(page.getByRole('button', { name: 'Download .txt' })).toHaveFocus();
    await tab();
    await expect.element(page.getByRole('button', { name: 'Print' })).toHaveFocus();
    await tab();
    const saved = page.getByRole('checkbox', { name: 'I have saved my recovery code' });
    await expect.element(saved).toHaveFocus();
    await tab();
    const finish = page.getByRole('button', { name: 'Finish' });
    await expect.element(finish).toHaveFocus();
    // Not yet acknowledged: Enter on Finish does nothing (aria-disabled, still focusable).
    await userEvent.keyboard('{Enter}');
    expect(onComplete).not.toHaveBeenCalled();
    await shiftTab();
    await expect.element(saved).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect.element(saved).toBeChecked();
    await tab();
    await expect.element(finish).toHaveFocus();
    await userEvent.keyboard(' ');

    // 7. Done: control goes back to the host, focus on the closing heading.
    await expectStepFocus('done', () => stepHeading('Two-factor authentication is set up'), 'the done heading');
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith();
    expect(adapter.getState().phoneNumber).toBe('+16502530000');

    sampling = false;
    expect(bodyFocusFrames, 'frames where focus sat on <body>, by step').toEqual([]);
  });
});
