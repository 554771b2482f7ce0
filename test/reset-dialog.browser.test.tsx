import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { TwoFactorPhoneWizard, createMockAdapter } from '../src';
import type { MockAdapter, TwoFactorAdapter } from '../src';
import { dialogElement, isHiddenBehindModal, renderWizardInEditMode, shiftTab, tab } from './browser-helpers';

/**
 * The reset confirmation against the WAI-ARIA modal dialog pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/alertdialog/), in real Chromium with real keys.
 */

const CODE = '246801';
const TITLE = 'Reset your 2FA phone number?';

/** Renders the wizard between two host controls and opens the confirmation from Reset. */
async function openResetDialog(adapter: MockAdapter): Promise<void> {
  await renderWizardInEditMode(adapter, CODE);
  const reset = page.getByRole('button', { name: 'Reset' });
  await expect.element(reset).toBeVisible();
  reset.element().focus();
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('alertdialog', { name: TITLE })).toBeVisible();
}

describe('ResetPhoneDialog as a modal (Chromium)', () => {
  it('opens with focus on Cancel, named by its title and described by its explanation', async () => {
    await openResetDialog(createMockAdapter({ code: CODE }));
    const dialog = page.getByRole('alertdialog', { name: TITLE });
    // Swap on verify: the consequence is that the current number keeps working until the new one verifies.
    await expect.element(dialog).toHaveAccessibleDescription(/Your current number keeps receiving sign-in codes until you verify a new one/);
    await expect.element(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();
  });

  it('wraps Tab and Shift+Tab inside the dialog and never reaches the page behind', async () => {
    await openResetDialog(createMockAdapter({ code: CODE }));
    const dialog = page.getByRole('alertdialog', { name: TITLE });
    const acknowledge = dialog.getByRole('checkbox');
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    const confirm = dialog.getByRole('button', { name: 'Reset and continue' });
    await expect.element(cancel).toHaveFocus();

    // Forward past the last control wraps to the first…
    await tab();
    await expect.element(confirm).toHaveFocus();
    await tab();
    await expect.element(acknowledge).toHaveFocus();
    // …and backward past the first wraps to the last.
    await shiftTab();
    await expect.element(confirm).toHaveFocus();

    // However often the user tabs, focus stays inside.
    const outside: string[] = [];
    for (let press = 0; press < 8; press += 1) {
      await tab();
      if (!dialogElement().contains(document.activeElement)) outside.push(`Tab ${press}: ${document.activeElement?.outerHTML ?? 'null'}`);
    }
    for (let press = 0; press < 8; press += 1) {
      await shiftTab();
      if (!dialogElement().contains(document.activeElement)) outside.push(`Shift+Tab ${press}: ${document.activeElement?.outerHTML ?? 'null'}`);
    }
    expect(outside).toEqual([]);
  });

  it('hides the page behind from assistive technology while open, and restores it on close', async () => {
    await openResetDialog(createMockAdapter({ code: CODE }));
    const hostBefore = page.getByText('Host link before').element();
    const hostAfter = page.getByText('Host button after').element();
    const sectionHeading = document.querySelector('[data-tfa-step-heading]');
    const resetTrigger = document.querySelector('[data-tfa-reset-trigger]');
    if (!sectionHeading || !resetTrigger) throw new Error('The section is not rendered behind the dialog');

    expect(isHiddenBehindModal(hostBefore)).toBe(true);
    expect(isHiddenBehindModal(hostAfter)).toBe(true);
    expect(isHiddenBehindModal(sectionHeading)).toBe(true);
    expect(isHiddenBehindModal(resetTrigger)).toBe(true);
    expect(isHiddenBehindModal(dialogElement())).toBe(false);
    // Only the dialog remains in the accessibility tree's reach: the host controls are gone from it.
    await expect.element(page.getByRole('link', { name: 'Host link before' })).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Host button after' })).not.toBeInTheDocument();

    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    expect(isHiddenBehindModal(hostBefore)).toBe(false);
    expect(isHiddenBehindModal(hostAfter)).toBe(false);
    expect(isHiddenBehindModal(sectionHeading)).toBe(false);
  });

  it.each([
    { htmlOverflowY: '', page: 'a page that scrolls' },
    { htmlOverflowY: 'scroll', page: 'a page that always shows its scrollbar (html overflow-y: scroll)' },
  ])('keeps $page from scrolling behind it while open, and lets it scroll again on close', async ({ htmlOverflowY }) => {
    await renderWizardInEditMode(createMockAdapter({ code: CODE }), CODE);
    // A page that goes on below the wizard, as a settings page often does.
    const spacer = document.body.appendChild(document.createElement('div'));
    spacer.style.blockSize = '3000px';
    document.documentElement.style.overflowY = htmlOverflowY;
    try {
      const reset = page.getByRole('button', { name: 'Reset' });
      await expect.element(reset).toBeVisible();
      reset.element().focus();
      await userEvent.keyboard('{Enter}');
      const dialog = page.getByRole('alertdialog', { name: TITLE });
      await expect.element(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();
      const top = window.scrollY;

      // Page Down from inside the dialog would scroll the page if it could.
      await userEvent.keyboard('{PageDown}');
      await userEvent.keyboard('{PageDown}');
      expect(window.scrollY).toBe(top);

      await userEvent.keyboard('{Escape}');
      await expect.element(dialog).not.toBeInTheDocument();
      await expect.element(reset).toHaveFocus();
      await userEvent.keyboard('{PageDown}');
      await expect.poll(() => window.scrollY).toBeGreaterThan(top);
      // The page's own styles are back.
      expect(document.documentElement.style.overflowY).toBe(htmlOverflowY);
    } finally {
      document.documentElement.style.overflowY = '';
      spacer.remove();
      window.scrollTo(0, 0);
    }
  });

  it('leaves a page laid out at html, body { height: 100% } where it was scrolled to, while open and after', async () => {
    // Hiding the body's overflow as well as the root's would make the body a scroll container of
    // its own, one screen high: the page would jump to its top behind the backdrop.
    const before = document.body.insertBefore(document.createElement('div'), document.body.firstChild);
    before.style.blockSize = '1500px';
    const after = document.body.appendChild(document.createElement('div'));
    after.style.blockSize = '1500px';
    for (const element of [document.documentElement, document.body]) element.style.height = '100%';
    try {
      await renderWizardInEditMode(createMockAdapter({ code: CODE }), CODE);
      const reset = page.getByRole('button', { name: 'Reset' });
      await expect.element(reset).toBeVisible();
      reset.element().scrollIntoView({ block: 'center' });
      const top = window.scrollY;
      expect(top).toBeGreaterThan(1000);
      reset.element().focus();
      await userEvent.keyboard('{Enter}');
      const dialog = page.getByRole('alertdialog', { name: TITLE });
      await expect.element(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();
      expect(window.scrollY).toBe(top);
      expect(reset.element().getBoundingClientRect().top).toBeGreaterThan(0);

      await userEvent.keyboard('{Escape}');
      await expect.element(dialog).not.toBeInTheDocument();
      await expect.element(reset).toHaveFocus();
      expect(window.scrollY).toBe(top);
    } finally {
      for (const element of [document.documentElement, document.body]) element.style.height = '';
      before.remove();
      after.remove();
      window.scrollTo(0, 0);
    }
  });

  it('closes on Escape without resetting and returns focus to Reset', async () => {
    const adapter = createMockAdapter({ code: CODE });
    await openResetDialog(adapter);
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Reset' })).toHaveFocus();
    expect(document.activeElement).not.toBe(document.body);
    expect(adapter.calls).not.toContain('resetPhone');
    expect(adapter.getState().phoneNumber).toBe('+14155550123');
  });

  it('with resetTiming="immediate", ignores Escape while the reset is in flight, then moves on to the add-phone step', async () => {
    const mock = createMockAdapter({ code: CODE });
    // The mock's own latency would slow every step; here only the reset waits, and the test says
    // when it lands, so Escape is certain to arrive while it is pending.
    let releaseReset: () => void = () => {};
    const resetReleased = new Promise<void>((resolve) => {
      releaseReset = resolve;
    });
    const adapter: TwoFactorAdapter = {
      ...mock,
      resetPhone: async (request) => {
        await resetReleased;
        return mock.resetPhone!(request);
      },
    };
    await render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} resetTiming="immediate" />);
    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), CODE);
    await userEvent.keyboard('{Enter}');
    await userEvent.click(page.getByRole('button', { name: 'Edit' }));
    await userEvent.click(page.getByRole('button', { name: 'Reset' }));
    const dialog = page.getByRole('alertdialog', { name: TITLE });
    await userEvent.click(dialog.getByRole('checkbox'));
    await userEvent.click(dialog.getByRole('button', { name: 'Reset and continue' }));
    await expect.element(dialog).toHaveAttribute('data-pending', 'true');

    await userEvent.keyboard('{Escape}');
    await userEvent.keyboard('{Escape}');
    // Still open and still pending: closing now would hide whether the number was removed.
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog).toHaveAttribute('data-pending', 'true');
    await expect.element(dialog.getByRole('button', { name: 'Resetting…' })).toHaveAttribute('aria-disabled', 'true');
    expect(mock.getState().phoneNumber).toBe('+14155550123');

    releaseReset();
    await expect.element(page.getByRole('heading', { name: 'Add your new phone number' })).toHaveFocus();
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    expect(mock.getState().phoneNumber).toBeNull();
  });
});
