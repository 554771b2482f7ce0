import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SendPhoneCodeResult, VerifyPhoneCodeResult } from '../core/adapter';
import type { CodeEntryInit } from '../core/code-entry';
import { TwoFactorError } from '../core/errors';
import { createDeferredAdapter } from '../../test/deferred-adapter';
import { useCodeEntry } from './use-code-entry';

const PHONE = '+14155550123';

afterEach(() => {
  vi.useRealTimers();
});

function setup(init: Partial<CodeEntryInit> = {}, wrapper?: ({ children }: { children: ReactNode }) => ReactNode) {
  const fake = createDeferredAdapter();
  const onSent = vi.fn();
  const onVerified = vi.fn();
  const onVerifyingChange = vi.fn();
  const onError = vi.fn();
  const view = renderHook(
    () =>
      useCodeEntry<SendPhoneCodeResult, VerifyPhoneCodeResult>({
        init: { codeLength: 6, channel: 'sms', hasCode: true, autoSubmit: true, ...init },
        send: (channel, signal) =>
          fake.adapter.sendPhoneCode({ phoneNumber: PHONE, channel: channel === 'call' ? 'call' : 'sms', signal }),
        verify: (code, signal) => fake.adapter.verifyPhoneCode({ phoneNumber: PHONE, code, replacesCurrent: false, signal }),
        onSent,
        onVerified,
        onVerifyingChange,
        onError,
        inputName: 'phone-code',
      }),
    wrapper ? { wrapper } : undefined,
  );
  return { fake, onSent, onVerified, onVerifyingChange, onError, ...view };
}

describe('useCodeEntry', () => {
  it('starts one verify on the edit that completes the code, and reports it in flight synchronously', () => {
    const { fake, result, onVerifyingChange } = setup();
    act(() => result.current.fields.setCode('12345'));
    expect(fake.calls.verifyPhoneCode).toHaveLength(0);
    act(() => {
      result.current.fields.setCode('123456');
      // Same tick: the guard already knows.
      expect(result.current.isVerifyInFlight()).toBe(true);
      result.current.fields.verify();
    });
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    expect(fake.last('verifyPhoneCode').request).toMatchObject({ phoneNumber: PHONE, code: '123456' });
    expect(onVerifyingChange).toHaveBeenLastCalledWith(true);
  });

  it('keeps a code typed while a call is placed, so Verify sends it (the call’s answer does not wipe it)', async () => {
    const { fake, result } = setup({ autoSubmit: false });
    act(() => result.current.requestCode('call'));
    act(() => result.current.fields.setCode('12345'));
    await act(async () => fake.last('sendPhoneCode').resolve({ resendAfterSeconds: 30 }));
    expect(result.current.state.code).toBe('12345');
    expect(result.current.state.channel).toBe('call');
    act(() => result.current.fields.setCode('123456'));
    act(() => result.current.fields.verify());
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    expect(fake.last('verifyPhoneCode').request.code).toBe('123456');
  });

  it('clears an untouched old code when the new one arrives', async () => {
    const { fake, result } = setup({ autoSubmit: false });
    act(() => result.current.fields.setCode('999999'));
    act(() => result.current.requestCode('sms'));
    await act(async () => fake.last('sendPhoneCode').resolve({}));
    expect(result.current.state.code).toBe('');
  });

  it('verifies a code completed while a send is in flight, and keeps it when the send answers', async () => {
    const { fake, result, onVerified } = setup();
    act(() => result.current.requestCode('call'));
    act(() => result.current.fields.setCode('123456'));
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    await act(async () => fake.last('sendPhoneCode').resolve({}));
    expect(result.current.state.code).toBe('123456');
    await act(async () => fake.last('verifyPhoneCode').resolve({ recoveryCode: 'ABCD-EFGH' }));
    expect(onVerified).toHaveBeenCalledWith({ recoveryCode: 'ABCD-EFGH' });
  });

  it('asks for no new code while a verify is in flight, and delivers the verify’s answer', async () => {
    const { fake, result, onVerified, onVerifyingChange } = setup();
    act(() => result.current.fields.setCode('123456'));
    act(() => {
      result.current.requestCode('sms');
      result.current.requestCode('call');
    });
    expect(fake.calls.sendPhoneCode).toHaveLength(0);
    expect(fake.last('verifyPhoneCode').request.signal.aborted).toBe(false);
    await act(async () => fake.last('verifyPhoneCode').resolve({ recoveryCode: 'ABCD-EFGH' }));
    expect(onVerified).toHaveBeenCalledTimes(1);
    expect(result.current.state.phase).toBe('verified');
    expect(onVerifyingChange.mock.calls).toEqual([[true], [false]]);
  });

  it('locks after too_many_attempts: the field is disabled and a correct code typed then is never sent', async () => {
    const { fake, result } = setup();
    act(() => result.current.fields.setCode('111111'));
    await act(async () => fake.last('verifyPhoneCode').reject(new TwoFactorError('too_many_attempts')));
    expect(result.current.state.phase).toBe('locked');
    expect(result.current.fields.getCodeInputProps().disabled).toBe(true);
    act(() => result.current.fields.setCode('123456'));
    act(() => result.current.fields.verify());
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);

    act(() => result.current.requestCode('sms'));
    await act(async () => fake.last('sendPhoneCode').resolve({}));
    expect(result.current.state.phase).toBe('awaiting-code');
    act(() => result.current.fields.setCode('123456'));
    expect(fake.calls.verifyPhoneCode).toHaveLength(2);
  });

  it('counts the cooldown of the last delivery down by the wall clock, for every channel', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T12:00:00Z'));
    const { fake, result, onSent } = setup();
    act(() => result.current.requestCode('sms'));
    await act(async () => fake.last('sendPhoneCode').resolve({ resendAfterSeconds: 30 }));
    expect(onSent).toHaveBeenCalledTimes(1);
    expect(result.current.fields.resendSecondsRemaining).toBe(30);
    act(() => result.current.requestCode('call'));
    expect(fake.calls.sendPhoneCode).toHaveLength(1);

    // A throttled tab: the clock jumps, the countdown follows it at the next tick.
    vi.setSystemTime(new Date('2026-03-01T12:00:28Z'));
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current.fields.resendSecondsRemaining).toBe(1);
    vi.setSystemTime(new Date('2026-03-01T12:00:29Z'));
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current.fields.resendSecondsRemaining).toBe(0);
    act(() => result.current.requestCode('call'));
    expect(fake.last('sendPhoneCode').request.channel).toBe('call');
  });

  it('ends a send that never answers with `network` after the timeout, so it can be asked again', () => {
    vi.useFakeTimers();
    const { fake, result, onError } = setup();
    act(() => result.current.requestCode('sms'));
    act(() => vi.advanceTimersByTime(30_000));
    expect(result.current.state.delivery.status).toBe('failed');
    expect(result.current.state.error?.code).toBe('network');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'network' }));
    act(() => result.current.requestCode('sms'));
    expect(fake.calls.sendPhoneCode).toHaveLength(2);
  });

  it('drops answers that arrive after unmount', async () => {
    const { fake, result, unmount, onVerified, onSent } = setup();
    act(() => result.current.requestCode('call'));
    act(() => result.current.fields.setCode('123456'));
    unmount();
    expect(fake.last('verifyPhoneCode').request.signal.aborted).toBe(true);
    await act(async () => {
      fake.last('verifyPhoneCode').resolve({ recoveryCode: 'LATE' });
      fake.last('sendPhoneCode').resolve({});
    });
    expect(onVerified).not.toHaveBeenCalled();
    expect(onSent).not.toHaveBeenCalled();
  });

  it('makes one call per intent under StrictMode', () => {
    const { fake, result } = setup({}, ({ children }) => <StrictMode>{children}</StrictMode>);
    act(() => result.current.requestCode('sms'));
    act(() => result.current.fields.setCode('123456'));
    expect(fake.calls.sendPhoneCode).toHaveLength(1);
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
  });
});
