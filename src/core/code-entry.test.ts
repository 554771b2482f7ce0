import { describe, expect, it } from 'vitest';
import { canRequestCode, codeEntryTransition, createCodeEntryState } from './code-entry';
import type { CodeEntryEvent, CodeEntryState } from './code-entry';
import { TwoFactorError } from './errors';

const NOW = Date.parse('2026-03-01T12:00:00Z');

function start(overrides: Partial<Parameters<typeof createCodeEntryState>[0]> = {}): CodeEntryState {
  return createCodeEntryState({ codeLength: 6, channel: 'sms', hasCode: true, autoSubmit: false, ...overrides });
}

/** Applies events in order. */
function run(state: CodeEntryState, ...events: CodeEntryEvent[]): CodeEntryState {
  return events.reduce(codeEntryTransition, state);
}

const type = (value: string): CodeEntryEvent => ({ type: 'CODE.CHANGE', value });
const submit: CodeEntryEvent = { type: 'CODE.SUBMIT' };
const request = (channel: 'sms' | 'call' | 'email' = 'sms', now = NOW): CodeEntryEvent => ({
  type: 'DELIVERY.REQUEST',
  channel,
  now,
});

describe('code entry: awaiting-code', () => {
  it('starts with an empty code, no error, nothing in flight', () => {
    const state = start({ resendAt: NOW + 5000 });
    expect(state).toMatchObject({ phase: 'awaiting-code', code: '', error: null, verification: null, resendAt: NOW + 5000 });
    expect(state.delivery).toEqual({ status: 'idle', channel: 'sms', seq: 0 });
  });

  it('sanitises an edit and clears the field error and the last failure', () => {
    const failed = { ...start(), fieldError: 'incomplete' as const, error: new TwoFactorError('invalid_code') };
    const next = codeEntryTransition(failed, type('１２ 3-4'));
    expect(next).toMatchObject({ code: '1234', fieldError: null, error: null, edits: 1 });
  });

  it('returns the same state for an edit that changes nothing', () => {
    const state = run(start(), type('12'));
    expect(codeEntryTransition(state, type('1 2'))).toBe(state);
  });

  it('says an incomplete code is incomplete on submit, and starts nothing', () => {
    const next = run(start(), type('123'), submit);
    expect(next).toMatchObject({ phase: 'awaiting-code', fieldError: 'incomplete', verification: null });
  });

  it('starts a verify of the complete code on submit', () => {
    const next = run(start(), type('123456'), submit);
    expect(next.phase).toBe('verifying');
    expect(next.verification).toEqual({ seq: 1, code: '123456' });
  });

  it('auto-submits the edit that completes the code, only when configured', () => {
    expect(run(start({ autoSubmit: true }), type('123456')).phase).toBe('verifying');
    expect(run(start({ autoSubmit: false }), type('123456')).phase).toBe('awaiting-code');
  });

  it('does not auto-submit the code just rejected, but Verify still sends it', () => {
    let state = run(start({ autoSubmit: true }), type('123456'));
    state = run(state, { type: 'VERIFY.REJECTED', seq: 1, error: new TwoFactorError('invalid_code', { attemptsRemaining: 3 }) });
    expect(state).toMatchObject({ phase: 'awaiting-code', attemptsRemaining: 3, rejectedCode: '123456', code: '123456' });
    state = run(state, type('12345'), type('123456'));
    expect(state.phase).toBe('awaiting-code');
    expect(run(state, type('123450')).phase).toBe('verifying');
    expect(run(state, submit).phase).toBe('verifying');
  });

  it('starts a send on request, and not a second one while it is in flight', () => {
    const sending = run(start(), request('call'));
    expect(sending.delivery).toEqual({ status: 'sending', channel: 'call', seq: 1 });
    expect(codeEntryTransition(sending, request('sms'))).toBe(sending);
  });

  it('holds every channel to the cooldown of the last delivery', () => {
    const cooling = start({ resendAt: NOW + 30_000 });
    expect(codeEntryTransition(cooling, request('sms', NOW + 29_000))).toBe(cooling);
    expect(codeEntryTransition(cooling, request('call', NOW + 29_000))).toBe(cooling);
    expect(canRequestCode(cooling, NOW + 29_000)).toBe(false);
    expect(run(cooling, request('call', NOW + 30_000)).delivery.status).toBe('sending');
    expect(canRequestCode(cooling, NOW + 30_000)).toBe(true);
  });

  it('applies a send: new channel, length, cooldown; fresh attempts; a clean field when nothing was typed meanwhile', () => {
    let state = run(start(), type('999999'), submit, {
      type: 'VERIFY.REJECTED',
      seq: 1,
      error: new TwoFactorError('invalid_code', { attemptsRemaining: 2 }),
    });
    state = run(state, request('call'), { type: 'DELIVERY.SENT', seq: 1, codeLength: 8, resendAfterSeconds: 60, now: NOW });
    expect(state).toMatchObject({
      channel: 'call',
      codeLength: 8,
      code: '',
      attemptsRemaining: null,
      rejectedCode: null,
      error: null,
      hasCode: true,
      resendAt: NOW + 60_000,
    });
    expect(state.delivery).toEqual({ status: 'sent', channel: 'call', seq: 1 });
  });

  it('keeps a code typed while the send was in flight (the answer must not wipe it out)', () => {
    const state = run(start(), type('12'), request('call'), type('12345'), {
      type: 'DELIVERY.SENT',
      seq: 1,
      now: NOW,
    });
    expect(state.code).toBe('12345');
    expect(run(state, type('123456'), submit).verification).toEqual({ seq: 1, code: '123456' });
  });

  it('keeps the channel and sets the wait from a failed send', () => {
    const state = run(start(), request('call'), {
      type: 'DELIVERY.FAILED',
      seq: 1,
      error: new TwoFactorError('rate_limited', { retryAfterSeconds: 45 }),
      now: NOW,
    });
    expect(state).toMatchObject({ channel: 'sms', resendAt: NOW + 45_000 });
    expect(state.error?.code).toBe('rate_limited');
    expect(state.delivery.status).toBe('failed');
  });

  it('ends a send that was aborted without a message', () => {
    const state = run(start(), request(), { type: 'DELIVERY.ABORTED', seq: 1 });
    expect(state.delivery.status).toBe('idle');
    expect(state.error).toBeNull();
  });

  it('drops outcomes of anything but the call in flight', () => {
    const sending = run(start(), request());
    expect(codeEntryTransition(sending, { type: 'DELIVERY.SENT', seq: 2, now: NOW })).toBe(sending);
    expect(codeEntryTransition(sending, { type: 'DELIVERY.FAILED', seq: 0, error: new TwoFactorError('network'), now: NOW })).toBe(sending);
    expect(codeEntryTransition(sending, { type: 'DELIVERY.ABORTED', seq: 2 })).toBe(sending);
    const idle = start();
    expect(codeEntryTransition(idle, { type: 'VERIFY.ACCEPTED', seq: 1 })).toBe(idle);
    expect(codeEntryTransition(idle, { type: 'VERIFY.REJECTED', seq: 1, error: new TwoFactorError('invalid_code') })).toBe(idle);
    expect(codeEntryTransition(idle, { type: 'VERIFY.ABORTED', seq: 1 })).toBe(idle);
  });
});

describe('code entry: verifying', () => {
  const verifying = () => run(start(), type('123456'), submit);

  it('sends nothing more while a verify is in flight: no second verify, no new code', () => {
    const state = verifying();
    expect(codeEntryTransition(state, submit)).toBe(state);
    expect(codeEntryTransition(state, request('sms'))).toBe(state);
    expect(codeEntryTransition(state, request('call'))).toBe(state);
    expect(canRequestCode(state, NOW)).toBe(false);
  });

  it('lets the user edit meanwhile without starting anything', () => {
    const state = run(start({ autoSubmit: true }), type('123456'));
    const edited = run(state, type('654321'));
    expect(edited).toMatchObject({ phase: 'verifying', code: '654321', verification: { seq: 1, code: '123456' } });
  });

  it('ends verified when the verify is accepted', () => {
    const state = run(verifying(), { type: 'VERIFY.ACCEPTED', seq: 1 });
    expect(state).toMatchObject({ phase: 'verified', verification: null, error: null });
  });

  it('keeps the code and reports attempts when the verify is rejected', () => {
    const state = run(verifying(), {
      type: 'VERIFY.REJECTED',
      seq: 1,
      error: new TwoFactorError('invalid_code', { attemptsRemaining: 4 }),
    });
    expect(state).toMatchObject({ phase: 'awaiting-code', code: '123456', attemptsRemaining: 4 });
    expect(state.error?.code).toBe('invalid_code');
  });

  it('keeps the attempts count from before for a failure that does not give one', () => {
    const state = run(verifying(), { type: 'VERIFY.REJECTED', seq: 1, error: new TwoFactorError('network') });
    expect(state).toMatchObject({ phase: 'awaiting-code', attemptsRemaining: null, rejectedCode: null });
  });

  it('locks after too_many_attempts', () => {
    const state = run(verifying(), { type: 'VERIFY.REJECTED', seq: 1, error: new TwoFactorError('too_many_attempts') });
    expect(state).toMatchObject({ phase: 'locked', attemptsRemaining: 0, code: '123456' });
  });

  it('goes back to awaiting the code when the verify is aborted', () => {
    expect(run(verifying(), { type: 'VERIFY.ABORTED', seq: 1 })).toMatchObject({ phase: 'awaiting-code', verification: null });
  });

  it('drops a verify outcome with another sequence number', () => {
    const state = verifying();
    expect(codeEntryTransition(state, { type: 'VERIFY.ACCEPTED', seq: 2 })).toBe(state);
    expect(codeEntryTransition(state, { type: 'VERIFY.REJECTED', seq: 0, error: new TwoFactorError('invalid_code') })).toBe(state);
    expect(codeEntryTransition(state, { type: 'VERIFY.ABORTED', seq: 2 })).toBe(state);
  });

  it('takes the answer of a send asked for before the verify, keeping the code being checked', () => {
    const state = run(start(), request('call'), type('123456'), submit);
    expect(state.phase).toBe('verifying');
    const sent = run(state, { type: 'DELIVERY.SENT', seq: 1, resendAfterSeconds: 30, now: NOW });
    expect(sent).toMatchObject({ phase: 'verifying', code: '123456', channel: 'call', resendAt: NOW + 30_000 });
    const failed = run(state, { type: 'DELIVERY.FAILED', seq: 1, error: new TwoFactorError('network'), now: NOW });
    expect(failed).toMatchObject({ phase: 'verifying', error: null });
    expect(failed.delivery.status).toBe('failed');
    expect(run(state, { type: 'DELIVERY.ABORTED', seq: 1 }).delivery.status).toBe('idle');
  });
});

describe('code entry: locked', () => {
  const locked = () =>
    run(start(), type('111111'), submit, { type: 'VERIFY.REJECTED', seq: 1, error: new TwoFactorError('too_many_attempts') });

  it('never sends a code typed after the lockout, however correct', () => {
    const state = locked();
    expect(codeEntryTransition(state, type('123456'))).toBe(state);
    expect(codeEntryTransition(state, submit)).toBe(state);
  });

  it('unlocks with a new code, on a clean field with fresh attempts', () => {
    const state = run(locked(), request('sms'), { type: 'DELIVERY.SENT', seq: 1, now: NOW });
    expect(state).toMatchObject({ phase: 'awaiting-code', code: '', attemptsRemaining: null, error: null });
    expect(run(state, type('123456'), submit).phase).toBe('verifying');
  });

  it('stays locked when the new code cannot be sent, saying why', () => {
    const state = run(locked(), request('call'), {
      type: 'DELIVERY.FAILED',
      seq: 1,
      error: new TwoFactorError('rate_limited', { retryAfterSeconds: 20 }),
      now: NOW,
    });
    expect(state).toMatchObject({ phase: 'locked', resendAt: NOW + 20_000 });
    expect(state.error?.code).toBe('rate_limited');
    expect(run(state, request('call', NOW + 10_000))).toBe(state);
    expect(run(locked(), request(), { type: 'DELIVERY.ABORTED', seq: 1 })).toMatchObject({ phase: 'locked' });
  });

  it('ignores verify outcomes', () => {
    const state = locked();
    expect(codeEntryTransition(state, { type: 'VERIFY.ACCEPTED', seq: 1 })).toBe(state);
    expect(codeEntryTransition(state, { type: 'VERIFY.REJECTED', seq: 1, error: new TwoFactorError('invalid_code') })).toBe(state);
    expect(codeEntryTransition(state, { type: 'VERIFY.ABORTED', seq: 1 })).toBe(state);
  });
});

describe('code entry: verified', () => {
  it('is final: no event changes it', () => {
    const state = run(start(), type('123456'), submit, { type: 'VERIFY.ACCEPTED', seq: 1 });
    const events: CodeEntryEvent[] = [
      type('1'),
      submit,
      request(),
      { type: 'DELIVERY.SENT', seq: 1, now: NOW },
      { type: 'DELIVERY.FAILED', seq: 1, error: new TwoFactorError('network'), now: NOW },
      { type: 'DELIVERY.ABORTED', seq: 1 },
      { type: 'VERIFY.ACCEPTED', seq: 1 },
      { type: 'VERIFY.REJECTED', seq: 1, error: new TwoFactorError('invalid_code') },
      { type: 'VERIFY.ABORTED', seq: 1 },
    ];
    for (const event of events) expect(codeEntryTransition(state, event)).toBe(state);
  });

  it('leaves the state alone for an unknown event from untyped code', () => {
    const state = start();
    expect(codeEntryTransition(state, { type: 'NOPE' } as unknown as CodeEntryEvent)).toBe(state);
  });
});

describe('code entry: before the first code', () => {
  it('knows no code was delivered until the first send succeeds', () => {
    let state = createCodeEntryState({ codeLength: 6, channel: 'email', hasCode: false });
    state = run(state, request('email'));
    expect(state).toMatchObject({ hasCode: false, delivery: { status: 'sending', seq: 1 } });
    const failed = run(state, { type: 'DELIVERY.FAILED', seq: 1, error: new TwoFactorError('network'), now: NOW });
    expect(failed).toMatchObject({ hasCode: false, delivery: { status: 'failed' } });
    const sent = run(state, { type: 'DELIVERY.SENT', seq: 1, codeLength: 4, now: NOW });
    expect(sent).toMatchObject({ hasCode: true, codeLength: 4, resendAt: null });
  });

  it('ignores a code length the backend gave that is not a whole number from 1 to 20', () => {
    for (const codeLength of [0, 21, 6.5, Number.NaN]) {
      const state = run(start(), request(), { type: 'DELIVERY.SENT', seq: 1, codeLength, now: NOW });
      expect(state.codeLength).toBe(6);
    }
  });
});
