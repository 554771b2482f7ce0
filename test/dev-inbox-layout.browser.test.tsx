import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { page } from 'vitest/browser';
import '../src/styles.css';
import { TwoFactorPhoneWizard, createMockAdapter } from '../src';
import { DevInbox } from '../stories/support/dev-inbox';
import { SettingsPage } from '../stories/support/settings-page';

/**
 * The Storybook walk-through's page (issue 13): the dev inbox, where the demo's codes arrive, sits
 * beside the wizard on a laptop and stays in view while the page scrolls; on a phone it comes
 * before the wizard, short, so a code is readable without scrolling. Measured in Chromium.
 */

afterEach(async () => {
  await page.viewport(414, 896);
});

async function renderPage() {
  const adapter = createMockAdapter({ code: '123456', latencyMs: 0, phoneNumber: '+14155550123' });
  const screen = await render(
    <SettingsPage aside={<DevInbox adapter={adapter} />}>
      <TwoFactorPhoneWizard adapter={adapter} onComplete={() => undefined} onCancel={() => undefined} />
    </SettingsPage>,
  );
  // The gate emails a code: the inbox shows it.
  await expect.element(screen.getByRole('heading', { name: /confirm it’s you/i })).toBeVisible();
  await expect.element(screen.getByRole('region', { name: /dev inbox/i }).getByText('123456')).toBeVisible();
  const inbox = screen.getByRole('region', { name: /dev inbox/i }).element();
  const wizard = screen.getByRole('group', { name: /two-factor authentication setup/i }).element();
  return { inbox, wizard };
}

describe('the dev inbox in the walk-through page', () => {
  it('sits beside the wizard on a laptop, and stays in view when the page scrolls', async () => {
    await page.viewport(1280, 800);
    const { inbox, wizard } = await renderPage();
    const inboxBox = inbox.getBoundingClientRect();
    const wizardBox = wizard.getBoundingClientRect();
    // Side by side, not stacked: the inbox starts where the wizard ends, at about the same height.
    expect(inboxBox.left).toBeGreaterThanOrEqual(wizardBox.right - 1);
    expect(inboxBox.top).toBeLessThan(wizardBox.bottom);
    expect(inboxBox.bottom).toBeLessThanOrEqual(800);

    // A long step: the page scrolls, the inbox stays on screen.
    const spacer = document.createElement('div');
    spacer.style.blockSize = '2000px';
    wizard.append(spacer);
    try {
      window.scrollTo(0, 600);
      const scrolled = inbox.getBoundingClientRect();
      expect(scrolled.top).toBeGreaterThanOrEqual(0);
      expect(scrolled.bottom).toBeLessThanOrEqual(800);
    } finally {
      spacer.remove();
      window.scrollTo(0, 0);
    }
  });

  it('comes before the wizard on a phone, with the code on screen without scrolling', async () => {
    await page.viewport(390, 844);
    const { inbox, wizard } = await renderPage();
    window.scrollTo(0, 0);
    const inboxBox = inbox.getBoundingClientRect();
    const code = [...inbox.querySelectorAll('*')].find((element) => element.children.length === 0 && element.textContent === '123456');
    expect(code).toBeDefined();
    expect(inboxBox.top).toBeLessThan(wizard.getBoundingClientRect().top);
    expect(code!.getBoundingClientRect().bottom).toBeLessThanOrEqual(844);
    // And the wizard's own heading is on screen too, under it.
    expect(wizard.querySelector('h2, h3')?.getBoundingClientRect().bottom ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(844);
  });
});
