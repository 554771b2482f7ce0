import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { TwoFactorPhoneWizard } from '../src';
import type { TwoFactorAdapter } from '../src';

/** Steps shared by the real-Chromium tests: real key presses and the open modal. */

export const tab = () => userEvent.keyboard('{Tab}');
export const shiftTab = () => userEvent.keyboard('{Shift>}{Tab}{/Shift}');

/** The open alert dialog (the reset or the disable confirmation); throws when none is open. */
export function dialogElement(): HTMLElement {
  const dialog = document.querySelector<HTMLElement>('[role="alertdialog"]');
  if (!dialog) throw new Error('No alert dialog is open');
  return dialog;
}

/** Hidden from assistive technology (aria-hidden) or from interaction (inert), itself or above. */
export function isHiddenBehindModal(element: Element): boolean {
  return element.closest('[aria-hidden="true"], [inert]') !== null;
}

/**
 * Renders the wizard between two host controls (so a test can tell the page behind a modal from
 * the modal), passes the email gate with `code` and enters the 2FA section's edit mode.
 */
export async function renderWizardInEditMode(adapter: TwoFactorAdapter, code: string): Promise<void> {
  await render(
    <div>
      <a href="#profile">Host link before</a>
      <TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} />
      <button type="button">Host button after</button>
    </div>,
  );
  await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), code);
  await userEvent.keyboard('{Enter}');
  await userEvent.click(page.getByRole('button', { name: 'Edit' }));
}
