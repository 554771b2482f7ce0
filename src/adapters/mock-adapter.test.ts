import { afterEach, describe, expect, it, vi } from 'vitest';
import { TwoFactorError } from '../core/errors';
import { createMockAdapter } from './mock-adapter';
import type { MockInboxChange } from './mock-adapter';

function signal(): AbortSignal {
  return new AbortController().signal;
}

/** Awaits a promise that must reject, and returns what it rejected with. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (thrown) {
    return thrown;
  }
  throw new Error('expected the promise to reject');
}

async function errorOf(promise: Promise<unknown>): Promise<TwoFactorError> {
  const thrown = await rejectionOf(promise);
  expect(thrown).toBeInstanceOf(TwoFactorError);
  return thrown as TwoFactorError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createMockAdapter', () => {
  it('walks the whole flow: email gate, status, reset, new phone, recovery code, disable', async () => {
    const adapter = createMockAdapter({ code: '246810', canDisable: true, recoveryCode: 'ABCD-EFGH-JKMN-PQRS' });

    const sent = await adapter.sendEmailCode({ signal: signal() });
    expect(sent.maskedEmail).not.toContain('jane.doe');
    expect(sent.maskedEmail).toMatch(/@example\.com$/);
    expect(sent).toMatchObject({ resendAfterSeconds: 30, codeLength: 6 });

    await adapter.verifyEmailCode({ signal: signal(), code: '246810' });
    expect(adapter.getState().emailVerified).toBe(true);

    const before = await adapter.getTwoFactorStatus({ signal: signal() });
    expect(before.canDisable).toBe(true);
    expect(before.phone?.maskedNumber).toMatch(/0123$/);
    expect(before.phone?.maskedNumber).not.toContain('415555');

    // resetTiming="immediate": the old phone is removed first, then a first phone is added.
    await adapter.resetPhone!({ signal: signal() });
    expect(await adapter.getTwoFactorStatus({ signal: signal() })).toEqual({ phone: null, canDisable: true });
    expect(adapter.getState().twoFactorEnabled).toBe(false);

    await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+447700900123', channel: 'sms' });
    const verified = await adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: false, phoneNumber: '+447700900123', code: '246810' });
    expect(verified).toEqual({ recoveryCode: 'ABCD-EFGH-JKMN-PQRS' });
    expect(adapter.getState()).toMatchObject({ phoneNumber: '+447700900123', twoFactorEnabled: true });

    await adapter.disableTwoFactor?.({ signal: signal() });
    expect(adapter.getState()).toMatchObject({ phoneNumber: null, twoFactorEnabled: false });

    expect(adapter.calls).toEqual([
      'sendEmailCode',
      'verifyEmailCode',
      'getTwoFactorStatus',
      'resetPhone',
      'getTwoFactorStatus',
      'sendPhoneCode',
      'verifyPhoneCode',
      'disableTwoFactor',
    ]);
  });

  it('makes random codes of the configured length and readable recovery codes when none are fixed', async () => {
    const adapter = createMockAdapter({ codeLength: 8, emailVerified: true, phoneNumber: null });
    const sent = await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' });
    expect(sent.codeLength).toBe(8);
    const code = adapter.messages[0]?.code ?? '';
    expect(code).toMatch(/^\d{8}$/);

    const { recoveryCode } = await adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: false, phoneNumber: '+14155550199', code });
    expect(recoveryCode).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
  });

  it('refuses everything past the email gate until the emailed code verifies', async () => {
    const adapter = createMockAdapter({ code: '123456', canDisable: true });
    for (const attempt of [
      adapter.getTwoFactorStatus({ signal: signal() }),
      adapter.resetPhone!({ signal: signal() }),
      adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' }),
      adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: false, phoneNumber: '+14155550199', code: '123456' }),
      adapter.disableTwoFactor?.({ signal: signal() }) ?? Promise.resolve(),
    ]) {
      expect((await errorOf(attempt)).code).toBe('reverification_required');
    }
    expect(adapter.getState()).toMatchObject({ phoneNumber: '+14155550123', emailVerified: false });
  });

  it('counts wrong codes down with attemptsRemaining, then locks the code with too_many_attempts', async () => {
    const adapter = createMockAdapter({ code: '123456', maxAttempts: 3 });
    await adapter.sendEmailCode({ signal: signal() });

    const first = await errorOf(adapter.verifyEmailCode({ signal: signal(), code: '000000' }));
    expect(first).toMatchObject({ code: 'invalid_code', attemptsRemaining: 2 });
    const second = await errorOf(adapter.verifyEmailCode({ signal: signal(), code: '000001' }));
    expect(second).toMatchObject({ code: 'invalid_code', attemptsRemaining: 1 });
    const third = await errorOf(adapter.verifyEmailCode({ signal: signal(), code: '000002' }));
    expect(third.code).toBe('too_many_attempts');

    // The right code no longer helps once the code is locked.
    const locked = await errorOf(adapter.verifyEmailCode({ signal: signal(), code: '123456' }));
    expect(locked.code).toBe('too_many_attempts');
    expect(adapter.getState().emailVerified).toBe(false);
  });

  it('rejects a code after codeTtlSeconds with expired_code, and a code never sent too', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
    const adapter = createMockAdapter({ code: '123456', codeTtlSeconds: 60 });

    expect((await errorOf(adapter.verifyEmailCode({ signal: signal(), code: '123456' }))).code).toBe('expired_code');

    await adapter.sendEmailCode({ signal: signal() });
    vi.setSystemTime(new Date('2026-01-01T10:01:00Z'));
    expect((await errorOf(adapter.verifyEmailCode({ signal: signal(), code: '123456' }))).code).toBe('expired_code');
    expect(adapter.getState().emailVerified).toBe(false);
  });

  it('rate-limits a resend before resendAfterSeconds with the seconds left, and allows it after', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
    const adapter = createMockAdapter({ code: '123456', emailVerified: true, resendAfterSeconds: 30 });
    const request = { phoneNumber: '+14155550199', channel: 'sms' as const };

    await adapter.sendPhoneCode({ signal: signal(), ...request });
    vi.setSystemTime(new Date('2026-01-01T10:00:10.500Z'));
    const limited = await errorOf(adapter.sendPhoneCode({ signal: signal(), ...request }));
    expect(limited).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 20 });

    // Another number, or the other channel, is another destination: no cooldown for it.
    await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550100', channel: 'sms' });
    await adapter.sendPhoneCode({ signal: signal(), ...request, channel: 'call' });
    expect(await errorOf(adapter.sendPhoneCode({ signal: signal(), ...request, channel: 'call' }))).toMatchObject({
      code: 'rate_limited',
    });

    vi.setSystemTime(new Date('2026-01-01T10:00:30Z'));
    await adapter.sendPhoneCode({ signal: signal(), ...request });
    expect(adapter.messages.map((message) => message.kind)).toEqual(['sms', 'sms', 'call', 'sms']);
  });

  it('rate-limits email resends the same way', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
    const adapter = createMockAdapter({ resendAfterSeconds: 45 });
    await adapter.sendEmailCode({ signal: signal() });
    const limited = await errorOf(adapter.sendEmailCode({ signal: signal() }));
    expect(limited).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 45 });
    expect(adapter.messages).toHaveLength(1);
  });

  it('verifies a phone code only for the number it was sent to', async () => {
    const adapter = createMockAdapter({ code: '123456', emailVerified: true, phoneNumber: null });
    await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' });

    const other = await errorOf(
      adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: false, phoneNumber: '+14155550100', code: '123456' }),
    );
    expect(other.code).toBe('expired_code');
    expect(adapter.getState().phoneNumber).toBeNull();

    await adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: false, phoneNumber: '+14155550199', code: '123456' });
    expect(adapter.getState().phoneNumber).toBe('+14155550199');
  });

  it('replaces the pending phone code when a code goes to another number', async () => {
    const adapter = createMockAdapter({ emailVerified: true, phoneNumber: null });
    await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' });
    const firstCode = adapter.messages[0]?.code ?? '';
    await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550100', channel: 'sms' });

    const stale = await errorOf(
      adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: false, phoneNumber: '+14155550199', code: firstCode }),
    );
    expect(stale.code).toBe('expired_code');
  });

  it('refuses a number that is not E.164 with invalid_phone_number and sends nothing', async () => {
    const adapter = createMockAdapter({ emailVerified: true });
    const error = await errorOf(adapter.sendPhoneCode({ signal: signal(), phoneNumber: '4155550199', channel: 'sms' }));
    expect(error.code).toBe('invalid_phone_number');
    expect(adapter.messages).toEqual([]);
  });

  it('plays scripted failures once each, in order, then behaves normally', async () => {
    const adapter = createMockAdapter({
      emailVerified: true,
      failures: {
        sendPhoneCode: [
          new TwoFactorError('rate_limited', { retryAfterSeconds: 30 }),
          undefined,
          new TwoFactorError('unsupported_phone_number'),
        ],
      },
    });
    const request = { phoneNumber: '+14155550199', channel: 'sms' as const };

    expect(await errorOf(adapter.sendPhoneCode({ signal: signal(), ...request }))).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 30,
    });
    await adapter.sendPhoneCode({ signal: signal(), ...request });
    expect((await errorOf(adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550100', channel: 'sms' }))).code).toBe(
      'unsupported_phone_number',
    );
    await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550111', channel: 'sms' });
    expect(adapter.messages.map((message) => message.to)).toEqual(['+14155550199', '+14155550111']);
  });

  it('asks a scripted failure function on every call with the request', async () => {
    const adapter = createMockAdapter({
      emailVerified: true,
      failures: {
        sendPhoneCode: (request) =>
          request.phoneNumber.startsWith('+1415555') ? new TwoFactorError('unsupported_phone_number') : undefined,
      },
    });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await errorOf(adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' }));
      expect(error.code).toBe('unsupported_phone_number');
    }
    await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+447700900123', channel: 'sms' });
    expect(adapter.messages).toHaveLength(1);
  });

  it('rejects with an AbortError when aborted during latency and changes nothing', async () => {
    vi.useFakeTimers();
    const adapter = createMockAdapter({ latencyMs: 1000, emailVerified: true });
    const controller = new AbortController();
    const pending = rejectionOf(adapter.resetPhone!({ signal: controller.signal }));

    await vi.advanceTimersByTimeAsync(400);
    controller.abort();
    const thrown = await pending;
    expect(thrown).toBeInstanceOf(DOMException);
    expect((thrown as DOMException).name).toBe('AbortError');

    await vi.advanceTimersByTimeAsync(1000);
    expect(adapter.getState().phoneNumber).toBe('+14155550123');
  });

  it('rejects at once with an AbortError when the signal is already aborted', async () => {
    const adapter = createMockAdapter({ latencyMs: 10_000 });
    const controller = new AbortController();
    controller.abort();
    const thrown = await rejectionOf(adapter.sendEmailCode({ signal: controller.signal }));
    expect((thrown as DOMException).name).toBe('AbortError');
    expect(adapter.messages).toEqual([]);
  });

  it('answers only after latencyMs', async () => {
    vi.useFakeTimers();
    const adapter = createMockAdapter({ latencyMs: 500, emailVerified: true });
    let settled = false;
    const pending = adapter.getTwoFactorStatus({ signal: signal() }).then((status) => {
      settled = true;
      return status;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).phone).not.toBeNull();
  });

  it('records every message with its code and tells subscribers, until they unsubscribe', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
    const adapter = createMockAdapter({ code: '314159', email: 'sam@example.org', phoneNumber: null });
    const changes: MockInboxChange[] = [];
    const unsubscribe = adapter.subscribe((change) => changes.push(change));

    await adapter.sendEmailCode({ signal: signal() });
    await adapter.verifyEmailCode({ signal: signal(), code: '314159' });
    await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'call' });

    expect(adapter.messages).toHaveLength(2);
    const [emailMessage, callMessage] = adapter.messages;
    expect(emailMessage).toMatchObject({ id: 'msg-1', kind: 'email', code: '314159', sentAt: Date.parse('2026-01-01T10:00:00Z') });
    expect(emailMessage?.to).toMatch(/@example\.org$/);
    expect(emailMessage?.to).not.toContain('sam');
    expect(emailMessage?.text).toContain('314159');
    expect(callMessage).toMatchObject({ id: 'msg-2', kind: 'call', to: '+14155550199', code: '314159' });
    expect(callMessage?.text).toContain('3, 1, 4, 1, 5, 9');

    expect(changes.map((change) => change.message?.id)).toEqual(['msg-1', 'msg-2']);
    expect(changes[1]?.messages).toBe(adapter.messages);

    unsubscribe();
    vi.setSystemTime(new Date('2026-01-01T10:05:00Z'));
    await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' });
    expect(adapter.messages).toHaveLength(3);
    expect(changes).toHaveLength(2);
  });

  it('keeps the messages array stable between changes, as useSyncExternalStore needs', async () => {
    const adapter = createMockAdapter();
    const empty = adapter.messages;
    expect(adapter.messages).toBe(empty);
    await adapter.sendEmailCode({ signal: signal() });
    expect(adapter.messages).not.toBe(empty);
    expect(empty).toEqual([]);
  });

  it('keeps the calls log free of codes and phone numbers', async () => {
    const adapter = createMockAdapter({ code: '123456', emailVerified: true });
    await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' });
    await adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: true, phoneNumber: '+14155550199', code: '123456' });
    expect(adapter.getState().phoneNumber).toBe('+14155550199');
    expect(JSON.stringify(adapter.calls)).not.toMatch(/123456|4155550199/);
  });

  it('has no disableTwoFactor when supportsDisable is false, and refuses to disable when canDisable is false', async () => {
    expect(createMockAdapter({ supportsDisable: false }).disableTwoFactor).toBeUndefined();

    const paid = createMockAdapter({ emailVerified: true, canDisable: false });
    const error = await errorOf(paid.disableTwoFactor?.({ signal: signal() }) ?? Promise.resolve());
    expect(error.code).toBe('unknown');
    expect(paid.getState().twoFactorEnabled).toBe(true);
  });

  it('starts with no phone when phoneNumber is null', async () => {
    const adapter = createMockAdapter({ phoneNumber: null, emailVerified: true });
    expect(await adapter.getTwoFactorStatus({ signal: signal() })).toEqual({ phone: null, canDisable: false });
  });

  it('reset() restores the initial state, clears messages and calls, refills failure queues and tells subscribers', async () => {
    const adapter = createMockAdapter({
      code: '123456',
      failures: { getTwoFactorStatus: [new TwoFactorError('network')] },
    });
    const changes: MockInboxChange[] = [];
    adapter.subscribe((change) => changes.push(change));
    await adapter.sendEmailCode({ signal: signal() });
    await adapter.verifyEmailCode({ signal: signal(), code: '123456' });
    expect((await errorOf(adapter.getTwoFactorStatus({ signal: signal() }))).code).toBe('network');
    await adapter.resetPhone!({ signal: signal() });

    adapter.reset();

    expect(adapter.getState()).toEqual({
      phoneNumber: '+14155550123',
      twoFactorEnabled: true,
      emailVerified: false,
      canDisable: false,
    });
    expect(adapter.messages).toEqual([]);
    expect(adapter.calls).toEqual([]);
    expect(changes.at(-1)).toEqual({ message: null, messages: [] });

    // The resend cooldown is gone and the scripted failure plays again.
    await adapter.sendEmailCode({ signal: signal() });
    expect(adapter.messages[0]?.id).toBe('msg-1');
    await adapter.verifyEmailCode({ signal: signal(), code: '123456' });
    expect((await errorOf(adapter.getTwoFactorStatus({ signal: signal() }))).code).toBe('network');
  });

  describe('swap on verify', () => {
    it('keeps the old phone until the new number verifies with replacesCurrent, then swaps in one step', async () => {
      const adapter = createMockAdapter({ code: '123456', emailVerified: true, recoveryCode: 'NEW1-NEW2-NEW3-NEW4' });
      await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' });
      // Sending, and a wrong code, leave the account as it was.
      await errorOf(adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: true, phoneNumber: '+14155550199', code: '000000' }));
      expect(adapter.getState()).toMatchObject({ phoneNumber: '+14155550123', twoFactorEnabled: true });

      const verified = await adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: true, phoneNumber: '+14155550199', code: '123456' });
      expect(verified).toEqual({ recoveryCode: 'NEW1-NEW2-NEW3-NEW4' });
      expect(adapter.getState()).toMatchObject({ phoneNumber: '+14155550199', twoFactorEnabled: true });
      expect(adapter.calls).not.toContain('resetPhone');
    });

    it('refuses replacesCurrent: false while the account has a phone, and changes nothing', async () => {
      const adapter = createMockAdapter({ code: '123456', emailVerified: true });
      await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' });
      const refused = await errorOf(
        adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: false, phoneNumber: '+14155550199', code: '123456' }),
      );
      expect(refused.code).toBe('unknown');
      expect(adapter.getState().phoneNumber).toBe('+14155550123');
      // The code was not used up by the refusal: the swap still works.
      await adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: true, phoneNumber: '+14155550199', code: '123456' });
      expect(adapter.getState().phoneNumber).toBe('+14155550199');
    });

    it('answers a repeated verify with the same recovery code until it is acknowledged', async () => {
      const adapter = createMockAdapter({ code: '123456', emailVerified: true });
      await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' });
      const request = { replacesCurrent: true, phoneNumber: '+14155550199', code: '123456' };
      const first = await adapter.verifyPhoneCode({ signal: signal(), ...request });
      // The answer was lost on the way; the client asks again.
      const again = await adapter.verifyPhoneCode({ signal: signal(), ...request });
      expect(again.recoveryCode).toBe(first.recoveryCode);
      // Another code for the same number is not a replay.
      expect((await errorOf(adapter.verifyPhoneCode({ signal: signal(), ...request, code: '654321' }))).code).toBe('expired_code');

      await adapter.acknowledgeRecoveryCode?.({ signal: signal() });
      const afterAck = await errorOf(adapter.verifyPhoneCode({ signal: signal(), ...request }));
      expect(afterAck.code).toBe('expired_code');
      expect(adapter.getState().phoneNumber).toBe('+14155550199');
    });

    it('stops replaying after 15 minutes', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        const adapter = createMockAdapter({ code: '123456', emailVerified: true, phoneNumber: null });
        await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' });
        const request = { replacesCurrent: false, phoneNumber: '+14155550199', code: '123456' };
        await adapter.verifyPhoneCode({ signal: signal(), ...request });
        vi.setSystemTime(Date.now() + 15 * 60 * 1000 - 1);
        await adapter.verifyPhoneCode({ signal: signal(), ...request, replacesCurrent: true });
        vi.setSystemTime(Date.now() + 2);
        expect((await errorOf(adapter.verifyPhoneCode({ signal: signal(), ...request, replacesCurrent: true }))).code).toBe('expired_code');
      } finally {
        vi.useRealTimers();
      }
    });

    it('keeps the old phone when the flow is abandoned after a code went to the new number', async () => {
      const adapter = createMockAdapter({ code: '123456', emailVerified: true });
      await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'call' });
      expect(await adapter.getTwoFactorStatus({ signal: signal() })).toMatchObject({ phone: { maskedNumber: expect.stringMatching(/0123$/) } });
    });
  });
});
