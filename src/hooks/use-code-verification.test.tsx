import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TwoFactorError } from '../core/errors';
import { createDeferredAdapter } from '../../test/deferred-adapter';
import { useCodeVerification } from './use-code-verification';
import type { UseCodeVerificationOptions } from './types';

const PHONE = '+14155550123';

afterEach(() => {
  vi.useRealTimers();
});

function CodeForm(props: UseCodeVerificationOptions) {
  const verification = useCodeVerification(props);
  return (
    <form {...verification.getFormProps()} aria-label="Phone code">
      <label htmlFor="code">Code</label>
      <input id="code" {...verification.getCodeInputProps()} />
      <button type="submit">Verify</button>
    </form>
  );
}

describe('useCodeVerification', () => {
  it('makes one verify call when the form is submitted twice', () => {
    const fake = createDeferredAdapter();
    render(<CodeForm adapter={fake.adapter} phoneNumber={PHONE} autoSubmit={false} />);
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '123456' } });
    const form = screen.getByRole('form', { name: 'Phone code' });
    fireEvent.submit(form);
    fireEvent.submit(form);
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    expect(fake.last('verifyPhoneCode').request).toMatchObject({ phoneNumber: PHONE, code: '123456' });
  });

  it('auto-submits when the code reaches its length, through the same single-flight guard', () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE }));
    act(() => result.current.setCode('12345'));
    expect(fake.calls.verifyPhoneCode).toHaveLength(0);
    act(() => result.current.setCode('123456'));
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    expect(result.current.status).toBe('verifying');

    // A click on Verify racing the auto-submit makes no second call.
    act(() => result.current.verify());
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
  });

  it('auto-submits a pasted whole code with separators', () => {
    const fake = createDeferredAdapter();
    render(<CodeForm adapter={fake.adapter} phoneNumber={PHONE} codeLength={6} />);
    fireEvent.paste(screen.getByLabelText('Code'), { clipboardData: { getData: () => '123 456' } });
    expect(screen.getByLabelText('Code')).toHaveValue('123456');
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
  });

  it('keeps the typed code when verifying fails and reports the attempts left', async () => {
    const fake = createDeferredAdapter();
    const onVerified = vi.fn();
    const { result } = renderHook(() =>
      useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE, onVerified }),
    );
    act(() => result.current.setCode('999999'));
    await act(async () =>
      fake.last('verifyPhoneCode').reject(new TwoFactorError('invalid_code', { attemptsRemaining: 2 })),
    );
    expect(result.current.code).toBe('999999');
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('invalid_code');
    expect(result.current.attemptsRemaining).toBe(2);
    expect(onVerified).not.toHaveBeenCalled();
  });

  it('does not auto-submit again while a failed full code stays untouched', async () => {
    const fake = createDeferredAdapter();
    const { result, rerender } = renderHook(() => useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE }));
    act(() => result.current.setCode('999999'));
    await act(async () => fake.last('verifyPhoneCode').reject(new TwoFactorError('invalid_code')));
    rerender();
    act(() => result.current.setCode('999999'));
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    // Fixing one digit is a new completion.
    act(() => result.current.setCode('99999'));
    act(() => result.current.setCode('999998'));
    expect(fake.calls.verifyPhoneCode).toHaveLength(2);
  });

  it('auto-submits a new whole code pasted over a rejected one', async () => {
    const fake = createDeferredAdapter();
    render(<CodeForm adapter={fake.adapter} phoneNumber={PHONE} />);
    const input = screen.getByLabelText('Code') as HTMLInputElement;
    fireEvent.paste(input, { clipboardData: { getData: () => '999999' } });
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    await act(async () => fake.last('verifyPhoneCode').reject(new TwoFactorError('invalid_code')));
    expect(input).toHaveValue('999999');

    // Select all, paste the right code: the field never passes through a shorter value.
    input.setSelectionRange(0, input.value.length);
    fireEvent.paste(input, { clipboardData: { getData: () => '123 456' } });
    expect(input).toHaveValue('123456');
    expect(fake.calls.verifyPhoneCode).toHaveLength(2);
    expect(fake.last('verifyPhoneCode').request.code).toBe('123456');
  });

  it('auto-submits when one digit of a rejected code is typed over', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE }));
    act(() => result.current.setCode('123450'));
    await act(async () => fake.last('verifyPhoneCode').reject(new TwoFactorError('invalid_code')));
    // The last digit selected and typed over: full length before and after.
    act(() => result.current.setCode('123456'));
    expect(fake.calls.verifyPhoneCode).toHaveLength(2);
    expect(fake.last('verifyPhoneCode').request.code).toBe('123456');
  });

  it('never sends the code being verified again, nor an edit of it, while that verify is in flight', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE }));
    act(() => result.current.setCode('123456'));
    act(() => result.current.setCode('123457'));
    act(() => result.current.setCode('123456'));
    act(() => result.current.verify());
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    expect(result.current.fieldError).toBeNull();
    await act(async () => fake.last('verifyPhoneCode').resolve({ recoveryCode: 'ABCD-EFGH' }));
    expect(result.current.status).toBe('verified');
  });

  it('says an incomplete code is incomplete on Verify, without a call, until the code changes', () => {
    const fake = createDeferredAdapter();
    render(<CodeForm adapter={fake.adapter} phoneNumber={PHONE} />);
    const input = screen.getByLabelText('Code');
    const form = screen.getByRole('form', { name: 'Phone code' });
    fireEvent.change(input, { target: { value: '12345' } });
    fireEvent.submit(form);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(fake.calls.verifyPhoneCode).toHaveLength(0);

    fireEvent.change(input, { target: { value: '1234' } });
    expect(input).toHaveAttribute('aria-invalid', 'false');
    fireEvent.submit(form);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    // Completing the code clears it and verifies by itself.
    fireEvent.change(input, { target: { value: '123456' } });
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
  });

  it('exposes the incomplete code as fieldError, never as an adapter error', () => {
    const fake = createDeferredAdapter();
    const onError = vi.fn();
    const { result } = renderHook(() => useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE, onError }));
    act(() => result.current.verify());
    expect(result.current.fieldError).toBe('incomplete');
    expect(result.current.error).toBeNull();
    expect(result.current.status).toBe('awaiting-code');
    expect(onError).not.toHaveBeenCalled();
  });

  it('hands the recovery code to onVerified', async () => {
    const fake = createDeferredAdapter();
    const onVerified = vi.fn();
    const { result } = renderHook(() =>
      useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE, onVerified }),
    );
    act(() => result.current.setCode('123456'));
    await act(async () => fake.last('verifyPhoneCode').resolve({ recoveryCode: 'ABCD-EFGH' }));
    expect(result.current.status).toBe('verified');
    expect(onVerified).toHaveBeenCalledWith({ recoveryCode: 'ABCD-EFGH' });
  });

  it('keeps a verify in flight when Resend, a call or Change number is asked for, and delivers its answer', async () => {
    const fake = createDeferredAdapter();
    const onVerified = vi.fn();
    const onChangeNumber = vi.fn();
    const { result } = renderHook(() =>
      useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE, onVerified, onChangeNumber }),
    );
    act(() => result.current.setCode('123456'));
    const verify = fake.last('verifyPhoneCode');
    expect(result.current.isVerifying).toBe(true);
    expect(result.current.canResend).toBe(false);
    act(() => {
      result.current.resend();
      result.current.switchChannel('call');
      result.current.changeNumber();
    });
    expect(verify.request.signal.aborted).toBe(false);
    expect(fake.calls.sendPhoneCode).toHaveLength(0);
    expect(onChangeNumber).not.toHaveBeenCalled();
    expect(result.current.status).toBe('verifying');

    await act(async () => verify.resolve({ recoveryCode: 'ABCD-EFGH' }));
    expect(onVerified).toHaveBeenCalledWith({ recoveryCode: 'ABCD-EFGH' });
    expect(result.current.status).toBe('verified');
  });

  it('reports a verify in flight through isVerifying and onVerifyingChange', async () => {
    const fake = createDeferredAdapter();
    const onVerifyingChange = vi.fn();
    const { result } = renderHook(() =>
      useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE, onVerifyingChange }),
    );
    expect(result.current.isVerifying).toBe(false);
    expect(onVerifyingChange).not.toHaveBeenCalled();
    act(() => result.current.setCode('123456'));
    expect(result.current.isVerifying).toBe(true);
    expect(onVerifyingChange).toHaveBeenLastCalledWith({ verifying: true });
    await act(async () => fake.last('verifyPhoneCode').reject(new TwoFactorError('invalid_code')));
    expect(result.current.isVerifying).toBe(false);
    expect(onVerifyingChange).toHaveBeenLastCalledWith({ verifying: false });
    expect(onVerifyingChange).toHaveBeenCalledTimes(2);
  });

  it('changes nothing when the verify answer arrives after unmount', async () => {
    const fake = createDeferredAdapter();
    const onVerified = vi.fn();
    const { result, unmount } = renderHook(() =>
      useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE, onVerified }),
    );
    act(() => result.current.setCode('123456'));
    const verify = fake.last('verifyPhoneCode');
    unmount();
    expect(verify.request.signal.aborted).toBe(true);
    await act(async () => verify.resolve({ recoveryCode: 'LATE' }));
    expect(onVerified).not.toHaveBeenCalled();
  });

  it('ends a verify that never answers after timeoutMs with `network`, keeping the code', () => {
    vi.useFakeTimers();
    const fake = createDeferredAdapter();
    const { result } = renderHook(() =>
      useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE, timeoutMs: 10_000 }),
    );
    act(() => result.current.setCode('123456'));
    expect(result.current.status).toBe('verifying');
    act(() => vi.advanceTimersByTime(10_000));
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('network');
    expect(result.current.code).toBe('123456');
    expect(fake.last('verifyPhoneCode').request.signal.aborted).toBe(true);
  });

  it('holds resend to the cooldown from resendAfterSeconds, by the wall clock', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T12:00:00Z'));
    const fake = createDeferredAdapter();
    const { result } = renderHook(() =>
      useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE, resendAfterSeconds: 30 }),
    );
    expect(result.current.resendSecondsRemaining).toBe(30);
    act(() => result.current.resend());
    expect(fake.calls.sendPhoneCode).toHaveLength(0);

    vi.setSystemTime(new Date('2026-03-01T12:00:20Z'));
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current.resendSecondsRemaining).toBe(9);

    vi.setSystemTime(new Date('2026-03-01T12:00:31Z'));
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current.resendSecondsRemaining).toBe(0);
    act(() => result.current.resend());
    expect(fake.calls.sendPhoneCode).toHaveLength(1);
    expect(fake.last('sendPhoneCode').request).toMatchObject({ phoneNumber: PHONE, channel: 'sms' });
  });

  it('takes the cooldown from resendAt when given, so a remount does not restart it', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T12:00:00Z'));
    const fake = createDeferredAdapter();
    const { result } = renderHook(() =>
      useCodeVerification({
        adapter: fake.adapter,
        phoneNumber: PHONE,
        resendAfterSeconds: 30,
        resendAt: Date.parse('2026-03-01T12:00:05Z'),
      }),
    );
    expect(result.current.resendSecondsRemaining).toBe(5);
  });

  it('seeds the countdown from a rate limit on resend', async () => {
    vi.useFakeTimers();
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE }));
    act(() => result.current.resend());
    await act(async () =>
      fake.last('sendPhoneCode').reject(new TwoFactorError('rate_limited', { retryAfterSeconds: 45 })),
    );
    expect(result.current.error?.code).toBe('rate_limited');
    expect(result.current.resendSecondsRemaining).toBe(45);
    act(() => result.current.resend());
    expect(fake.calls.sendPhoneCode).toHaveLength(1);
  });

  it('switches to a voice call and back, each held to the cooldown of the last delivery', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T12:00:00Z'));
    const fake = createDeferredAdapter();
    const onCodeSent = vi.fn();
    const { result } = renderHook(() =>
      useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE, resendAfterSeconds: 30, onCodeSent }),
    );
    // One cooldown per delivery: a call waits for the SMS's cooldown like a resend does.
    act(() => result.current.switchChannel('call'));
    expect(fake.calls.sendPhoneCode).toHaveLength(0);
    expect(result.current.canResend).toBe(false);

    vi.setSystemTime(new Date('2026-03-01T12:00:30Z'));
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current.canResend).toBe(true);
    act(() => result.current.switchChannel('call'));
    expect(fake.last('sendPhoneCode').request).toMatchObject({ phoneNumber: PHONE, channel: 'call' });
    expect(result.current.isResending).toBe(true);
    expect(result.current.delivery).toEqual({ status: 'sending', channel: 'call' });
    await act(async () => fake.last('sendPhoneCode').resolve({ resendAfterSeconds: 60 }));
    expect(result.current.channel).toBe('call');
    expect(result.current.isResending).toBe(false);
    expect(result.current.delivery).toEqual({ status: 'sent', channel: 'call' });
    expect(result.current.resendSecondsRemaining).toBe(60);
    expect(onCodeSent).toHaveBeenCalledWith({ phoneNumber: PHONE, channel: 'call', resendAfterSeconds: 60 });

    // The call's own cooldown (from its resendAfterSeconds) holds the way back to SMS.
    act(() => result.current.switchChannel('sms'));
    expect(fake.calls.sendPhoneCode).toHaveLength(1);
    vi.setSystemTime(new Date('2026-03-01T12:01:32Z'));
    act(() => vi.advanceTimersByTime(1_000));
    act(() => result.current.switchChannel('sms'));
    expect(fake.last('sendPhoneCode').request.channel).toBe('sms');
    expect(fake.calls.sendPhoneCode).toHaveLength(2);
  });

  it('keeps a code typed while a call is placed, so Verify then sends it', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE }));
    act(() => result.current.switchChannel('call'));
    // The SMS code, typed while the call is being placed.
    act(() => result.current.setCode('12345'));
    await act(async () => fake.last('sendPhoneCode').resolve({ resendAfterSeconds: 30 }));
    expect(result.current.code).toBe('12345');
    act(() => result.current.setCode('123456'));
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    expect(fake.last('verifyPhoneCode').request).toMatchObject({ phoneNumber: PHONE, code: '123456' });
  });

  it('sends replacesCurrent as configured', () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() =>
      useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE, replacesCurrent: true }),
    );
    act(() => result.current.setCode('123456'));
    expect(fake.last('verifyPhoneCode').request).toMatchObject({ phoneNumber: PHONE, code: '123456', replacesCurrent: true });
  });

  it('locks after too_many_attempts and offers a new code or another number', async () => {
    const fake = createDeferredAdapter();
    const onChangeNumber = vi.fn();
    const { result } = renderHook(() => useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE, onChangeNumber }));
    act(() => result.current.setCode('111111'));
    await act(async () => fake.last('verifyPhoneCode').reject(new TwoFactorError('too_many_attempts')));
    expect(result.current.isLocked).toBe(true);
    expect(result.current.status).toBe('error');
    expect(result.current.getCodeInputProps().disabled).toBe(true);
    act(() => result.current.setCode('123456'));
    act(() => result.current.verify());
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
    expect(result.current.canResend).toBe(true);
    act(() => result.current.changeNumber());
    expect(onChangeNumber).toHaveBeenCalledTimes(1);
  });

  it('keeps the channel when a switch fails', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE }));
    act(() => result.current.setCode('12'));
    act(() => result.current.switchChannel('call'));
    await act(async () => fake.last('sendPhoneCode').reject(new TwoFactorError('unsupported_phone_number')));
    expect(result.current.channel).toBe('sms');
    expect(result.current.code).toBe('12');
    expect(result.current.error?.code).toBe('unsupported_phone_number');
  });

  it('composes consumer handlers: theirs first, ours skipped after preventDefault, submit always ours', () => {
    const fake = createDeferredAdapter();
    const order: string[] = [];
    function Composed() {
      const verification = useCodeVerification({ adapter: fake.adapter, phoneNumber: PHONE, autoSubmit: false });
      return (
        <form
          aria-label="Phone code"
          {...verification.getFormProps({
            onSubmit: (event) => {
              order.push('their submit');
              event.preventDefault();
            },
          })}
        >
          <label htmlFor="code">Code</label>
          <input
            id="code"
            {...verification.getCodeInputProps({
              onChange: (event) => {
                order.push('their change');
                if (event.currentTarget.value.includes('9')) event.preventDefault();
              },
            })}
          />
        </form>
      );
    }
    render(<Composed />);
    const input = screen.getByLabelText('Code');
    fireEvent.change(input, { target: { value: '123456' } });
    expect(input).toHaveValue('123456');
    fireEvent.change(input, { target: { value: '99' } });
    expect(input).toHaveValue('123456');
    fireEvent.submit(screen.getByRole('form', { name: 'Phone code' }));
    expect(order).toEqual(['their change', 'their change', 'their submit']);
    expect(fake.calls.verifyPhoneCode).toHaveLength(1);
  });
});
