import { userEvent } from 'vitest/browser';

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
