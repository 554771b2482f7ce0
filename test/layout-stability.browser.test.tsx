import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { CodeVerificationStep, EmailCodeGate, PhoneEntryStep, RecoveryCodeStep, TwoFactorError } from '../src';
import { TwoFactorSectionView } from '../src/components/two-factor-section-view';
import { createDeferredAdapter } from './deferred-adapter';
import type { DeferredAdapter } from './deferred-adapter';

/**
 * No layout jump (issue 13): on every step, when an error, a countdown or a pending state appears,
 * nothing that was already on screen moves up or down or changes height. Element boxes are
 * measured in Chromium before and after, at a phone width and a laptop width. (A pending button's
 * own width follows its label, "Verify" → "Verifying…"; the block axis is what a reader's eye and
 * a finger about to tap lose track of.)
 */

const WIDTHS = [390, 1280] as const;

afterEach(async () => {
  await page.viewport(414, 896);
});

interface Box {
  top: number;
  height: number;
}

/** Every rendered element in the document's components, with its block position and size. */
function measure(): Map<Element, Box> {
  const boxes = new Map<Element, Box>();
  for (const element of document.querySelectorAll('.tfa-root, .tfa-root *')) {
    // Screen-reader-only live regions and their text take no space on screen.
    if (element.closest('.tfa-visually-hidden')) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    boxes.set(element, { top: rect.top + window.scrollY, height: rect.height });
  }
  return boxes;
}

/** Elements present before and after that moved or changed height, described for the failure. */
function moved(before: Map<Element, Box>, after: Map<Element, Box>): string[] {
  const changes: string[] = [];
  for (const [element, box] of before) {
    const now = after.get(element);
    if (!now) continue;
    if (Math.abs(now.top - box.top) > 0.5 || Math.abs(now.height - box.height) > 0.5) {
      const label = `${element.tagName.toLowerCase()}.${String(element.className).replace(/\s+/g, '.')} "${(element.textContent ?? '').slice(0, 30)}"`;
      changes.push(`${label}: top ${Math.round(box.top)}→${Math.round(now.top)}, height ${Math.round(box.height)}→${Math.round(now.height)}`);
    }
  }
  return changes;
}

/** Measures, runs `change`, waits for `appeared`, measures again and compares. */
async function expectNoJump(change: () => Promise<void>, appeared: () => Promise<void>): Promise<void> {
  const before = measure();
  await change();
  await appeared();
  expect(moved(before, measure())).toEqual([]);
}

/** Waits until `text` is on screen (not only in a screen-reader live region). */
const shows = (text: string) => async () => {
  await expect.poll(() => isShown(text)).toBe(true);
};

function isShown(text: string): boolean {
  return [...document.querySelectorAll('.tfa-root p, .tfa-root span')].some(
    (element) => !element.closest('.tfa-visually-hidden') && (element.textContent ?? '').includes(text),
  );
}

async function renderEmailGate(width: number): Promise<DeferredAdapter> {
  await page.viewport(width, 900);
  const backend = createDeferredAdapter();
  await render(<EmailCodeGate adapter={backend.adapter}>{null}</EmailCodeGate>);
  await expect.poll(() => backend.calls.sendEmailCode.length).toBe(1);
  backend.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' });
  await expect.poll(() => isShown('We emailed a code to')).toBe(true);
  await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), '123456');
  return backend;
}

async function renderPhoneEntry(width: number): Promise<DeferredAdapter> {
  await page.viewport(width, 900);
  const backend = createDeferredAdapter();
  await render(<PhoneEntryStep adapter={backend.adapter} defaultCountry="US" />);
  await userEvent.fill(page.getByRole('textbox', { name: /phone/i }), '6502530000');
  return backend;
}

async function renderCodeVerification(width: number): Promise<DeferredAdapter> {
  await page.viewport(width, 900);
  const backend = createDeferredAdapter();
  await render(
    <CodeVerificationStep adapter={backend.adapter} phoneNumber="+16502530000" channel="sms" onChangeNumber={() => {}} />,
  );
  await userEvent.fill(page.getByRole('textbox', { name: /code/i }), '12345');
  return backend;
}

for (const width of WIDTHS) {
  describe(`no layout jump at ${width} px (Chromium)`, () => {
    it('email gate: a wrong code, a form error, pending, and the resend countdown', async () => {
      const backend = await renderEmailGate(width);
      await expectNoJump(
        () => userEvent.click(page.getByRole('button', { name: 'Verify' })),
        async () => expect.poll(() => backend.calls.verifyEmailCode.length).toBe(1),
      );
      await expectNoJump(
        async () => backend.last('verifyEmailCode').reject(new TwoFactorError('invalid_code')),
        shows('That code is not correct'),
      );
      await expectNoJump(
        async () => {
          await userEvent.click(page.getByRole('button', { name: 'Verify' }));
          backend.last('verifyEmailCode').reject(new TwoFactorError('network'));
        },
        shows('We couldn’t reach the server'),
      );
      await expectNoJump(
        async () => {
          await userEvent.click(page.getByRole('button', { name: 'Resend code' }));
          backend.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com', resendAfterSeconds: 30 });
        },
        shows('You can request a new code in'),
      );
    });

    it('phone entry: pending, a form error, and an invalid number', async () => {
      const backend = await renderPhoneEntry(width);
      await expectNoJump(
        () => userEvent.click(page.getByRole('button', { name: 'Send code via SMS' })),
        async () => expect.poll(() => backend.calls.sendPhoneCode.length).toBe(1),
      );
      await expectNoJump(
        async () => backend.last('sendPhoneCode').reject(new TwoFactorError('network')),
        shows('We couldn’t reach the server'),
      );
      await expectNoJump(
        async () => {
          await userEvent.click(page.getByRole('button', { name: 'Send code via SMS' }));
          backend.last('sendPhoneCode').reject(new TwoFactorError('invalid_phone_number'));
        },
        shows('That phone number is not valid'),
      );
    });

    it('code verification: an incomplete code, pending, a wrong code, a form error, and the resend countdown', async () => {
      const backend = await renderCodeVerification(width);
      await expectNoJump(() => userEvent.click(page.getByRole('button', { name: 'Verify' })), shows('Enter all 6 digits'));
      await userEvent.fill(page.getByRole('textbox', { name: /code/i }), '123456');
      await expect.poll(() => backend.calls.verifyPhoneCode.length).toBe(1);
      await expectNoJump(
        async () => backend.last('verifyPhoneCode').reject(new TwoFactorError('invalid_code')),
        shows('That code is not correct'),
      );
      await expectNoJump(
        async () => {
          await userEvent.click(page.getByRole('button', { name: 'Verify' }));
          backend.last('verifyPhoneCode').reject(new TwoFactorError('unknown'));
        },
        shows('Something went wrong'),
      );
      await expectNoJump(
        async () => {
          await userEvent.click(page.getByRole('button', { name: 'Resend code' }));
          backend.last('sendPhoneCode').resolve({ resendAfterSeconds: 30 });
        },
        shows('You can request a new code in'),
      );
    });

    it('recovery code: the copy confirmation', async () => {
      await page.viewport(width, 900);
      await render(<RecoveryCodeStep recoveryCode="K7QF-29XM-HP4D-WN3R" onFinish={() => {}} />);
      await expectNoJump(
        () => userEvent.click(page.getByRole('button', { name: /copy/i })),
        async () => {
          await expect.poll(() => document.querySelector('[data-state="copied"], [data-state="failed"]')).not.toBeNull();
        },
      );
    });
  });
}

describe('one control height and one button style per role (Chromium)', () => {
  for (const width of WIDTHS) {
    it(`gives every field, select and button the same height on every step at ${width} px`, async () => {
      await page.viewport(width, 900);
      const backend = createDeferredAdapter();
      await render(
        <div>
          <EmailCodeGate adapter={backend.adapter}>{null}</EmailCodeGate>
          <TwoFactorSectionView
            status="ready"
            maskedNumber="+1 ••• ••• 0123"
            canDisable
            editing
            onEditingChange={() => {}}
            onReset={() => {}}
            onDisable={() => {}}
          />
          <PhoneEntryStep adapter={backend.adapter} defaultCountry="US" />
          <CodeVerificationStep adapter={backend.adapter} phoneNumber="+16502530000" channel="sms" resendAfterSeconds={30} />
          <RecoveryCodeStep recoveryCode="K7QF-29XM-HP4D-WN3R" onFinish={() => {}} />
        </div>,
      );
      await expect.poll(() => document.querySelectorAll('.tfa-step').length).toBe(5);
      const controls = [...document.querySelectorAll('.tfa-input, .tfa-select, .tfa-button:not(.tfa-button--link)')];
      expect(controls.length).toBeGreaterThan(12);
      const heights = new Set(controls.map((control) => Math.round(control.getBoundingClientRect().height)));
      expect([...heights]).toEqual([44]);

      // Link-style buttons stay on one line, and Resend during its cooldown looks unavailable:
      // another colour than an available link, and no underline.
      const links = [...document.querySelectorAll<HTMLElement>('.tfa-button--link')];
      expect(links.length).toBeGreaterThanOrEqual(2);
      for (const link of links) expect(getComputedStyle(link).whiteSpace).toBe('nowrap');
      const resend = links.find((link) => link.dataset.disabled !== undefined);
      const available = links.find((link) => link.dataset.disabled === undefined);
      if (!resend || !available) throw new Error('Expected an unavailable Resend and an available link');
      expect(getComputedStyle(resend).color).not.toBe(getComputedStyle(available).color);
      expect(getComputedStyle(resend).textDecorationLine).toBe('none');
      expect(getComputedStyle(resend).opacity).toBe('1');
    });
  }
});

/** The border box of an element, in page coordinates. */
function rectOf(element: Element): { left: number; top: number; width: number; height: number } {
  const rect = element.getBoundingClientRect();
  return { left: rect.left + window.scrollX, top: rect.top + window.scrollY, width: rect.width, height: rect.height };
}

function phoneControls(): { select: Element; input: Element } {
  const select = page.getByRole('combobox', { name: 'Country' }).element();
  const input = page.getByRole('textbox', { name: 'Phone number' }).element();
  return { select, input };
}

function expectSameRect(before: ReturnType<typeof rectOf>, after: ReturnType<typeof rectOf>, what: string): void {
  for (const side of ['left', 'top', 'width', 'height'] as const) {
    expect(Math.abs(after[side] - before[side]), `${what}: ${side} ${before[side]} → ${after[side]}`).toBeLessThanOrEqual(0.5);
  }
}

describe('the country select and the number input (Chromium)', () => {
  for (const width of WIDTHS) {
    it(`share one height, line up, and stay exactly where they are when an error appears, at ${width} px`, async () => {
      const backend = await renderPhoneEntry(width);
      const { select, input } = phoneControls();
      const selectBefore = rectOf(select);
      const inputBefore = rectOf(input);
      expect(Math.round(selectBefore.height)).toBe(44);
      expect(inputBefore.height).toBeCloseTo(selectBefore.height, 1);
      // Side by side at both widths, on one row, although only the number has an example above it.
      expect(inputBefore.left).toBeGreaterThanOrEqual(selectBefore.left + selectBefore.width);
      expect(inputBefore.top).toBeCloseTo(selectBefore.top, 1);

      // The number's own error (validation), then a server's verdict on it.
      await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), '650253');
      await userEvent.click(page.getByRole('button', { name: 'Send code via SMS' }));
      await expect.poll(() => document.querySelector('.tfa-field-error')?.textContent ?? '').not.toBe('');
      expectSameRect(selectBefore, rectOf(select), 'select, with a validation error');
      expectSameRect(inputBefore, rectOf(input), 'number input, with a validation error');

      await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), '6502530000');
      await userEvent.click(page.getByRole('button', { name: 'Send code via SMS' }));
      await expect.poll(() => backend.calls.sendPhoneCode.length).toBe(1);
      backend.last('sendPhoneCode').reject(new TwoFactorError('invalid_phone_number'));
      await shows('That phone number is not valid')();
      expectSameRect(selectBefore, rectOf(select), 'select, with the server refusing the number');
      expectSameRect(inputBefore, rectOf(input), 'number input, with the server refusing the number');
    });
  }
});
