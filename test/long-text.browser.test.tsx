import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { page } from 'vitest/browser';
import { EmailCodeGate, RecoveryCodeStep, TwoFactorPhoneWizard, createMockAdapter } from '../src';
import { TwoFactorSectionView } from '../src/components/two-factor-section-view';
import type { TwoFactorAdapter } from '../src';

/**
 * Text from the backend may be one long unbroken string (issue 15: a 10 000-character masked
 * email or number widened the page by ~100 000 px). At 320 px every such text wraps inside the
 * component's box: no element reaches past the root's edges and the page does not scroll sideways.
 * Values the adapter boundary refuses (core/results.ts) are rendered through the parts that take
 * them as props; through the adapter, the longest value it accepts is used.
 */

const LONG = 'W'.repeat(10_000);
const VIEWPORT_WIDTH = 320;

afterEach(async () => {
  await page.viewport(414, 896);
});

/** Every element inside `root` (and `root` itself) stays within the root's inline extent. */
function expectContained(root: Element): void {
  const box = root.getBoundingClientRect();
  expect(box.width).toBeGreaterThan(0);
  expect(box.right).toBeLessThanOrEqual(VIEWPORT_WIDTH + 0.5);
  const outside: string[] = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    // Screen-reader-only text is clipped to nothing (and sits 1 px outside by design).
    if (element.closest('.tfa-visually-hidden')) continue;
    if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) {
      outside.push(`${element.tagName.toLowerCase()}.${element.className} ${Math.round(rect.left)}–${Math.round(rect.right)}`);
    }
  }
  expect(outside, `elements past the root (${Math.round(box.left)}–${Math.round(box.right)})`).toEqual([]);
  expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(document.documentElement.clientWidth);
}

function rootOf(text: string): Element {
  const holder = [...document.querySelectorAll('.tfa-root')].find((root) => root.textContent?.includes(text));
  if (!holder) throw new Error(`No component root shows ${text.slice(0, 20)}…`);
  return holder;
}

describe('long unbroken backend text at 320 px (Chromium)', () => {
  it('wraps a 10 000-character masked number in the 2FA section', async () => {
    await page.viewport(VIEWPORT_WIDTH, 640);
    await render(
      <TwoFactorSectionView
        status="ready"
        maskedNumber={LONG}
        canDisable
        editing
        onEditingChange={() => {}}
        onReset={() => {}}
        onDisable={() => {}}
      />,
    );
    expectContained(rootOf(LONG.slice(0, 100)));
  });

  it('wraps a 10 000-character recovery code in its box', async () => {
    await page.viewport(VIEWPORT_WIDTH, 640);
    await render(<RecoveryCodeStep recoveryCode={LONG} onFinish={() => {}} />);
    expectContained(rootOf('W'.repeat(4)));
  });

  it('refuses a 10 000-character masked email and wraps the longest one it accepts', async () => {
    await page.viewport(VIEWPORT_WIDTH, 640);
    const refused = createMockAdapter();
    const tooLong: TwoFactorAdapter = { ...refused, sendEmailCode: async () => ({ maskedEmail: LONG }) };
    const first = await render(<EmailCodeGate adapter={tooLong}>{null}</EmailCodeGate>);
    await expect
      .poll(() => [...document.querySelectorAll('.tfa-root p')].some((p) => p.textContent === 'Something went wrong. Please try again.'))
      .toBe(true);
    expect(document.body.textContent).not.toContain(LONG.slice(0, 300));
    await first.unmount();

    // 254 characters, the most the boundary accepts, with no break opportunity.
    const longest = `${'w'.repeat(241)}@example.com`;
    const accepted: TwoFactorAdapter = { ...refused, sendEmailCode: async () => ({ maskedEmail: longest }) };
    await render(<EmailCodeGate adapter={accepted}>{null}</EmailCodeGate>);
    await expect.poll(() => document.querySelector('.tfa-lead')?.textContent?.includes(longest)).toBe(true);
    expectContained(rootOf(longest));
  });

  it('wraps the longest masked number the boundary accepts, through the whole wizard', async () => {
    await page.viewport(VIEWPORT_WIDTH, 640);
    const inner = createMockAdapter({ code: '123456' });
    const maskedNumber = '9'.repeat(64);
    const adapter: TwoFactorAdapter = {
      ...inner,
      // The backend's own answer first: the wizard's opening status read is also its step-up
      // check, refused (403) until the emailed code verifies, so the flow starts at the email gate.
      getTwoFactorStatus: async (request) => {
        await inner.getTwoFactorStatus(request);
        return { phone: { maskedNumber }, canDisable: true };
      },
    };
    await render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} onCancel={() => {}} />);
    const { userEvent } = await import('vitest/browser');
    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), '123456');
    await userEvent.keyboard('{Enter}');
    // The section shows the number before Edit, and in edit mode next to Reset.
    await expect.element(page.getByText(maskedNumber)).toBeInTheDocument();
    expectContained(rootOf(maskedNumber));
    await userEvent.click(page.getByRole('button', { name: 'Edit' }));
    await expect.element(page.getByText(maskedNumber)).toBeInTheDocument();
    expectContained(rootOf(maskedNumber));
  });

  it('wraps the longest masked number when the opening status read finds the step-up still fresh', async () => {
    await page.viewport(VIEWPORT_WIDTH, 640);
    const inner = createMockAdapter({ code: '123456', emailVerified: true });
    const maskedNumber = '9'.repeat(64);
    const adapter: TwoFactorAdapter = {
      ...inner,
      getTwoFactorStatus: async (request) => {
        await inner.getTwoFactorStatus(request);
        return { phone: { maskedNumber }, canDisable: true };
      },
    };
    await render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} onCancel={() => {}} />);
    // No email gate: the section opens on the first answer, number and all.
    await expect.element(page.getByText(maskedNumber)).toBeInTheDocument();
    expect(inner.calls).not.toContain('sendEmailCode');
    expectContained(rootOf(maskedNumber));
  });
});
