import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { TwoFactorSection, createMockAdapter } from '../src';
import type { MockAdapter, TwoFactorAdapter } from '../src';
import { dialogElement, isHiddenBehindModal, renderWizardInEditMode, shiftTab, tab } from './browser-helpers';

/**
 * The disable confirmation against the WAI-ARIA alert dialog pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/alertdialog/), in real Chromium with real keys, and
 * where focus goes when it closes: back to Disable, or to the section's heading once 2FA is off.
 */

const CODE = '246801';
const TITLE = 'Turn off two-factor authentication?';
const SECTION_HEADING = 'Two-factor authentication (2FA)';
const DISABLE = 'Disable two-factor authentication';

/**
 * Samples `document.activeElement` on every rendered frame until stopped, so a frame in which
 * focus sat on <body> (what a person, or a screen reader, could observe) is caught.
 */
function watchFocusOnBody(): { stop: () => string[] } {
  const seen: string[] = [];
  let running = true;
  const sample = () => {
    if (!running) return;
    if (document.activeElement === document.body || document.activeElement === null) {
      seen.push(`a frame with focus on <body>, dialog ${document.querySelector('[role="alertdialog"]') ? 'open' : 'closed'}`);
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  return {
    stop: () => {
      running = false;
      return seen;
    },
  };
}

let watcher: { stop: () => string[] } | null = null;
afterEach(() => {
  watcher?.stop();
  watcher = null;
});

/** A mock whose `disableTwoFactor` waits until the test releases it. */
function withHeldDisable(mock: MockAdapter): { adapter: TwoFactorAdapter; release: () => void } {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const adapter: TwoFactorAdapter = {
    ...mock,
    disableTwoFactor: async (request) => {
      await released;
      return mock.disableTwoFactor?.(request);
    },
  };
  return { adapter, release };
}

/** Renders the wizard between two host controls, passes the gate and enters edit mode. */
async function openEditMode(adapter: TwoFactorAdapter): Promise<void> {
  await renderWizardInEditMode(adapter, CODE);
  await expect.element(page.getByRole('button', { name: DISABLE })).toBeVisible();
}

/** Opens the confirmation from Disable by keyboard. */
async function openDisableDialog(): Promise<void> {
  page.getByRole('button', { name: DISABLE }).element().focus();
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('alertdialog', { name: TITLE })).toBeVisible();
}

describe('The disable confirmation as an alert dialog (Chromium)', () => {
  it('opens with focus on Cancel, named by its title and described by the consequence', async () => {
    const adapter = createMockAdapter({ code: CODE, canDisable: true });
    await openEditMode(adapter);
    await openDisableDialog();
    const dialog = page.getByRole('alertdialog', { name: TITLE });
    await expect.element(dialog).toHaveAccessibleDescription(/protected by your password alone/);
    await expect.element(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await expect.element(dialog.getByRole('button', { name: 'Turn off' })).toBeVisible();
    expect(dialogElement().getAttribute('aria-modal') ?? 'true').toBe('true');
    expect(adapter.calls).not.toContain('disableTwoFactor');
  });

  it('wraps Tab and Shift+Tab inside the dialog and hides the page behind while open', async () => {
    await openEditMode(createMockAdapter({ code: CODE, canDisable: true }));
    await openDisableDialog();
    const dialog = page.getByRole('alertdialog', { name: TITLE });
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    const confirm = dialog.getByRole('button', { name: 'Turn off' });
    await tab();
    await expect.element(confirm).toHaveFocus();
    await tab();
    await expect.element(cancel).toHaveFocus();
    await shiftTab();
    await expect.element(confirm).toHaveFocus();

    const outside: string[] = [];
    for (let press = 0; press < 6; press += 1) {
      await tab();
      if (!dialogElement().contains(document.activeElement)) outside.push(`Tab ${press}: ${document.activeElement?.outerHTML ?? 'null'}`);
      await shiftTab();
      if (!dialogElement().contains(document.activeElement)) outside.push(`Shift+Tab ${press}: ${document.activeElement?.outerHTML ?? 'null'}`);
    }
    expect(outside).toEqual([]);

    const hostBefore = page.getByText('Host link before').element();
    const heading = document.querySelector('[data-tfa-step-heading]');
    if (!heading) throw new Error('The section is not rendered behind the dialog');
    expect(isHiddenBehindModal(hostBefore)).toBe(true);
    expect(isHiddenBehindModal(heading)).toBe(true);
    expect(isHiddenBehindModal(dialogElement())).toBe(false);
    await expect.element(page.getByRole('link', { name: 'Host link before' })).not.toBeInTheDocument();
  });

  it('closes on Escape and on Cancel without disabling, and returns focus to Disable each time', async () => {
    const adapter = createMockAdapter({ code: CODE, canDisable: true });
    await openEditMode(adapter);
    watcher = watchFocusOnBody();

    await openDisableDialog();
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: DISABLE })).toHaveFocus();

    await openDisableDialog();
    await userEvent.click(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }));
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: DISABLE })).toHaveFocus();

    expect(watcher.stop()).toEqual([]);
    expect(adapter.calls).not.toContain('disableTwoFactor');
    expect(adapter.getState().twoFactorEnabled).toBe(true);
  });

  it('shows the pending state and ignores Escape while the disable is in flight, then focuses the section heading', async () => {
    const mock = createMockAdapter({ code: CODE, canDisable: true });
    const { adapter, release } = withHeldDisable(mock);
    await openEditMode(adapter);
    await openDisableDialog();
    watcher = watchFocusOnBody();
    const dialog = page.getByRole('alertdialog', { name: TITLE });
    await userEvent.click(dialog.getByRole('button', { name: 'Turn off' }));
    await expect.element(dialog).toHaveAttribute('data-pending', 'true');
    await expect.element(dialog.getByRole('button', { name: 'Turning off…' })).toHaveAttribute('aria-disabled', 'true');

    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).toBeVisible();
    expect(mock.getState().twoFactorEnabled).toBe(true);

    release();
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    await expect.element(page.getByRole('heading', { name: SECTION_HEADING })).toHaveFocus();
    await expect.element(page.getByText('No phone number receives your sign-in codes yet.')).toBeVisible();
    await expect.element(page.getByRole('heading', { name: SECTION_HEADING })).toHaveFocus();
    expect(watcher.stop()).toEqual([]);
    expect(mock.getState().twoFactorEnabled).toBe(false);
  });

  it('keeps the dialog open with the failure in it when the disable fails', async () => {
    const mock = createMockAdapter({ code: CODE, canDisable: true, failures: { disableTwoFactor: [new Error('upstream 500')] } });
    await openEditMode(mock);
    await openDisableDialog();
    const dialog = page.getByRole('alertdialog', { name: TITLE });
    await userEvent.click(dialog.getByRole('button', { name: 'Turn off' }));
    await expect.element(dialog.getByRole('alert')).toHaveTextContent(/Something went wrong/);
    await expect.element(dialog.getByRole('button', { name: 'Turn off' })).not.toHaveAttribute('aria-disabled');
    expect(dialogElement().contains(document.activeElement)).toBe(true);
  });

  it('standalone TwoFactorSection: focus goes to its heading once 2FA is off, never to <body>', async () => {
    const mock = createMockAdapter({ canDisable: true, emailVerified: true });
    const { adapter, release } = withHeldDisable(mock);
    await render(<TwoFactorSection adapter={adapter} />);
    await userEvent.click(page.getByRole('button', { name: 'Edit' }));
    await userEvent.click(page.getByRole('button', { name: DISABLE }));
    const dialog = page.getByRole('alertdialog', { name: TITLE });
    await expect.element(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    watcher = watchFocusOnBody();
    await userEvent.click(dialog.getByRole('button', { name: 'Turn off' }));
    release();
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
    await expect.element(page.getByRole('heading', { name: SECTION_HEADING })).toHaveFocus();
    await expect.element(page.getByText('No phone number receives your sign-in codes yet.')).toBeVisible();
    await expect.element(page.getByRole('heading', { name: SECTION_HEADING })).toHaveFocus();
    expect(watcher.stop()).toEqual([]);
  });
});
