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
/** How long to wait for anything else to show (a loaded machine is slow, never wrong). */
const WAIT = { timeout: 5000 };

/** What the user does: the first send (SMS or call) from phone entry, then code-step actions. */
type Action = 'send' | 'call' | 'resend' | 'change';

/**
 * Every order: the first code by SMS or by call, then each ordering of any of Receive a call,
 * Resend code by SMS and Change number (which sends again, by SMS, to a second number), each at
 * most once. 2 × (1 + 3 + 6 + 6) = 32 orders.
 */
const LABELS: Record<Action, string> = {
  send: 'send by SMS',
  call: 'receive a call',
  resend: 'resend by SMS',
  change: 'change number (SMS to another number)',
};

function orders(): Action[][] {
  const found: Action[][] = [];
  const permute = (done: Action[], rest: Action[]) => {
    found.push(done);
    rest.forEach((action, index) => permute([...done, action], [...rest.slice(0, index), ...rest.slice(index + 1)]));
  };
  for (const first of ['send', 'call'] as const) permute([first], ['call', 'resend', 'change']);
  return found;
}

interface Backend {
  mock: MockAdapter;
  adapter: TwoFactorAdapter;
  /** Every verifyPhoneCode request, as `number code`. */
  verified: string[];
}

function backend(options: MockAdapterOptions = {}): Backend {
  const mock = createMockAdapter({ phoneNumber: null, resendAfterSeconds: 0, latencyMs: 30, ...options });
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
  await expect.poll(() => mock.messages.length, WAIT).toBe(1);
  await userEvent.fill(page.getByRole('textbox', { name: 'Email verification code' }), mock.messages[0]!.code);
  await userEvent.keyboard('{Enter}');
  await userEvent.click(page.getByRole('button', { name: 'Edit' }));
  await userEvent.click(page.getByRole('button', { name: '+ Add phone based verification' }));
  await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), '123');
  await userEvent.click(page.getByRole('button', { name: 'Send code via SMS' }));
  await expect.element(page.getByText('This phone number is too short.').first(), WAIT).toBeVisible();
}

/** Opens "Didn't get a code?" unless it is open already. */
async function openDeliveryHelp(): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Didn’t get a code?' });
  if (toggle.element().getAttribute('aria-expanded') !== 'true') await userEvent.click(toggle);
}

/** Presses the button(s) for `action` and waits until its outcome is on screen. */
async function perform(action: Action, mock: MockAdapter, numberIndex: 0 | 1): Promise<void> {
  const sent = mock.messages.length;
  switch (action) {
    case 'send':
    case 'call':
      if (wizardStep() === 'phone-entry') {
        await userEvent.fill(page.getByRole('textbox', { name: 'Phone number' }), TYPED[numberIndex]);
        await userEvent.click(page.getByRole('button', { name: action === 'send' ? 'Send code via SMS' : 'Receive a call' }));
        await expect.poll(wizardStep, WAIT).toBe('code-verification');
      } else {
        await openDeliveryHelp();
        await userEvent.click(page.getByRole('button', { name: 'Receive a call' }));
        await expect.element(page.getByText(/^Calling \+1 650 253 000\d…$/).first(), WAIT).toBeVisible();
      }
      break;
    case 'resend':
      await openDeliveryHelp();
      await userEvent.click(page.getByRole('button', { name: 'Resend code by SMS' }));
      await expect.element(page.getByText('We sent you a new code.', { exact: true }).first(), WAIT).toBeVisible();
      break;
    case 'change':
      // Change number, then a code to the other number, by SMS.
      await userEvent.click(page.getByRole('button', { name: 'Change number' }));
      await expect.poll(wizardStep, WAIT).toBe('phone-entry');
      await perform('send', mock, 1);
      return;
    default: {
      const unreachable: never = action;
      throw new Error(`Unknown action ${String(unreachable)}`);
    }
  }
  await expect.poll(() => mock.messages.length, WAIT).toBe(sent + 1);
}

describe('the code step in every order of send, call, resend and change number (Chromium)', () => {
  for (const order of orders()) {
    it(`${order.map((action) => LABELS[action]).join(' → ')} → verify reaches verifyPhoneCode with the right number and code`, async () => {
      const server = backend();
      await reachPhoneEntryAfterInvalidNumber(server);
      let numberIndex: 0 | 1 = 0;
      for (const action of order) {
        await perform(action, server.mock, numberIndex);
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
      await expect.poll(wizardStep, WAIT).toBe('recovery-code');
    });
  }

  it('verifies a code typed while a call is placed (the call’s answer does not wipe it out)', async () => {
    // A backend that re-sends the same code (as Twilio Verify does within a code's lifetime), slow
    // to place the call: the user types the SMS code meanwhile.
    const server = backend({ code: '246810', latencyMs: 600 });
    await reachPhoneEntryAfterInvalidNumber(server);
    await perform('send', server.mock, 0);
    await openDeliveryHelp();
    await userEvent.click(page.getByRole('button', { name: 'Receive a call' }));
    const field = page.getByRole('textbox', { name: 'Verification code' });
    await userEvent.click(field);
    await userEvent.keyboard('24681');
    await expect.element(page.getByText('Calling +1 650 253 0000…').first(), WAIT).toBeVisible();
    await expect.element(field, WAIT).toHaveValue('24681');
    await userEvent.keyboard('0');
    const verify = document.querySelector<HTMLButtonElement>('.tfa-code-verification button[type="submit"]');
    if (verify?.isConnected) verify.click();

    await expect.poll(() => server.verified, { timeout: VERIFY_WITHIN_MS }).toEqual([`${NUMBERS[0]} 246810`]);
    await expect.poll(wizardStep, WAIT).toBe('recovery-code');
  });

  it('keeps a verify in flight when Resend, the call and Change number are pressed, and shows its recovery code', async () => {
    const server = backend({ latencyMs: 800 });
    await reachPhoneEntryAfterInvalidNumber(server);
    await perform('send', server.mock, 0);
    await openDeliveryHelp();
    const code = lastCodeTo(server.mock, NUMBERS[0]);
    await userEvent.click(page.getByRole('textbox', { name: 'Verification code' }));
    await userEvent.keyboard(code);
    const sends = server.mock.calls.filter((call) => call === 'sendPhoneCode').length;
    for (const name of ['Resend code by SMS', 'Receive a call', 'Change number', 'Use another number']) {
      const button = page.getByRole('button', { name });
      await expect.element(button, WAIT).toHaveAttribute('aria-disabled', 'true');
      (button.element() as HTMLButtonElement).click();
    }
    await expect.poll(wizardStep, WAIT).toBe('recovery-code');
    expect(server.verified).toEqual([`${NUMBERS[0]} ${code}`]);
    expect(server.mock.calls.filter((call) => call === 'sendPhoneCode')).toHaveLength(sends);
    await expect.element(page.getByRole('heading', { name: 'Save your recovery code' }), WAIT).toBeVisible();
  });
});
