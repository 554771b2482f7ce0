import { describe, expect, it } from 'vitest';
import { StrictMode } from 'react';
import { render } from 'vitest-browser-react';
import { page, userEvent } from 'vitest/browser';
import { TwoFactorPhoneWizard, createMockAdapter } from '../src';
import type { MockAdapter, MockAdapterOptions, TwoFactorAdapter } from '../src';

/**
 * Every order of send / call / resend / change number, then verify, through the whole wizard in
 * Chromium with real clicks and key presses: whatever the order, the adapter receives the verify
 * with the number the code went to and the code that number last received, within 5 s, and the
 * flow reaches the recovery code. Each run starts after an invalid number, as the report that
 * found the bug did (issue 11), and runs under StrictMode. The mock answers after a short delay,
 * so every action really is in flight for a moment.
 */

const NUMBERS = ['+16502530000', '+16502530001'] as const;
const TYPED = ['+1 650 253 0000', '+1 650 253 0001'] as const;
const VERIFY_WITHIN_MS = 5000;

type Action = 'send' | 'call' | 'resend' | 'change';
type Step = 'phone-entry' | 'code-verification';

/** Every sequence of up to four actions that is possible from phone entry and ends on the code step. */
function orders(): Action[][] {
  const found: Action[][] = [];
  const walk = (sequence: Action[], step: Step) => {
    if (step === 'code-verification' && sequence.length > 0) found.push(sequence);
    if (sequence.length === 4) return;
    if (step === 'phone-entry') {
      walk([...sequence, 'send'], 'code-verification');
      walk([...sequence, 'call'], 'code-verification');
    } else {
      walk([...sequence, 'call'], 'code-verification');
      walk([...sequence, 'resend'], 'code-verification');
      walk([...sequence, 'change'], 'phone-entry');
    }
  };
  walk([], 'phone-entry');
  return found;
}

interface Backend {
  mock: MockAdapter;
  adapter: TwoFactorAdapter;
  /** Every verifyPhoneCode request, as `number code`. */
  verified: string[];
}

function backend(options: MockAdapterOptions = {}): Backend {
  const mock = createMockAdapter({ phoneNumber: null, resendAfterSeconds: 0, latencyMs: 120, ...options });
  const verified: string[] = [];
  const adapter: TwoFactorAdapter = {
    ...mock,
    verifyPhoneCode: (request) => {
      verified.push(`${request.phoneNumber} ${request.code}`);
      return mock.verifyPhoneCode(request);
    },
  };
  return { mock, adapter, verified };
}

const wizardStep = () => document.querySelector<HTMLElement>('.tfa-wizard')?.dataset.state;

/** The newest message the mock delivered to `number` by phone. */
function lastCodeTo(mock: MockAdapter, number: string): string {
  const message = [...mock.messages].reverse().find((entry) => entry.kind !== 'email' && entry.to === number);
  if (!message) throw new Error(`No code went to ${number}`);
  return message.code;
}

/** Passes the gate, opens edit mode, adds a phone, and submits an invalid number first. */
async function reachPhoneEntryAfterInvalidNumber({ mock, adapter }: Backend): Promise<void> {
  await render(
    <StrictMode>
      <TwoFactorPhoneWizard adapter={adapter} defaultCountry="US" onComplete={() => {}} />
    </StrictMode>,
  );
  await expect.poll(() => mock.messages.length).toBe(1);
  await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), mock.messages[0]!.code);
  await userEvent.keyboard('{Enter}');
  await userEvent.click(page.getByRole('button', { name: 'Edit' }));
  await userEvent.click(page.getByRole('button', { name: '+ Add phone based verification' }));
  await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), '123');
  await userEvent.click(page.getByRole('button', { name: 'Send code via SMS' }));
  await expect.element(page.getByText('This phone number is too short.').first()).toBeVisible();
}

/** Opens "Didn't get a code?" unless it is open already. */
async function openDeliveryHelp(): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Didn’t get a code?' });
  if (toggle.element().getAttribute('aria-expanded') !== 'true') await userEvent.click(toggle);
}

/** Presses the button for `action` and waits until its outcome is on screen. */
async function perform(action: Action, { mock }: Backend, numberIndex: 0 | 1): Promise<void> {
  const sent = mock.messages.length;
  switch (action) {
    case 'send':
    case 'call':
      if (wizardStep() === 'phone-entry') {
        await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), TYPED[numberIndex]);
        await userEvent.click(page.getByRole('button', { name: action === 'send' ? 'Send code via SMS' : 'Receive a call' }));
        await expect.poll(wizardStep).toBe('code-verification');
      } else {
        await openDeliveryHelp();
        await userEvent.click(page.getByRole('button', { name: 'Receive a call' }));
        await expect.element(page.getByText(/^Calling \+1 650 253 000\d…$/).first()).toBeVisible();
      }
      break;
    case 'resend':
      await openDeliveryHelp();
      await userEvent.click(page.getByRole('button', { name: 'Resend code by SMS' }));
      await expect.element(page.getByText('We sent you a new code.', { exact: true }).first()).toBeVisible();
      break;
    case 'change':
      await userEvent.click(page.getByRole('button', { name: 'Change number' }));
      await expect.poll(wizardStep).toBe('phone-entry');
      return;
    default: {
      const unreachable: never = action;
      throw new Error(`Unknown action ${String(unreachable)}`);
    }
  }
  await expect.poll(() => mock.messages.length).toBe(sent + 1);
}

describe('the code step in every order of send, call, resend and change number (Chromium)', () => {
  for (const order of orders()) {
    it(`${order.join(' → ')} → verify reaches verifyPhoneCode with the right number and code`, async () => {
      const server = backend();
      await reachPhoneEntryAfterInvalidNumber(server);
      let numberIndex: 0 | 1 = 0;
      for (const action of order) {
        await perform(action, server, numberIndex);
        // After "Change number" the user sends to another number.
        if (action === 'change') numberIndex = 1;
      }

      const number = NUMBERS[numberIndex];
      const code = lastCodeTo(server.mock, number);
      const field = page.getByRole('textbox', { name: 'Verification code' });
      await userEvent.click(field);
      await userEvent.keyboard(code);
      // Verify pressed too, as the report did; auto-submit may have sent it already.
      const verify = document.querySelector<HTMLButtonElement>('.tfa-code-verification button[type="submit"]');
      if (verify?.isConnected) verify.click();

      await expect.poll(() => server.verified, { timeout: VERIFY_WITHIN_MS }).toEqual([`${number} ${code}`]);
      await expect.poll(wizardStep).toBe('recovery-code');
    });
  }

  it('verifies a code typed while a call is placed (the call’s answer does not wipe it out)', async () => {
    // A backend that re-sends the same code (as Twilio Verify does within a code's lifetime), slow
    // to place the call: the user types the SMS code meanwhile.
    const server = backend({ code: '246810', latencyMs: 600 });
    await reachPhoneEntryAfterInvalidNumber(server);
    await perform('send', server, 0);
    await openDeliveryHelp();
    await userEvent.click(page.getByRole('button', { name: 'Receive a call' }));
    const field = page.getByRole('textbox', { name: 'Verification code' });
    await userEvent.click(field);
    await userEvent.keyboard('24681');
    await expect.element(page.getByText('Calling +1 650 253 0000…').first()).toBeVisible();
    await expect.element(field).toHaveValue('24681');
    await userEvent.keyboard('0');
    const verify = document.querySelector<HTMLButtonElement>('.tfa-code-verification button[type="submit"]');
    if (verify?.isConnected) verify.click();

    await expect.poll(() => server.verified, { timeout: VERIFY_WITHIN_MS }).toEqual([`${NUMBERS[0]} 246810`]);
    await expect.poll(wizardStep).toBe('recovery-code');
  });

  it('keeps a verify in flight when Resend, the call and Change number are pressed, and shows its recovery code', async () => {
    const server = backend({ latencyMs: 800 });
    await reachPhoneEntryAfterInvalidNumber(server);
    await perform('send', server, 0);
    await openDeliveryHelp();
    const code = lastCodeTo(server.mock, NUMBERS[0]);
    await userEvent.click(page.getByRole('textbox', { name: 'Verification code' }));
    await userEvent.keyboard(code);
    const sends = server.mock.calls.filter((call) => call === 'sendPhoneCode').length;
    for (const name of ['Resend code by SMS', 'Receive a call', 'Change number', 'Use another number']) {
      const button = page.getByRole('button', { name });
      await expect.element(button).toHaveAttribute('aria-disabled', 'true');
      (button.element() as HTMLButtonElement).click();
    }
    await expect.poll(wizardStep).toBe('recovery-code');
    expect(server.verified).toEqual([`${NUMBERS[0]} ${code}`]);
    expect(server.mock.calls.filter((call) => call === 'sendPhoneCode')).toHaveLength(sends);
    await expect.element(page.getByRole('heading', { name: 'Save your recovery code' })).toBeVisible();
  });
});
