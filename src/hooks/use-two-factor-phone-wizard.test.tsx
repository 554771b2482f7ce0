import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TwoFactorError } from '../core/errors';
import { createDeferredAdapter } from '../../test/deferred-adapter';
import { useTwoFactorPhoneWizard } from './use-two-factor-phone-wizard';
import type { UseTwoFactorPhoneWizardOptions } from './types';

const WITH_PHONE = { phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: false };
const TRIAL_WITH_PHONE = { phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: true };

async function flush() {
  await act(async () => {});
}

afterEach(() => {
  vi.useRealTimers();
});

function setup(options: Partial<UseTwoFactorPhoneWizardOptions> = {}, strict = false) {
  const fake = createDeferredAdapter();
  const view = renderHook(() => useTwoFactorPhoneWizard({ adapter: fake.adapter, ...options }), {
    reactStrictMode: strict,
  });
  return { fake, ...view };
}

describe('useTwoFactorPhoneWizard', () => {
  it('starts at the email gate and loads the status once after it, also under StrictMode', async () => {
    const { fake, result } = setup({}, true);
    expect(result.current.state).toEqual({ step: 'email-gate', resume: null });
    await flush();
    expect(fake.calls.getTwoFactorStatus).toHaveLength(0);

    act(() => result.current.handlers.onEmailVerified());
    expect(result.current.state).toMatchObject({ step: 'section', status: 'loading' });
    await flush();
    expect(fake.calls.getTwoFactorStatus).toHaveLength(1);
    expect(fake.last('getTwoFactorStatus').request.signal.aborted).toBe(false);

    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    expect(result.current.state).toEqual({ step: 'section', status: 'viewing', twoFactorStatus: WITH_PHONE });
  });

  it('reports each step change by name only', async () => {
    const onStepChange = vi.fn();
    const { fake, result } = setup({ onStepChange });
    expect(onStepChange).not.toHaveBeenCalled();
    act(() => result.current.handlers.onEmailVerified());
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    act(() => result.current.handlers.onEdit());
    act(() => result.current.handlers.onResetRequest());
    expect(onStepChange.mock.calls).toEqual([[{ step: 'section' }], [{ step: 'reset-confirm' }]]);
  });

  it('shows a load failure and loads again on reloadStatus', async () => {
    const { fake, result } = setup();
    act(() => result.current.handlers.onEmailVerified());
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').reject(new TwoFactorError('network')));
    expect(result.current.state).toMatchObject({ step: 'section', status: 'error' });
    expect(result.current.error?.code).toBe('network');

    act(() => result.current.reloadStatus());
    await flush();
    expect(fake.calls.getTwoFactorStatus).toHaveLength(2);
    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    expect(result.current.state).toMatchObject({ step: 'section', status: 'viewing' });
    expect(result.current.error).toBeNull();
  });

  it('goes back to the email gate on reverification_required from a step, and resumes there', async () => {
    const onError = vi.fn();
    const { fake, result } = setup({ onError });
    act(() => result.current.handlers.onEmailVerified());
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve({ phone: null, canDisable: false }));
    act(() => result.current.handlers.onEdit());
    act(() => result.current.handlers.onAddPhone());
    expect(result.current.state).toEqual({ step: 'phone-entry', phoneNumber: null });

    const error = new TwoFactorError('reverification_required');
    act(() => result.current.handlers.onStepError({ error }));
    expect(result.current.state).toMatchObject({ step: 'email-gate' });
    expect(onError).toHaveBeenCalledWith({ error });

    act(() => result.current.handlers.onEmailVerified());
    expect(result.current.state).toEqual({ step: 'phone-entry', phoneNumber: null });
  });

  it('ignores other step errors for navigation', () => {
    const { result } = setup();
    act(() => result.current.handlers.onEmailVerified());
    act(() => result.current.handlers.onStepError({ error: new TwoFactorError('invalid_code') }));
    expect(result.current.state.step).toBe('section');
  });

  it('drops a status answer that arrives after the wizard left the loading state', async () => {
    const { fake, result } = setup();
    act(() => result.current.handlers.onEmailVerified());
    await flush();
    const load = fake.last('getTwoFactorStatus');
    act(() => result.current.handlers.onStepError({ error: new TwoFactorError('reverification_required') }));
    expect(load.request.signal.aborted).toBe(true);
    await act(async () => load.resolve(WITH_PHONE));
    expect(result.current.state.step).toBe('email-gate');
  });

  it('changes nothing when the status answer arrives after unmount', async () => {
    const onStepChange = vi.fn();
    const { fake, result, unmount } = setup({ onStepChange });
    act(() => result.current.handlers.onEmailVerified());
    await flush();
    const load = fake.last('getTwoFactorStatus');
    onStepChange.mockClear();
    unmount();
    expect(load.request.signal.aborted).toBe(true);
    await act(async () => load.resolve(WITH_PHONE));
    expect(onStepChange).not.toHaveBeenCalled();
  });

  it('moves to code verification with a resend deadline when a code is sent', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-02-02T08:00:00Z'));
    const { fake, result } = setup();
    act(() => result.current.handlers.onEmailVerified());
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve({ phone: null, canDisable: false }));
    act(() => result.current.handlers.onEdit());
    act(() => result.current.handlers.onAddPhone());
    act(() =>
      result.current.handlers.onCodeSent({ phoneNumber: '+14155550123', channel: 'sms', resendAfterSeconds: 30 }),
    );
    expect(result.current.state).toEqual({
      step: 'code-verification',
      phoneNumber: '+14155550123',
      channel: 'sms',
      codeLength: 6,
      resendAt: Date.parse('2026-02-02T08:00:30Z'),
    });
  });

  it('completes once after Finish, and calls onComplete without the recovery code', async () => {
    const onComplete = vi.fn();
    const onStepChange = vi.fn();
    const { fake, result } = setup({ onComplete, onStepChange });
    act(() => result.current.handlers.onEmailVerified());
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve({ phone: null, canDisable: false }));
    act(() => result.current.handlers.onEdit());
    act(() => result.current.handlers.onAddPhone());
    act(() => result.current.handlers.onCodeSent({ phoneNumber: '+14155550123', channel: 'sms' }));
    act(() => result.current.handlers.onPhoneVerified({ recoveryCode: 'SECRET-RECOVERY' }));
    expect(result.current.state).toEqual({ step: 'recovery-code', recoveryCode: 'SECRET-RECOVERY' });

    act(() => {
      result.current.handlers.onFinish();
      result.current.handlers.onFinish();
    });
    expect(result.current.state).toEqual({ step: 'done' });
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith();
    expect(JSON.stringify(onStepChange.mock.calls)).not.toContain('SECRET');
  });

  it('disables 2FA on a trial account with one call for a double click, then reloads the status', async () => {
    const { fake, result } = setup();
    act(() => result.current.handlers.onEmailVerified());
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve(TRIAL_WITH_PHONE));
    act(() => {
      result.current.disableTwoFactor();
      result.current.disableTwoFactor();
    });
    expect(fake.calls.disableTwoFactor).toHaveLength(1);
    expect(result.current.disableStatus).toBe('pending');
    await act(async () => fake.last('disableTwoFactor').resolve());
    expect(result.current.state).toMatchObject({ step: 'section', status: 'loading' });
    await flush();
    expect(fake.calls.getTwoFactorStatus).toHaveLength(2);
  });

  it('refuses to disable 2FA on a paid account', async () => {
    const { fake, result } = setup();
    act(() => result.current.handlers.onEmailVerified());
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    act(() => result.current.disableTwoFactor());
    expect(fake.calls.disableTwoFactor).toHaveLength(0);
  });

  it('asks for the Disable confirmation only in edit mode on a trial account, and re-locks first past reverifyAfterMs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { fake, result } = setup({ reverifyAfterMs: 60_000 });
    act(() => result.current.handlers.onEmailVerified());
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve(TRIAL_WITH_PHONE));
    expect(result.current.handlers.onDisableRequest()).toBe(false); // viewing, not editing
    act(() => result.current.handlers.onEdit());
    expect(result.current.handlers.onDisableRequest()).toBe(true);

    vi.setSystemTime(Date.now() + 60_001);
    let asked = true;
    act(() => {
      asked = result.current.handlers.onDisableRequest();
    });
    expect(asked).toBe(false);
    expect(result.current.state).toMatchObject({ step: 'email-gate' });
    expect(fake.calls.disableTwoFactor).toHaveLength(0);
  });

  it('never asks for the Disable confirmation on a paid account', async () => {
    const { fake, result } = setup();
    act(() => result.current.handlers.onEmailVerified());
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    act(() => result.current.handlers.onEdit());
    expect(result.current.handlers.onDisableRequest()).toBe(false);
  });

  it('calls onCancel on cancel', () => {
    const onCancel = vi.fn();
    const { result } = setup({ onCancel });
    act(() => result.current.cancel());
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
