import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { TwoFactorError, TwoFactorPhoneWizard, createMockAdapter } from '../src';
import type { ResetTiming } from '../src';
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

/** Records every animation frame in which focus sits on <body> (or nowhere), by wizard step. */
function watchBodyFocus(): { stop: () => string[] } {
  const frames: string[] = [];
  let sampling = true;
  const sample = () => {
    if (!sampling) return;
    if (document.activeElement === document.body || document.activeElement === null) {
      frames.push(document.querySelector<HTMLElement>('.tfa-wizard')?.dataset.state ?? 'unmounted');
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  return {
    stop: () => {
      sampling = false;
      return frames;
    },
  };
}

/** A `beforeunload` as the browser sends it on leaving: prevented means the browser asks first. */
function leavingIsQuestioned(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

const ACKNOWLEDGE: Record<ResetTiming, string> = {
  'on-verify': 'I understand my current number will stop receiving codes once the new one is verified',
  immediate: 'I understand my current number will no longer receive codes',
};

describe('TwoFactorPhoneWizard by keyboard alone (Chromium)', () => {
  it.each(['on-verify', 'immediate'] as const)(
    'walks gate → section → reset → add phone → phone → code → recovery → Finish with focus on each new step (resetTiming=%s)',
    async (resetTiming) => {
      const adapter = createMockAdapter({ code: CODE, recoveryCode: RECOVERY_CODE });
      const onComplete = vi.fn();

      await render(
        <main>
          <h1>Account settings</h1>
          <button type="button">Back to profile</button>
          <TwoFactorPhoneWizard adapter={adapter} defaultCountry="US" onComplete={onComplete} resetTiming={resetTiming} />
        </main>,
      );
      // The host page owns initial focus: it sits on the host's own control before the wizard.
      page.getByRole('button', { name: 'Back to profile' }).element().focus();
      // Focus must never fall back to <body>, not even for one frame between two steps: a screen
      // reader would announce the whole document. Sampled every frame for the entire walk.
      const watcher = watchBodyFocus();
      await expect.element(page.getByText('We emailed a code to j•••@example.com', { exact: true }).first()).toBeVisible();
      // The first check (is the step-up still fresh?) left focus where the page put it.
      await expect.element(page.getByRole('button', { name: 'Back to profile' })).toHaveFocus();

      // 1. Email-code gate: Tab reaches the code field first (the heading is not a tab stop).
      await tab();
      const emailCode = page.getByRole('textbox', { name: 'Email verification code' });
      await expect.element(emailCode).toHaveFocus();
      await userEvent.keyboard(CODE);
      await expect.element(emailCode).toHaveValue(CODE);
      await userEvent.keyboard('{Enter}');

      // 2. The section: focus moves to its heading, and stays there once the status has loaded.
      await expectStepFocus('two-factor-section', () => stepHeading('Two-factor authentication (2FA)'), 'the section heading');
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
      await expect.poll(() => wizardRoot().dataset.state).toBe('reset-phone');
      const dialog = page.getByRole('alertdialog', { name: 'Reset your 2FA phone number?' });
      await expect.element(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();
      await shiftTab();
      const acknowledge = dialog.getByRole('checkbox', { name: ACKNOWLEDGE[resetTiming] });
      await expect.element(acknowledge).toHaveFocus();
      await userEvent.keyboard(' ');
      await expect.element(acknowledge).toBeChecked();
      await tab();
      await tab();
      await expect.element(dialog.getByRole('button', { name: 'Reset and continue' })).toHaveFocus();
      await userEvent.keyboard('{Enter}');

      // 4. "+ Add phone based verification": focus on its heading, the button is the next tab stop.
      await expectStepFocus('add-phone', () => stepHeading('Add your new phone number'), 'the add-phone heading');
      if (resetTiming === 'on-verify') {
        // Nothing removed: the current number keeps working, and leaving is harmless.
        expect(adapter.getState().phoneNumber).toBe('+14155550123');
        expect(adapter.calls).not.toContain('resetPhone');
        expect(leavingIsQuestioned()).toBe(false);
      } else {
        expect(adapter.getState().phoneNumber).toBeNull();
        expect(leavingIsQuestioned()).toBe(true);
      }
      await tab();
      await expect.element(page.getByRole('button', { name: '+ Add phone based verification' })).toHaveFocus();
      await userEvent.keyboard('{Enter}');

      // 5. Phone entry: focus on its heading; Tab goes to the country select, then the number.
      await expectStepFocus('phone-entry', () => stepHeading('Add a phone number'), 'the phone entry heading');
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

      // 6. Code verification: focus on its heading; the code field is the next tab stop.
      await expectStepFocus('code-verification', () => stepHeading('Enter the code'), 'the code step heading');
      expect(adapter.messages.at(-1)).toMatchObject({ kind: 'sms', to: '+16502530000' });
      expect(adapter.getState().phoneNumber).toBe(resetTiming === 'on-verify' ? '+14155550123' : null);
      await tab();
      const phoneCode = page.getByRole('textbox', { name: 'Verification code' });
      await expect.element(phoneCode).toHaveFocus();
      await userEvent.keyboard(CODE);
      await userEvent.keyboard('{Enter}');

      // 7. Recovery code: focus on its heading; Finish waits for the acknowledgement.
      await expectStepFocus('recovery-code', () => stepHeading('Save your recovery code'), 'the recovery heading');
      // Swapped in one step when the code verified.
      expect(adapter.getState().phoneNumber).toBe('+16502530000');
      await expect.element(page.getByText('ABCD-', { exact: true })).toBeVisible();
      expect(document.querySelector('[data-tfa-recovery-code]')?.textContent).toBe(RECOVERY_CODE);
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

      // 8. Done, not a dead end: the section shows the new number as updated, focus on its heading.
      await expectStepFocus('done', () => stepHeading('Two-factor authentication (2FA)'), 'the updated section heading');
      await expect.element(page.getByText('Your 2FA phone number was updated.')).toBeVisible();
      await expect.element(page.getByText('+1 ••• ••• 0000')).toBeVisible();
      expect(onComplete).toHaveBeenCalledTimes(1);
      expect(onComplete).toHaveBeenCalledWith({ maskedNumber: '+1 ••• ••• 0000' });
      await expect.poll(() => adapter.calls.includes('acknowledgeRecoveryCode')).toBe(true);
      expect(leavingIsQuestioned()).toBe(false);

      expect(watcher.stop(), 'frames where focus sat on <body>, by step').toEqual([]);
    },
  );

  it('with resetTiming="immediate", asks before Cancel leaves the account without a phone', async () => {
    const adapter = createMockAdapter({ code: CODE, emailVerified: true });
    const onCancel = vi.fn();
    await render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} onCancel={onCancel} resetTiming="immediate" />);
    await userEvent.click(page.getByRole('button', { name: 'Edit' }));
    await userEvent.click(page.getByRole('button', { name: 'Reset' }));
    const reset = page.getByRole('alertdialog', { name: 'Reset your 2FA phone number?' });
    await userEvent.click(reset.getByRole('checkbox'));
    await userEvent.click(reset.getByRole('button', { name: 'Reset and continue' }));
    await expect.element(page.getByRole('heading', { name: 'Add your new phone number' })).toHaveFocus();
    expect(adapter.getState().phoneNumber).toBeNull();

    const watcher = watchBodyFocus();
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await userEvent.click(cancel);
    const leave = page.getByRole('alertdialog', { name: 'Leave without a 2FA phone?' });
    await expect.element(leave).toHaveAccessibleDescription(/previous number was removed/);
    await expect.element(leave.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    await expect.element(cancel).toHaveFocus();
    expect(onCancel).not.toHaveBeenCalled();

    await userEvent.keyboard('{Enter}');
    await userEvent.click(page.getByRole('alertdialog').getByRole('button', { name: 'Leave anyway' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(watcher.stop()).toEqual([]);
  });

  it('leaves at once on Cancel with resetTiming="on-verify": nothing was removed', async () => {
    const adapter = createMockAdapter({ code: CODE, emailVerified: true });
    const onCancel = vi.fn();
    await render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} onCancel={onCancel} />);
    await userEvent.click(page.getByRole('button', { name: 'Edit' }));
    await userEvent.click(page.getByRole('button', { name: 'Reset' }));
    const reset = page.getByRole('alertdialog', { name: 'Reset your 2FA phone number?' });
    await userEvent.click(reset.getByRole('checkbox'));
    await userEvent.click(reset.getByRole('button', { name: 'Reset and continue' }));
    await expect.element(page.getByRole('heading', { name: 'Add your new phone number' })).toHaveFocus();
    await userEvent.click(page.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    // Abandoned after Reset: the account is exactly as it was.
    expect(adapter.getState().phoneNumber).toBe('+14155550123');
  });

  it('keeps focus off <body> when Try again reloads a failed status', async () => {
    const adapter = createMockAdapter({
      code: CODE,
      emailVerified: true,
      latencyMs: 50,
      // The first check fails for another reason: the gate takes over; after it the load fails once.
      failures: { getTwoFactorStatus: [new TwoFactorError('network'), new TwoFactorError('network')] },
    });
    await render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} />);
    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), CODE);
    await userEvent.keyboard('{Enter}');
    const retry = page.getByRole('button', { name: 'Try again' });
    await expect.element(retry).toBeVisible();
    retry.element().focus();
    const watcher = watchBodyFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText('+1 ••• ••• 0123')).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Two-factor authentication (2FA)' })).toHaveFocus();
    expect(watcher.stop()).toEqual([]);
  });

  it('resumes phone entry after a re-verification with the typed number kept and the field focused', async () => {
    const adapter = createMockAdapter({
      code: CODE,
      phoneNumber: null,
      resendAfterSeconds: 0,
      failures: { sendPhoneCode: [new TwoFactorError('reverification_required')] },
    });
    await render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} defaultCountry="US" />);
    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), CODE);
    await userEvent.keyboard('{Enter}');
    await userEvent.click(page.getByRole('button', { name: 'Edit' }));
    await userEvent.click(page.getByRole('button', { name: '+ Add phone based verification' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), '6502530000');
    const watcher = watchBodyFocus();
    await userEvent.keyboard('{Enter}');

    // Locked again: a new email code, then back where the user was.
    await expect.element(page.getByRole('heading', { name: 'Confirm it’s you' })).toHaveFocus();
    await expect.poll(() => adapter.messages.filter((message) => message.kind === 'email').length).toBe(2);
    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), CODE);
    await userEvent.keyboard('{Enter}');
    const phone = page.getByRole('textbox', { name: 'Phone number' });
    await expect.element(phone).toHaveFocus();
    await expect.poll(() => (phone.element() as HTMLInputElement).value).toMatch(/650\D*253\D*0000/);
    expect(watcher.stop()).toEqual([]);
  });
});
