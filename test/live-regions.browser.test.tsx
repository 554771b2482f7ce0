import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { TwoFactorError, TwoFactorPhoneWizard, createMockAdapter } from '../src';

/**
 * Screen readers only announce changes inside a live region that was already in the
 * accessibility tree; a region inserted together with its text is often read late or never.
 * So the regions must exist from the first render, and later messages must land inside those
 * same nodes. A ticking countdown, on the other hand, must stay out of every live region, or it
 * would be read out every second.
 */

const CODE = '864209';
const LIVE_SELECTOR = '[aria-live], [role="status"], [role="alert"], [role="log"], [role="timer"], output';

/** Every text any live region ever showed while the observer ran, in order. */
function watchLiveRegions(root: Node): { texts: string[]; stop: () => void } {
  const texts: string[] = [];
  const record = () => {
    for (const region of document.querySelectorAll(LIVE_SELECTOR)) {
      const text = region.textContent?.trim() ?? '';
      if (text !== '' && texts.at(-1) !== text && !texts.includes(text)) texts.push(text);
    }
  };
  const observer = new MutationObserver(record);
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  record();
  return { texts, stop: () => observer.disconnect() };
}

let stopWatching: (() => void) | null = null;
afterEach(() => {
  stopWatching?.();
  stopWatching = null;
});

describe('live regions (Chromium)', () => {
  it('has its polite and assertive regions from the first render, and announces into those same nodes', async () => {
    // Slow enough that the first render happens before the emailed-code message exists.
    const adapter = createMockAdapter({ code: CODE, latencyMs: 300 });
    await render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} />);

    const polite = document.querySelector<HTMLElement>('[aria-live="polite"]');
    const assertive = document.querySelector<HTMLElement>('[aria-live="assertive"]');
    if (!polite || !assertive) throw new Error('The live regions are missing from the first render');
    expect(polite.getAttribute('role')).toBe('status');
    expect(assertive.getAttribute('role')).toBe('alert');
    expect(polite.textContent).toBe('');
    expect(assertive.textContent).toBe('');
    expect(adapter.messages).toEqual([]);

    // A status: the code was sent.
    await expect.poll(() => polite.textContent).toBe('We emailed a code to j•••@example.com');
    expect(polite.isConnected).toBe(true);

    // An error: a wrong code, announced with urgency in the region that was already there.
    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), '000000');
    await userEvent.keyboard('{Enter}');
    await expect
      .poll(() => assertive.textContent)
      .toBe('That code is not correct. Check it and try again. 4 attempts remaining.');
    expect(assertive.isConnected).toBe(true);

    // The next step's status goes through the same regions: the gate is gone, they are not.
    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), CODE);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('heading', { name: 'Two-factor authentication (2FA)' })).toBeVisible();
    await expect.poll(() => polite.textContent).toBe('Verified.');
    expect(polite.isConnected).toBe(true);
    expect(document.querySelectorAll('[aria-live]')).toHaveLength(2);
  });

  it('announces a phone validation error in the existing assertive region', async () => {
    const adapter = createMockAdapter({ code: CODE, phoneNumber: null });
    await render(<TwoFactorPhoneWizard adapter={adapter} defaultCountry="US" onComplete={() => {}} />);
    const assertive = document.querySelector<HTMLElement>('[aria-live="assertive"]');
    if (!assertive) throw new Error('The assertive region is missing from the first render');

    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), CODE);
    await userEvent.keyboard('{Enter}');
    await userEvent.click(page.getByRole('button', { name: 'Edit' }));
    await userEvent.click(page.getByRole('button', { name: '+ Add phone based verification' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), '650');
    await userEvent.click(page.getByRole('button', { name: 'Send code via SMS' }));

    await expect.poll(() => assertive.textContent).toBe('This phone number is too short.');
    expect(assertive.isConnected).toBe(true);
  });

  it('keeps the resend countdown out of every live region while it ticks', async () => {
    const adapter = createMockAdapter({ code: CODE, resendAfterSeconds: 4 });
    const screen = await render(<TwoFactorPhoneWizard adapter={adapter} onComplete={() => {}} />);
    const watch = watchLiveRegions(screen.container);
    stopWatching = watch.stop;

    const countdown = page.getByText(/^You can request a new code in/);
    await expect.element(countdown).toBeVisible();
    const first = countdown.element().textContent;
    // Watch it tick at least twice.
    await expect.poll(() => countdown.element().textContent, { timeout: 3000 }).not.toBe(first);
    const second = countdown.element().textContent;
    await expect.poll(() => countdown.element().textContent, { timeout: 3000 }).not.toBe(second);

    expect(countdown.element().closest(LIVE_SELECTOR)).toBeNull();
    expect(watch.texts.filter((text) => text.includes('You can request a new code'))).toEqual([]);
    // The watcher did see the announcement made meanwhile, so it was really listening.
    expect(watch.texts).toContain('We emailed a code to j•••@example.com');
  });

  it('keeps the rate-limit retry countdown out of every live region while it ticks', async () => {
    const adapter = createMockAdapter({
      code: CODE,
      phoneNumber: null,
      failures: { sendPhoneCode: [new TwoFactorError('rate_limited', { retryAfterSeconds: 4 })] },
    });
    const screen = await render(<TwoFactorPhoneWizard adapter={adapter} defaultCountry="US" onComplete={() => {}} />);
    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), CODE);
    await userEvent.keyboard('{Enter}');
    await userEvent.click(page.getByRole('button', { name: 'Edit' }));
    await userEvent.click(page.getByRole('button', { name: '+ Add phone based verification' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), '6502530000');
    const watch = watchLiveRegions(screen.container);
    stopWatching = watch.stop;
    await userEvent.click(page.getByRole('button', { name: 'Send code via SMS' }));

    const countdown = page.getByText(/^You can try again in/);
    await expect.element(countdown).toBeVisible();
    const first = countdown.element().textContent;
    await expect.poll(() => countdown.element().textContent, { timeout: 3000 }).not.toBe(first);
    const second = countdown.element().textContent;
    await expect.poll(() => countdown.element().textContent, { timeout: 3000 }).not.toBe(second);

    expect(countdown.element().closest(LIVE_SELECTOR)).toBeNull();
    expect(watch.texts.filter((text) => text.includes('You can try again'))).toEqual([]);
    // The error itself was announced once, through the assertive region.
    expect(watch.texts).toContain('Too many requests. Please wait before trying again.');
  });
});
