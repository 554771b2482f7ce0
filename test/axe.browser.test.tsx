import axe from 'axe-core';
import type { AxeResults, Result } from 'axe-core';
import type { CSSProperties } from 'react';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { TwoFactorPhoneWizard, createMockAdapter } from '../src';

/**
 * axe-core on every step of the wizard in real Chromium, with the real stylesheet, so colour
 * contrast, focusable-but-hidden content and the modal's hidden background are judged on what
 * the browser actually renders — in the light theme, the dark theme and right-to-left.
 */

const CODE = '975310';

/** One line per failing node, so a failure says what to fix without re-running. */
function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `[${violation.impact ?? 'n/a'}] ${violation.id}: ${violation.help}\n  at ${node.target.join(' ')}\n  ${node.failureSummary ?? ''}`,
      ),
    )
    .join('\n');
}

async function expectNoAxeViolations(context: Element, where: string): Promise<void> {
  // Judge the resting state: mid fade-in, the dialog's text is still semi-transparent. Endless
  // animations (a pending button's spinner) never finish and are not waited for.
  const finite = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.all(finite.map((animation) => animation.finished));
  const results: AxeResults = await axe.run(context, { resultTypes: ['violations'] });
  // Compared as text, so the failure prints the readable list rather than axe's raw objects.
  expect(describeViolations(results.violations), `axe violations on ${where}`).toBe('');
}

interface Variant {
  name: string;
  /** The host page around the wizard. */
  hostProps: { dir?: 'rtl' | 'ltr'; 'data-theme'?: 'dark' | 'light'; style?: CSSProperties };
  /** The heading colour and direction that prove the variant is really applied. */
  expected: { headingColor: string; direction: 'ltr' | 'rtl' };
}

const VARIANTS: Variant[] = [
  { name: 'light theme', hostProps: {}, expected: { headingColor: 'rgb(27, 31, 36)', direction: 'ltr' } },
  // A host that forces the dark theme has a dark page behind it (the wizard paints no page background).
  {
    name: 'dark theme',
    hostProps: { 'data-theme': 'dark', style: { background: '#16191d', color: '#e8ebee', colorScheme: 'dark' } },
    expected: { headingColor: 'rgb(232, 235, 238)', direction: 'ltr' },
  },
  { name: 'right-to-left', hostProps: { dir: 'rtl' }, expected: { headingColor: 'rgb(27, 31, 36)', direction: 'rtl' } },
];

describe('axe-core on every step (Chromium)', () => {
  it.each(VARIANTS)('has zero violations through the whole flow: $name', async ({ hostProps, expected }) => {
    const adapter = createMockAdapter({ code: CODE, recoveryCode: 'ABCD-EFGH-JKMN-PQRS' });
    const screen = await render(
      <div {...hostProps}>
        <main>
          <h1>Account settings</h1>
          <TwoFactorPhoneWizard adapter={adapter} defaultCountry="US" onComplete={() => {}} onCancel={() => {}} />
        </main>
      </div>,
    );
    const root = screen.container;
    const wizard = root.querySelector('.tfa-wizard');
    if (!wizard) throw new Error('The wizard is not rendered');
    expect(getComputedStyle(wizard).direction).toBe(expected.direction);

    // Email-code gate, code sent.
    await expect.element(page.getByText('We emailed a code to j•••@example.com').first()).toBeVisible();
    await expect.element(page.getByText(/^You can request a new code in/)).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Confirm it’s you' })).toHaveStyle({ color: expected.headingColor });
    await expectNoAxeViolations(root, 'the email gate');

    // Email-code gate with a wrong code.
    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), '000000');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText('That code is not correct. Check it and try again.').first()).toBeVisible();
    await expectNoAxeViolations(root, 'the email gate with an invalid code');

    // Section, viewing.
    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), CODE);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('button', { name: 'Edit' })).toBeVisible();
    await expectNoAxeViolations(root, 'the section (viewing)');

    // Section, editing.
    await userEvent.click(page.getByRole('button', { name: 'Edit' }));
    await expect.element(page.getByRole('button', { name: 'Reset' })).toBeVisible();
    await expectNoAxeViolations(root, 'the section (editing)');

    // Reset dialog open, then acknowledged.
    await userEvent.click(page.getByRole('button', { name: 'Reset' }));
    const dialog = page.getByRole('alertdialog', { name: 'Reset your 2FA phone number?' });
    await expect.element(dialog).toBeVisible();
    await expectNoAxeViolations(root, 'the reset dialog');
    await userEvent.click(dialog.getByRole('checkbox'));
    await expectNoAxeViolations(root, 'the reset dialog (acknowledged)');
    await userEvent.click(dialog.getByRole('button', { name: 'Reset and continue' }));

    // The add-phone step after Reset.
    await expect.element(page.getByRole('heading', { name: 'Add your new phone number' })).toBeVisible();
    await expectNoAxeViolations(root, 'the add-phone step');
    await userEvent.click(page.getByRole('button', { name: '+ Add phone based verification' }));

    // Phone entry, then with a validation error.
    await expect.element(page.getByRole('heading', { name: 'Add a phone number' })).toBeVisible();
    await expectNoAxeViolations(root, 'phone entry');
    await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), '650');
    await userEvent.click(page.getByRole('button', { name: 'Send code via SMS' }));
    await expect.element(page.getByText('This phone number is too short.').first()).toBeVisible();
    await expectNoAxeViolations(root, 'phone entry with a validation error');

    // Code verification, then with a wrong code.
    await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), '6502530000');
    await userEvent.click(page.getByRole('button', { name: 'Send code via SMS' }));
    await expect.element(page.getByRole('heading', { name: 'Enter the code' })).toBeVisible();
    await expectNoAxeViolations(root, 'code verification');
    await userEvent.fill(page.getByRole('textbox', { name: 'Verification code' }), '000000');
    await expect.element(page.getByText('That code is not correct. Check it and try again.').first()).toBeVisible();
    await expectNoAxeViolations(root, 'code verification with an invalid code');

    // Recovery code, before and after the acknowledgement.
    await userEvent.fill(page.getByRole('textbox', { name: 'Verification code' }), CODE);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('heading', { name: 'Save your recovery code' })).toBeVisible();
    await expectNoAxeViolations(root, 'the recovery code');
    await userEvent.click(page.getByRole('checkbox', { name: 'I have saved my recovery code' }));
    await expectNoAxeViolations(root, 'the recovery code (acknowledged)');

    // Done: the section with the updated number.
    await userEvent.click(page.getByRole('button', { name: 'Finish' }));
    await expect.element(page.getByText('Your 2FA phone number was updated.')).toBeVisible();
    await expectNoAxeViolations(root, 'the done step (updated section)');
  });
});
