/// <reference types="@vitest/browser-playwright" />
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { cdp, page, userEvent } from 'vitest/browser';
import { TwoFactorPhoneWizard, createMockAdapter } from '../src';

/**
 * The library may talk to no host but the app's own: no flag images from a CDN, no web fonts, no
 * scripts. Walking the whole flow (country select included), every resource the page requested
 * must come from the page's own origin. Two independent witnesses: the page's Resource Timing
 * (which records failed loads too) and Chromium's own network log over CDP.
 */

const CODE = '314159';

interface RequestWillBeSent {
  request: { url: string };
}

/** `data:` URLs never touch the network; `blob:` URLs carry their creator's origin. */
function foreignUrls(urls: Iterable<string>): string[] {
  return [...new Set(urls)].filter((url) => !url.startsWith('data:') && new URL(url).origin !== location.origin);
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('network (Chromium)', () => {
  it('requests nothing from any origin but the page’s own while walking the whole flow', async () => {
    const observed: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) observed.push(entry.name);
    });
    observer.observe({ type: 'resource', buffered: true });

    const session = cdp();
    const logged: string[] = [];
    const onRequest = (event: RequestWillBeSent) => logged.push(event.request.url);
    await session.send('Network.enable');
    session.on('Network.requestWillBeSent', onRequest);
    cleanup = async () => {
      observer.disconnect();
      session.off('Network.requestWillBeSent', onRequest);
      await session.send('Network.disable');
    };

    const adapter = createMockAdapter({ code: CODE, recoveryCode: 'ABCD-EFGH-JKMN-PQRS' });
    const onComplete = () => {};
    await render(<TwoFactorPhoneWizard adapter={adapter} defaultCountry="US" onComplete={onComplete} />);
    await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), CODE);
    await userEvent.keyboard('{Enter}');
    await userEvent.click(page.getByRole('button', { name: 'Edit' }));
    await userEvent.click(page.getByRole('button', { name: 'Reset' }));
    const dialog = page.getByRole('alertdialog');
    await userEvent.click(dialog.getByRole('checkbox'));
    await userEvent.click(dialog.getByRole('button', { name: 'Reset and continue' }));
    await userEvent.click(page.getByRole('button', { name: '+ Add phone based verification' }));
    // Flags are where a phone input usually reaches for a CDN: change the country both ways.
    const country = page.getByRole('combobox', { name: 'Country' });
    await userEvent.selectOptions(country, 'GB');
    await userEvent.selectOptions(country, 'US');
    await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), '6502530000');
    await userEvent.click(page.getByRole('button', { name: 'Send code via SMS' }));
    await userEvent.fill(page.getByRole('textbox', { name: 'Verification code' }), CODE);
    await userEvent.click(page.getByRole('checkbox', { name: 'I have saved my recovery code' }));
    await userEvent.click(page.getByRole('button', { name: 'Finish' }));
    await expect.element(page.getByText('Your 2FA phone number was updated.')).toBeVisible();
    // Let late loads (lazy images, fonts) start before judging.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const timed = performance.getEntriesByType('resource').map((entry) => entry.name);
    // The witnesses were really watching: the test's own modules came from this origin.
    expect(timed.length).toBeGreaterThan(0);
    expect(foreignUrls([...timed, ...observed]), 'resources from other origins (Resource Timing)').toEqual([]);
    expect(foreignUrls(logged), 'requests to other origins (Chromium network log)').toEqual([]);
  });
});
