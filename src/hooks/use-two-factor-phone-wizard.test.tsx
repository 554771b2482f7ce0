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

/** The first status read finds no fresh step-up; the user then verifies the email code. */
async function passGate(fake: ReturnType<typeof createDeferredAdapter>, result: { current: ReturnType<typeof useTwoFactorPhoneWizard> }) {
  await flush();
  await act(async () => fake.last('getTwoFactorStatus').reject(new TwoFactorError('reverification_required')));
  expect(result.current.state).toMatchObject({ step: 'email-code-gate', status: 'locked' });
  act(() => result.current.handlers.onEmailVerified());
}

function setup(options: Partial<UseTwoFactorPhoneWizardOptions> = {}, strict = false) {
  const fake = createDeferredAdapter();
  const view = renderHook(() => useTwoFactorPhoneWizard({ adapter: fake.adapter, ...options }), {
    reactStrictMode: strict,
  });
  return { fake, ...view };
}

describe('useTwoFactorPhoneWizard', () => {
  it('asks the backend first, locks at the email gate on reverification_required, and loads the status once after it, also under StrictMode', async () => {
    const onError = vi.fn();
    const { fake, result } = setup({ onError }, true);
    expect(result.current.state).toEqual({ step: 'email-code-gate', status: 'checking', resume: null, stepUp: null });
    await flush();
    // One read (StrictMode notwithstanding), and no email before the backend has answered.
    expect(fake.calls.getTwoFactorStatus).toHaveLength(1);
    expect(fake.calls.sendEmailCode).toHaveLength(0);
    await act(async () => fake.last('getTwoFactorStatus').reject(new TwoFactorError('reverification_required')));
    expect(result.current.state).toMatchObject({ step: 'email-code-gate', status: 'locked', resume: null });
    // The expected answer to the first check is not an error worth reporting.
    expect(onError).not.toHaveBeenCalled();

    act(() => result.current.handlers.onEmailVerified());
    expect(result.current.state).toMatchObject({ step: 'two-factor-section', status: 'loading' });
    await flush();
    expect(fake.calls.getTwoFactorStatus).toHaveLength(2);
    expect(fake.last('getTwoFactorStatus').request.signal.aborted).toBe(false);

    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    expect(result.current.state).toMatchObject({ step: 'two-factor-section', status: 'viewing', twoFactorStatus: WITH_PHONE });
  });

  it('skips the email gate when the backend says the step-up is still fresh, and times the grant from then', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-02-02T08:00:00Z'));
    const { fake, result } = setup({ reverifyAfterMs: 60_000 });
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    expect(result.current.state).toEqual({
      step: 'two-factor-section',
      status: 'viewing',
      twoFactorStatus: WITH_PHONE,
      stepUp: { grantedAt: Date.parse('2026-02-02T08:00:00Z'), expiresAt: Date.parse('2026-02-02T08:01:00Z') },
    });
    expect(fake.calls.sendEmailCode).toHaveLength(0);
    expect(fake.calls.getTwoFactorStatus).toHaveLength(1);
  });

  it('locks at the email gate when the first check fails for another reason, and reports that failure', async () => {
    const onError = vi.fn();
    const { fake, result } = setup({ onError });
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').reject(new TwoFactorError('network')));
    expect(result.current.state).toMatchObject({ step: 'email-code-gate', status: 'locked' });
    expect(onError.mock.calls.map(([details]) => details.error.code)).toEqual(['network']);
  });

  it('reports each step change by name only', async () => {
    const onStepChange = vi.fn();
    const { fake, result } = setup({ onStepChange });
    expect(onStepChange).not.toHaveBeenCalled();
    await passGate(fake, result);
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    act(() => result.current.handlers.onEdit());
    act(() => result.current.handlers.onResetRequest());
    expect(onStepChange.mock.calls).toEqual([[{ step: 'two-factor-section' }], [{ step: 'reset-phone' }]]);
  });

  it('shows a load failure and loads again on reloadStatus', async () => {
    const { fake, result } = setup();
    await passGate(fake, result);
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').reject(new TwoFactorError('network')));
    expect(result.current.state).toMatchObject({ step: 'two-factor-section', status: 'error' });
    expect(result.current.error?.code).toBe('network');

    act(() => result.current.reloadStatus());
    await flush();
    expect(fake.calls.getTwoFactorStatus).toHaveLength(3);
    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    expect(result.current.state).toMatchObject({ step: 'two-factor-section', status: 'viewing' });
    expect(result.current.error).toBeNull();
  });

  it('goes back to the email gate on reverification_required from a step, and resumes there', async () => {
    const onError = vi.fn();
    const { fake, result } = setup({ onError });
    await passGate(fake, result);
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve({ phone: null, canDisable: false }));
    act(() => result.current.handlers.onEdit());
    act(() => result.current.handlers.onAddPhone());
    expect(result.current.state).toMatchObject({ step: 'phone-entry', phoneNumber: null, change: 'add' });

    const error = new TwoFactorError('reverification_required');
    act(() => result.current.handlers.onStepError({ error }));
    expect(result.current.state).toMatchObject({ step: 'email-code-gate' });
    expect(onError).toHaveBeenCalledWith({ error });

    act(() => result.current.handlers.onEmailVerified());
    expect(result.current.state).toMatchObject({ step: 'phone-entry', phoneNumber: null, change: 'add' });
  });

  it('ignores other step errors for navigation', async () => {
    const { fake, result } = setup();
    await passGate(fake, result);
    act(() => result.current.handlers.onStepError({ error: new TwoFactorError('invalid_code') }));
    expect(result.current.state.step).toBe('two-factor-section');
  });

  it('drops a status answer that arrives after the wizard left the loading state', async () => {
    const { fake, result } = setup();
    await passGate(fake, result);
    await flush();
    const load = fake.last('getTwoFactorStatus');
    act(() => result.current.handlers.onStepError({ error: new TwoFactorError('reverification_required') }));
    expect(load.request.signal.aborted).toBe(true);
    await act(async () => load.resolve(WITH_PHONE));
    expect(result.current.state.step).toBe('email-code-gate');
  });

  it('changes nothing when the status answer arrives after unmount', async () => {
    const onStepChange = vi.fn();
    const { fake, result, unmount } = setup({ onStepChange });
    await passGate(fake, result);
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
    await passGate(fake, result);
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve({ phone: null, canDisable: false }));
    act(() => result.current.handlers.onEdit());
    act(() => result.current.handlers.onAddPhone());
    act(() =>
      result.current.handlers.onCodeSent({ phoneNumber: '+14155550123', channel: 'sms', resendAfterSeconds: 30 }),
    );
    expect(result.current.state).toMatchObject({
      step: 'code-verification',
      phoneNumber: '+14155550123',
      channel: 'sms',
      codeLength: 6,
      resendAt: Date.parse('2026-02-02T08:00:30Z'),
      change: 'add',
    });
  });

  it('completes once after Finish, and calls onComplete without the recovery code', async () => {
    const onComplete = vi.fn();
    const onStepChange = vi.fn();
    const { fake, result } = setup({ onComplete, onStepChange });
    await passGate(fake, result);
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve({ phone: null, canDisable: false }));
    act(() => result.current.handlers.onEdit());
    act(() => result.current.handlers.onAddPhone());
    act(() => result.current.handlers.onCodeSent({ phoneNumber: '+14155550123', channel: 'sms' }));
    act(() => result.current.handlers.onPhoneVerified({ recoveryCode: 'SECRET-RECOVERY' }));
    expect(result.current.state).toMatchObject({ step: 'recovery-code', recoveryCode: 'SECRET-RECOVERY', phoneNumber: '+14155550123' });

    act(() => {
      result.current.handlers.onFinish({ maskedNumber: '+1 ••• ••• 0123' });
      result.current.handlers.onFinish({ maskedNumber: '+1 ••• ••• 0123' });
    });
    expect(result.current.state).toMatchObject({ step: 'done', maskedNumber: '+1 ••• ••• 0123' });
    expect(JSON.stringify(result.current.state)).not.toContain('SECRET');
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith({ maskedNumber: '+1 ••• ••• 0123' });
    // Once, on Finish; its answer (or failure) changes nothing.
    expect(fake.calls.acknowledgeRecoveryCode).toHaveLength(1);
    await act(async () => fake.last('acknowledgeRecoveryCode').reject(new TwoFactorError('network')));
    expect(result.current.state.step).toBe('done');
    expect(JSON.stringify(onStepChange.mock.calls)).not.toContain('SECRET');
  });

  it('disables 2FA on a trial account with one call for a double click, then reloads the status', async () => {
    const { fake, result } = setup();
    await passGate(fake, result);
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve(TRIAL_WITH_PHONE));
    act(() => {
      result.current.disableTwoFactor();
      result.current.disableTwoFactor();
    });
    expect(result.current.state).toMatchObject({ step: 'two-factor-section', status: 'disabling' });
    await flush();
    expect(fake.calls.disableTwoFactor).toHaveLength(1);
    expect(result.current.disableStatus).toBe('pending');
    await act(async () => fake.last('disableTwoFactor').resolve());
    expect(result.current.state).toMatchObject({ step: 'two-factor-section', status: 'loading' });
    await flush();
    expect(fake.calls.getTwoFactorStatus).toHaveLength(3);
  });

  it('refuses to disable 2FA on a paid account', async () => {
    const { fake, result } = setup();
    await passGate(fake, result);
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    act(() => result.current.disableTwoFactor());
    expect(fake.calls.disableTwoFactor).toHaveLength(0);
  });

  it('asks for the Disable confirmation only in edit mode on a trial account, and re-locks first past reverifyAfterMs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { fake, result } = setup({ reverifyAfterMs: 60_000 });
    await passGate(fake, result);
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve(TRIAL_WITH_PHONE));
    expect(result.current.handlers.onDisableRequest()).toBe(false); // viewing, not editing
    act(() => result.current.handlers.onEdit());
    let opened = false;
    act(() => {
      opened = result.current.handlers.onDisableRequest();
    });
    expect(opened).toBe(true);
    // The confirmation is a state of the machine.
    expect(result.current.state).toMatchObject({ step: 'two-factor-section', status: 'confirming-disable' });
    act(() => result.current.handlers.onDisableCancel());
    expect(result.current.state).toMatchObject({ step: 'two-factor-section', status: 'editing' });

    vi.setSystemTime(Date.now() + 60_001);
    let asked = true;
    act(() => {
      asked = result.current.handlers.onDisableRequest();
    });
    expect(asked).toBe(false);
    expect(result.current.state).toMatchObject({ step: 'email-code-gate' });
    expect(fake.calls.disableTwoFactor).toHaveLength(0);
  });

  it('never asks for the Disable confirmation on a paid account', async () => {
    const { fake, result } = setup();
    await passGate(fake, result);
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

  it('passes replacesCurrent from what the user confirmed, whatever the step hook sent', async () => {
    const { fake, result } = setup();
    await passGate(fake, result);
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    act(() => result.current.handlers.onEdit());
    act(() => result.current.handlers.onResetRequest());
    act(() => result.current.handlers.onResetDone());
    expect(result.current.state).toMatchObject({ step: 'add-phone', change: 'swap' });
    act(() => result.current.handlers.onAddPhone());
    act(() => result.current.handlers.onCodeSent({ phoneNumber: '+14155550199', channel: 'sms' }));
    const signal = new AbortController().signal;
    void result.current.adapter.verifyPhoneCode({ signal, phoneNumber: '+14155550199', code: '123456', replacesCurrent: false });
    await flush();
    expect(fake.last('verifyPhoneCode').request.replacesCurrent).toBe(true);
    // The old phone was never touched on the way.
    expect(fake.calls.resetPhone).toHaveLength(0);
  });

  it('keeps Cancel from leaving while a verify is in flight', async () => {
    const onCancel = vi.fn();
    const { fake, result } = setup({ onCancel });
    await passGate(fake, result);
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve({ phone: null, canDisable: false }));
    act(() => result.current.handlers.onEdit());
    act(() => result.current.handlers.onAddPhone());
    act(() => result.current.handlers.onCodeSent({ phoneNumber: '+14155550199', channel: 'sms' }));
    const signal = new AbortController().signal;
    act(() => {
      void result.current.adapter.verifyPhoneCode({ signal, phoneNumber: '+14155550199', code: '123456', replacesCurrent: false });
    });
    expect(result.current.isVerifyInFlight).toBe(true);
    act(() => result.current.cancel());
    expect(onCancel).not.toHaveBeenCalled();
    await flush();
    await act(async () => fake.last('verifyPhoneCode').resolve({ recoveryCode: 'R' }));
    await flush();
    expect(result.current.isVerifyInFlight).toBe(false);
    act(() => result.current.cancel());
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('with resetTiming "immediate", removes the phone at Reset and guards leaving until the new one verifies', async () => {
    const { fake, result } = setup({ resetTiming: 'immediate' });
    await passGate(fake, result);
    await flush();
    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    act(() => result.current.handlers.onEdit());
    act(() => result.current.handlers.onResetRequest());
    expect(result.current.isLeaveGuarded).toBe(false);
    act(() => result.current.handlers.onResetDone());
    expect(result.current.state).toMatchObject({ step: 'add-phone', change: 'removed' });
    expect(result.current.isLeaveGuarded).toBe(true);
    act(() => result.current.handlers.onAddPhone());
    act(() => result.current.handlers.onCodeSent({ phoneNumber: '+14155550199', channel: 'sms' }));
    expect(result.current.isLeaveGuarded).toBe(true);
    act(() => result.current.handlers.onPhoneVerified({ recoveryCode: 'R' }));
    expect(result.current.isLeaveGuarded).toBe(false);
  });
});
