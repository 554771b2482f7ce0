import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TwoFactorError } from '../core/errors';
import { createDeferredAdapter } from '../../test/deferred-adapter';
import { TwoFactorProvider } from './context';
import { useEmailCodeGate } from './use-email-code-gate';
import type { UseEmailCodeGateOptions } from './types';
import { silenceExpectedErrors } from '../../test/silence-expected-errors';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Lets the deferred mount send run (it waits one microtask). */
async function flushMount() {
  await act(async () => {});
}

function GateForm(props: UseEmailCodeGateOptions) {
  const gate = useEmailCodeGate(props);
  return (
    <form {...gate.getFormProps()} aria-label="Email code">
      <label htmlFor="code">Verification code</label>
      <input id="code" {...gate.getCodeInputProps()} />
      <button type="submit">Verify</button>
      <output>{gate.status}</output>
    </form>
  );
}

describe('useEmailCodeGate', () => {
  it('sends exactly one email under StrictMode, and that send is not aborted', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter }), { reactStrictMode: true });
    await flushMount();
    expect(fake.calls.sendEmailCode).toHaveLength(1);
    expect(fake.last('sendEmailCode').request.signal.aborted).toBe(false);
    expect(result.current.status).toBe('sending');

    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com', codeLength: 6 }));
    expect(result.current.status).toBe('awaiting-code');
    expect(result.current.maskedEmail).toBe('j•••@example.com');
  });

  it('sends one email on mount without StrictMode, and none when sendOnMount is false', async () => {
    const first = createDeferredAdapter();
    renderHook(() => useEmailCodeGate({ adapter: first.adapter }));
    await flushMount();
    expect(first.calls.sendEmailCode).toHaveLength(1);

    const second = createDeferredAdapter();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: second.adapter, sendOnMount: false }));
    await flushMount();
    expect(second.calls.sendEmailCode).toHaveLength(0);
    expect(result.current.status).toBe('awaiting-code');
  });

  it('does not send again on re-render', async () => {
    const fake = createDeferredAdapter();
    const { rerender } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter }));
    await flushMount();
    rerender();
    rerender();
    await flushMount();
    expect(fake.calls.sendEmailCode).toHaveLength(1);
  });

  it('makes one verify call when the form is submitted twice', async () => {
    const fake = createDeferredAdapter();
    render(<GateForm adapter={fake.adapter} />);
    await flushMount();
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));

    fireEvent.change(screen.getByLabelText('Verification code'), { target: { value: '123456' } });
    const form = screen.getByRole('form', { name: 'Email code' });
    fireEvent.submit(form);
    fireEvent.submit(form);
    expect(fake.calls.verifyEmailCode).toHaveLength(1);
    expect(fake.last('verifyEmailCode').request.code).toBe('123456');
    expect(screen.getByRole('status')).toHaveTextContent('verifying');
  });

  it('reports the attempts left from an invalid_code failure, until a new code is sent', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter }));
    await flushMount();
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com', resendAfterSeconds: 0 }));
    expect(result.current.attemptsRemaining).toBeNull();

    act(() => result.current.setCode('654321'));
    act(() => result.current.verify());
    await act(async () => fake.last('verifyEmailCode').reject(new TwoFactorError('invalid_code', { attemptsRemaining: 2 })));
    expect(result.current.attemptsRemaining).toBe(2);

    act(() => result.current.resend());
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    expect(result.current.attemptsRemaining).toBeNull();
  });

  it('keeps the typed code when verifying fails, and clears the error once the user edits it', async () => {
    const fake = createDeferredAdapter();
    const onError = vi.fn();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter, onError }));
    await flushMount();
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));

    act(() => result.current.setCode('654321'));
    act(() => result.current.verify());
    await act(async () => fake.last('verifyEmailCode').reject(new TwoFactorError('invalid_code')));

    expect(result.current.code).toBe('654321');
    expect(result.current.error?.code).toBe('invalid_code');
    expect(result.current.status).toBe('awaiting-code');
    expect(result.current.getCodeInputProps()['aria-invalid']).toBe(true);
    expect(onError).toHaveBeenCalledWith({ error: expect.objectContaining({ code: 'invalid_code' }) });

    act(() => result.current.setCode('65432'));
    expect(result.current.error).toBeNull();
  });

  it('verifies and calls onVerified once, without the code', async () => {
    const fake = createDeferredAdapter();
    const onVerified = vi.fn();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter, onVerified }));
    await flushMount();
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    act(() => result.current.setCode('123456'));
    act(() => result.current.verify());
    await act(async () => fake.last('verifyEmailCode').resolve());
    expect(result.current.status).toBe('verified');
    expect(result.current.isVerified).toBe(true);
    expect(onVerified).toHaveBeenCalledTimes(1);
    expect(onVerified).toHaveBeenCalledWith();
  });

  it('does not verify an incomplete code', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter }));
    await flushMount();
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    act(() => result.current.setCode('123'));
    act(() => result.current.verify());
    expect(fake.calls.verifyEmailCode).toHaveLength(0);
    expect(result.current.isCodeComplete).toBe(false);
  });

  it('says an incomplete code is incomplete, apart from adapter errors, until the code changes', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter }));
    await flushMount();
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    expect(result.current.fieldError).toBeNull();

    act(() => result.current.verify());
    expect(result.current.fieldError).toBe('incomplete');
    expect(result.current.error).toBeNull();
    expect(result.current.status).toBe('awaiting-code');
    expect(result.current.getCodeInputProps()['aria-invalid']).toBe(true);

    act(() => result.current.setCode('123'));
    expect(result.current.fieldError).toBeNull();
    expect(result.current.getCodeInputProps()['aria-invalid']).toBe(false);
    act(() => result.current.verify());
    expect(result.current.fieldError).toBe('incomplete');
    expect(fake.calls.verifyEmailCode).toHaveLength(0);

    act(() => result.current.setCode('123456'));
    expect(result.current.fieldError).toBeNull();
    act(() => result.current.verify());
    expect(fake.calls.verifyEmailCode).toHaveLength(1);
    expect(result.current.fieldError).toBeNull();
  });

  it('does not verify by itself, even when a whole code is pasted over another', async () => {
    const fake = createDeferredAdapter();
    render(<GateForm adapter={fake.adapter} />);
    await flushMount();
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    const input = screen.getByLabelText('Verification code');
    fireEvent.paste(input, { clipboardData: { getData: () => '111111' } });
    fireEvent.paste(input, { clipboardData: { getData: () => '222 222' } });
    expect(input).toHaveValue('222222');
    expect(fake.calls.verifyEmailCode).toHaveLength(0);
  });

  it('changes nothing when the verify answer arrives after unmount', async () => {
    const fake = createDeferredAdapter();
    const onVerified = vi.fn();
    const { result, unmount } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter, onVerified }));
    await flushMount();
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    act(() => result.current.setCode('123456'));
    act(() => result.current.verify());
    const verify = fake.last('verifyEmailCode');
    unmount();
    expect(verify.request.signal.aborted).toBe(true);
    await act(async () => verify.resolve());
    expect(onVerified).not.toHaveBeenCalled();
  });

  it('sanitises typed and pasted codes (spaces, dashes, fullwidth digits, invisible marks)', async () => {
    const fake = createDeferredAdapter();
    render(<GateForm adapter={fake.adapter} />);
    await flushMount();
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    const input = screen.getByLabelText('Verification code');

    fireEvent.change(input, { target: { value: '12-3' } });
    expect(input).toHaveValue('123');

    fireEvent.change(input, { target: { value: '' } });
    fireEvent.paste(input, { clipboardData: { getData: () => '１２３ ４\u200E５６' } });
    expect(input).toHaveValue('123456');
    expect(input).toHaveAttribute('autocomplete', 'one-time-code');
    expect(input).toHaveAttribute('inputmode', 'numeric');
  });

  it('shows send-failed when the first send fails, and retries with resend', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter }));
    await flushMount();
    await act(async () => fake.last('sendEmailCode').reject(new TypeError('Failed to fetch')));
    expect(result.current.status).toBe('send-failed');
    expect(result.current.error?.code).toBe('network');

    act(() => result.current.resend());
    expect(fake.calls.sendEmailCode).toHaveLength(2);
    expect(result.current.status).toBe('sending');
    expect(result.current.error).toBeNull();
  });

  it('holds resend to the cooldown, counting down by the wall clock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter }));
    await flushMount();
    await act(async () =>
      fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com', resendAfterSeconds: 60 }),
    );
    expect(result.current.resendSecondsRemaining).toBe(60);

    act(() => result.current.resend());
    expect(fake.calls.sendEmailCode).toHaveLength(1);

    // The tab slept for 45 s: no timer fired meanwhile, the next tick reads the clock.
    vi.setSystemTime(new Date('2026-01-01T00:00:45Z'));
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current.resendSecondsRemaining).toBe(14);

    vi.setSystemTime(new Date('2026-01-01T00:01:00Z'));
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current.resendSecondsRemaining).toBe(0);
    act(() => result.current.resend());
    expect(fake.calls.sendEmailCode).toHaveLength(2);
  });

  it('keeps a verify in flight when Resend is pressed, and delivers its answer', async () => {
    const fake = createDeferredAdapter();
    const onVerified = vi.fn();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter, onVerified }));
    await flushMount();
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    act(() => result.current.setCode('111111'));
    act(() => result.current.verify());
    const verify = fake.last('verifyEmailCode');
    expect(result.current.isVerifying).toBe(true);
    expect(result.current.canResend).toBe(false);

    act(() => result.current.resend());
    expect(verify.request.signal.aborted).toBe(false);
    expect(fake.calls.sendEmailCode).toHaveLength(1);
    expect(result.current.status).toBe('verifying');
    await act(async () => verify.resolve());
    expect(onVerified).toHaveBeenCalledTimes(1);
    expect(result.current.status).toBe('verified');
  });

  it('reports the last resend apart from the send on mount', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter }));
    await flushMount();
    expect(result.current.resendStatus).toBe('idle');
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    expect(result.current.resendStatus).toBe('idle');
    act(() => result.current.resend());
    expect(result.current.resendStatus).toBe('sending');
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    expect(result.current.resendStatus).toBe('sent');
    act(() => result.current.resend());
    await act(async () => fake.last('sendEmailCode').reject(new TwoFactorError('network')));
    expect(result.current.resendStatus).toBe('failed');
  });

  it('locks the field after too_many_attempts, sends nothing typed then, and unlocks with a new code', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter }));
    await flushMount();
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    act(() => result.current.setCode('111111'));
    act(() => result.current.verify());
    await act(async () => fake.last('verifyEmailCode').reject(new TwoFactorError('too_many_attempts')));
    expect(result.current.isLocked).toBe(true);
    expect(result.current.getCodeInputProps().disabled).toBe(true);

    // The right code typed now is never sent.
    act(() => result.current.setCode('123456'));
    act(() => result.current.verify());
    expect(fake.calls.verifyEmailCode).toHaveLength(1);
    expect(result.current.code).toBe('111111');

    act(() => result.current.resend());
    await act(async () => fake.last('sendEmailCode').resolve({ maskedEmail: 'j•••@example.com' }));
    expect(result.current.isLocked).toBe(false);
    expect(result.current.code).toBe('');
    expect(result.current.getCodeInputProps().disabled).toBeUndefined();
    act(() => result.current.setCode('123456'));
    act(() => result.current.verify());
    expect(fake.calls.verifyEmailCode).toHaveLength(2);
    expect(fake.last('verifyEmailCode').request.code).toBe('123456');
  });

  it('takes the adapter from TwoFactorProvider, and names itself when there is none', async () => {
    const fake = createDeferredAdapter();
    renderHook(() => useEmailCodeGate(), {
      wrapper: ({ children }) => <TwoFactorProvider adapter={fake.adapter}>{children}</TwoFactorProvider>,
    });
    await flushMount();
    expect(fake.calls.sendEmailCode).toHaveLength(1);

    const message = 'useEmailCodeGate must be used within <TwoFactorProvider> or be given an `adapter`';
    const errors = silenceExpectedErrors((error) => error instanceof Error && error.message === message);
    try {
      expect(() => renderHook(() => useEmailCodeGate())).toThrow(message);
    } finally {
      errors.restore();
    }
  });
});
