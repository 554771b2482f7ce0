import { StrictMode } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TwoFactorError, TwoFactorPhoneWizard, createMockAdapter, en } from '../src';
import type { AdapterRequest, TwoFactorAdapter } from '../src';

/**
 * Hostile or malformed backend data through the whole wizard (issue 15): the first answer of one
 * adapter method is replaced by a hostile value; the user sees the generic, retryable `unknown`
 * message (never the value, never a blank recovery code to "save"), and the same action succeeds
 * when tried again. The status read also opens the wizard as its step-up check: an unusable answer
 * there falls back to the email gate, and the generic error shows on the section's read after it.
 */

type Method = 'sendEmailCode' | 'getTwoFactorStatus' | 'sendPhoneCode' | 'verifyPhoneCode';

const CODE = '123456';
const MASKED_EMAIL = 'j•••@example.com';
const RECOVERY_CODE = 'ABCD-EFGH-JKMN-PQRS';
const LONG = 'W'.repeat(10_000);

const HOSTILE: ReadonlyArray<{ method: Method; label: string; result: unknown; marker?: string }> = [
  { method: 'sendEmailCode', label: 'empty masked email', result: { maskedEmail: '' } },
  { method: 'sendEmailCode', label: 'invisible masked email', result: { maskedEmail: '\u200B\u200E' } },
  { method: 'sendEmailCode', label: '10 000-character masked email', result: { maskedEmail: LONG }, marker: LONG.slice(0, 300) },
  { method: 'sendEmailCode', label: 'resendAfterSeconds 1e21', result: { maskedEmail: MASKED_EMAIL, resendAfterSeconds: 1e21 }, marker: '1e+21' },
  { method: 'sendEmailCode', label: 'resendAfterSeconds -30', result: { maskedEmail: MASKED_EMAIL, resendAfterSeconds: -30 } },
  { method: 'sendEmailCode', label: 'codeLength 1e300', result: { maskedEmail: MASKED_EMAIL, codeLength: 1e300 }, marker: '1e+300' },
  { method: 'getTwoFactorStatus', label: 'empty masked number', result: { phone: { maskedNumber: '' }, canDisable: false } },
  { method: 'getTwoFactorStatus', label: '10 000-character masked number', result: { phone: { maskedNumber: LONG }, canDisable: false }, marker: LONG.slice(0, 300) },
  { method: 'sendPhoneCode', label: 'resendAfterSeconds 1e21', result: { resendAfterSeconds: 1e21 }, marker: '1e+21' },
  { method: 'sendPhoneCode', label: 'resendAfterSeconds NaN', result: { resendAfterSeconds: Number.NaN }, marker: 'NaN' },
  { method: 'sendPhoneCode', label: 'codeLength Infinity', result: { codeLength: Number.POSITIVE_INFINITY }, marker: 'Infinity' },
  { method: 'verifyPhoneCode', label: 'empty recovery code', result: { recoveryCode: '' } },
  { method: 'verifyPhoneCode', label: 'separator-only recovery code', result: { recoveryCode: ' - - - ' } },
  { method: 'verifyPhoneCode', label: 'invisible recovery code', result: { recoveryCode: '\u200B\u200B\u200B\u200B' } },
  { method: 'verifyPhoneCode', label: '1 MB recovery code', result: { recoveryCode: 'R'.repeat(1_000_000) }, marker: 'R'.repeat(300) },
];

/**
 * The mock backend, with the first `times` answers of `target` replaced by `result`. The status
 * read asks the backend first and only replaces what it answers: the wizard opens with a status
 * read that is also its step-up check, which the backend refuses (403) until the emailed code
 * verifies, and a refusal is not a hostile value. So with a step-up to do the hostile value
 * answers the section's read after the gate; with a fresh one (`emailVerified`), the check itself.
 */
function createHostileAdapter(
  target: Method,
  result: unknown,
  phoneNumber: string | null,
  { times = 1, emailVerified = false }: { times?: number; emailVerified?: boolean } = {},
): TwoFactorAdapter {
  const inner = createMockAdapter({ code: CODE, phoneNumber, resendAfterSeconds: 0, recoveryCode: RECOVERY_CODE, emailVerified });
  let served = 0;
  const answer = <T,>(method: Method, proceed: () => Promise<T>): Promise<T> => {
    if (method !== target || served >= times) return proceed();
    served += 1;
    return Promise.resolve(result as T);
  };
  return {
    sendEmailCode: (request: AdapterRequest) => answer('sendEmailCode', () => inner.sendEmailCode(request)),
    verifyEmailCode: (request) => inner.verifyEmailCode(request),
    getTwoFactorStatus: (request) =>
      inner.getTwoFactorStatus(request).then((status) => answer('getTwoFactorStatus', () => Promise.resolve(status))),
    sendPhoneCode: (request) => answer('sendPhoneCode', () => inner.sendPhoneCode(request)),
    verifyPhoneCode: (request) => answer('verifyPhoneCode', () => inner.verifyPhoneCode(request)),
  };
}

type User = ReturnType<typeof userEvent.setup>;

function stepElement(): HTMLElement {
  const step = document.querySelector<HTMLElement>('.tfa-wizard__step');
  if (!step) throw new Error('The wizard rendered no step');
  return step;
}

async function paste(user: User, field: HTMLElement, text: string): Promise<void> {
  await user.click(field);
  await user.paste(text);
}

async function passGate(user: User): Promise<void> {
  await screen.findByText(en.emailGateSent(MASKED_EMAIL), { selector: '.tfa-lead' });
  await paste(user, screen.getByLabelText(en.emailCodeLabel), CODE);
  await user.click(screen.getByRole('button', { name: en.verify }));
  await screen.findByRole('heading', { name: en.sectionHeading });
}

/** Verifies the emailed code; what the section then shows is up to the test. */
async function passGateWithoutSection(user: User): Promise<void> {
  await paste(user, screen.getByLabelText(en.emailCodeLabel), CODE);
  await user.click(screen.getByRole('button', { name: en.verify }));
}

async function sendToNewNumber(user: User): Promise<void> {
  await user.click(await screen.findByRole('button', { name: en.edit }));
  await user.click(screen.getByRole('button', { name: en.addPhone }));
  await screen.findByRole('heading', { name: en.phoneEntryHeading });
  await paste(user, screen.getByLabelText(en.phoneLabel), '6502530000');
  await user.click(screen.getByRole('button', { name: en.sendSms }));
}

const SCENARIOS: Record<Method, { phoneNumber: string | null; start: (user: User) => Promise<void>; retry: (user: User) => Promise<void>; succeeded: () => Promise<unknown> }> = {
  sendEmailCode: {
    phoneNumber: null,
    start: async () => {},
    retry: async (user) => user.click(await screen.findByRole('button', { name: en.resend })),
    succeeded: () => screen.findByText(en.emailGateSent(MASKED_EMAIL), { selector: '.tfa-lead' }),
  },
  getTwoFactorStatus: {
    phoneNumber: '+14155550123',
    start: passGate,
    retry: async (user) => user.click(await screen.findByRole('button', { name: en.retry })),
    succeeded: () => screen.findByText('+1 ••• ••• 0123'),
  },
  sendPhoneCode: {
    phoneNumber: null,
    start: async (user) => {
      await passGate(user);
      await sendToNewNumber(user);
    },
    retry: (user) => user.click(screen.getByRole('button', { name: en.sendSms })),
    succeeded: () => screen.findByRole('heading', { name: en.codeVerificationHeading }),
  },
  verifyPhoneCode: {
    phoneNumber: null,
    start: async (user) => {
      await passGate(user);
      await sendToNewNumber(user);
      await screen.findByRole('heading', { name: en.codeVerificationHeading });
      await paste(user, screen.getByLabelText(en.phoneCodeLabel), CODE);
    },
    retry: (user) => user.click(screen.getByRole('button', { name: en.verify })),
    succeeded: () => screen.findByRole('heading', { name: en.recoveryHeading }),
  },
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('hostile backend data through the whole wizard', () => {
  for (const { method, label, result, marker } of HOSTILE) {
    it(`${method} answering with ${label}: shows the generic retryable error, then succeeds on retry`, async () => {
      const user = userEvent.setup({ delay: null });
      const scenario = SCENARIOS[method];
      const onError = vi.fn();
      render(
        <StrictMode>
          <TwoFactorPhoneWizard
            adapter={createHostileAdapter(method, result, scenario.phoneNumber)}
            defaultCountry="US"
            onComplete={() => {}}
            onError={onError}
          />
        </StrictMode>,
      );
      await scenario.start(user);

      await waitFor(() => expect(stepElement()).toHaveTextContent(en.errors.unknown));
      expect(onError).toHaveBeenLastCalledWith({ error: expect.objectContaining({ code: 'unknown' }) });
      // Nothing of the hostile value reached the page: no recovery step to "save" a blank code
      // from, no raw number in the copy, no oversized text.
      expect(screen.queryByRole('heading', { name: en.recoveryHeading })).toBeNull();
      if (marker !== undefined) expect(document.body.innerHTML).not.toContain(marker);

      await scenario.retry(user);
      await scenario.succeeded();
      expect(stepElement()).not.toHaveTextContent(en.errors.unknown);
    });
  }

  for (const { label, result, marker } of HOSTILE.filter((entry) => entry.method === 'getTwoFactorStatus')) {
    it(`getTwoFactorStatus answering the opening check (step-up still fresh) with ${label}: falls back to the email gate, then shows the generic retryable error, then succeeds on retry`, async () => {
      const user = userEvent.setup({ delay: null });
      const onError = vi.fn();
      render(
        <StrictMode>
          <TwoFactorPhoneWizard
            // A backend that answers the opening check and the read after the gate with the same value.
            adapter={createHostileAdapter('getTwoFactorStatus', result, '+14155550123', { times: 2, emailVerified: true })}
            defaultCountry="US"
            onComplete={() => {}}
            onError={onError}
          />
        </StrictMode>,
      );
      // An answer the wizard cannot use is no proof the step-up is fresh: the email code is the way in.
      await screen.findByText(en.emailGateSent(MASKED_EMAIL), { selector: '.tfa-lead' });
      expect(onError).toHaveBeenLastCalledWith({ error: expect.objectContaining({ code: 'unknown' }) });
      if (marker !== undefined) expect(document.body.innerHTML).not.toContain(marker);
      expect(screen.queryByRole('heading', { name: en.sectionHeading })).toBeNull();

      await passGateWithoutSection(user);
      await waitFor(() => expect(stepElement()).toHaveTextContent(en.errors.unknown));
      expect(onError).toHaveBeenCalledTimes(2);
      expect(onError).toHaveBeenLastCalledWith({ error: expect.objectContaining({ code: 'unknown' }) });
      if (marker !== undefined) expect(document.body.innerHTML).not.toContain(marker);

      await user.click(await screen.findByRole('button', { name: en.retry }));
      await screen.findByText('+1 ••• ••• 0123');
      expect(stepElement()).not.toHaveTextContent(en.errors.unknown);
    });
  }

  it('drops an absurd retry hint from a rate-limit error: the copy never shows 1e+21', async () => {
    const user = userEvent.setup({ delay: null });
    const inner = createMockAdapter({ code: CODE, phoneNumber: null, resendAfterSeconds: 0 });
    let refused = false;
    const adapter: TwoFactorAdapter = {
      ...inner,
      sendEmailCode: (request) => inner.sendEmailCode(request),
      verifyEmailCode: (request) => inner.verifyEmailCode(request),
      getTwoFactorStatus: (request) => inner.getTwoFactorStatus(request),
      verifyPhoneCode: (request) => inner.verifyPhoneCode(request),
      sendPhoneCode: (request) => {
        if (refused) return inner.sendPhoneCode(request);
        refused = true;
        return Promise.reject(new TwoFactorError('rate_limited', { retryAfterSeconds: 1e21, attemptsRemaining: 1e21 }));
      },
    };
    render(<TwoFactorPhoneWizard adapter={adapter} defaultCountry="US" onComplete={() => {}} />);
    await passGate(user);
    await sendToNewNumber(user);

    await waitFor(() => expect(stepElement()).toHaveTextContent(en.errors.rate_limited));
    expect(document.body.textContent).not.toMatch(/e\+21|Infinity|NaN/);
    // Without a believable wait the user may try again straight away.
    await user.click(screen.getByRole('button', { name: en.sendSms }));
    await screen.findByRole('heading', { name: en.codeVerificationHeading });
  });
});
