import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TwoFactorError } from '../core/errors';
import { createDeferredAdapter } from '../../test/deferred-adapter';
import { useWizardFirstScreen } from './use-wizard-first-screen';

/** Lets the deferred check run (it waits one microtask), and settled calls land. */
async function flush() {
  await act(async () => {});
}

describe('useWizardFirstScreen (the styled wizard’s first screen)', () => {
  it('asks once under StrictMode, and hands over with the status read when the step-up is still fresh', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useWizardFirstScreen({ adapter: fake.adapter }), { reactStrictMode: true });
    await flush();
    expect(fake.calls.getTwoFactorStatus).toHaveLength(1);
    expect(fake.last('getTwoFactorStatus').request.signal.aborted).toBe(false);
    expect(result.current).toMatchObject({ status: 'checking', start: null });

    const twoFactorStatus = { phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: false };
    fake.last('getTwoFactorStatus').resolve(twoFactorStatus);
    await flush();
    expect(result.current.start).toEqual({ via: 'still-fresh', twoFactorStatus, at: expect.any(Number) });
    expect(fake.calls.sendEmailCode).toHaveLength(0);
  });

  it('locks without reporting when the backend asks for the email code, and hands over once it verifies', async () => {
    const fake = createDeferredAdapter();
    const onError = vi.fn();
    const { result } = renderHook(() => useWizardFirstScreen({ adapter: fake.adapter, onError }));
    await flush();
    fake.last('getTwoFactorStatus').reject(new TwoFactorError('reverification_required'));
    await flush();
    expect(result.current).toMatchObject({ status: 'locked', start: null });
    expect(onError).not.toHaveBeenCalled();

    act(() => result.current.onEmailVerified());
    expect(result.current.start).toEqual({ via: 'verified', at: expect.any(Number) });
  });

  it('locks and reports any other failure of the check to the host, without message or cause', async () => {
    const fake = createDeferredAdapter();
    const onError = vi.fn();
    const { result } = renderHook(() => useWizardFirstScreen({ adapter: fake.adapter, onError }));
    await flush();
    fake.last('getTwoFactorStatus').reject(new TwoFactorError('network', { message: 'socket hang up' }));
    await flush();
    expect(result.current.status).toBe('locked');
    expect(onError).toHaveBeenCalledTimes(1);
    const [{ error }] = onError.mock.calls[0] as [{ error: TwoFactorError }];
    expect(error.code).toBe('network');
    expect(error.message).toBe('network');
    expect(error.cause).toBeUndefined();
  });

  it('abandons the check on cancel and calls onCancel', async () => {
    const fake = createDeferredAdapter();
    const onCancel = vi.fn();
    const { result } = renderHook(() => useWizardFirstScreen({ adapter: fake.adapter, onCancel }));
    await flush();
    act(() => result.current.cancel());
    expect(fake.last('getTwoFactorStatus').request.signal.aborted).toBe(true);
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
