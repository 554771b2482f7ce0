import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TwoFactorError } from '../core/errors';
import { createDeferredAdapter } from '../../test/deferred-adapter';
import { useTwoFactorSection } from './use-two-factor-section';

const WITH_PHONE = { phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: false };
const TRIAL = { phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: true };

async function flushMount() {
  await act(async () => {});
}

describe('useTwoFactorSection', () => {
  it('loads the status once on mount under StrictMode and shows the masked number', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useTwoFactorSection({ adapter: fake.adapter }), { reactStrictMode: true });
    expect(result.current.status).toBe('loading');
    await flushMount();
    expect(fake.calls.getTwoFactorStatus).toHaveLength(1);
    await act(async () => fake.last('getTwoFactorStatus').resolve(WITH_PHONE));
    expect(result.current.status).toBe('ready');
    expect(result.current.maskedNumber).toBe('+1 ••• ••• 0123');
    expect(result.current.canDisable).toBe(false);
  });

  it('shows a load failure and recovers with reload', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useTwoFactorSection({ adapter: fake.adapter }));
    await flushMount();
    await act(async () => fake.last('getTwoFactorStatus').reject(new TwoFactorError('network')));
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('network');

    act(() => result.current.reload());
    expect(result.current.status).toBe('loading');
    await act(async () => fake.last('getTwoFactorStatus').resolve({ phone: null, canDisable: false }));
    expect(result.current.status).toBe('ready');
    expect(result.current.maskedNumber).toBeNull();
  });

  it('lets a newer reload win over an older answer that arrives late', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useTwoFactorSection({ adapter: fake.adapter }));
    await flushMount();
    act(() => result.current.reload());
    const [older, newer] = fake.calls.getTwoFactorStatus;
    expect(older?.request.signal.aborted).toBe(true);
    await act(async () => newer?.resolve({ phone: null, canDisable: false }));
    await act(async () => older?.resolve(WITH_PHONE));
    expect(result.current.maskedNumber).toBeNull();
  });

  it('does not load when a parent hands it the status', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useTwoFactorSection({ adapter: fake.adapter, twoFactorStatus: WITH_PHONE }));
    await flushMount();
    expect(fake.calls.getTwoFactorStatus).toHaveLength(0);
    expect(result.current.status).toBe('ready');
  });

  it('disables 2FA only when allowed, with one call for a double click, then reloads', async () => {
    const fake = createDeferredAdapter();
    const onDisabled = vi.fn();
    const { result } = renderHook(() =>
      useTwoFactorSection({ adapter: fake.adapter, twoFactorStatus: TRIAL, defaultEditing: true, onDisabled }),
    );
    act(() => {
      result.current.disable();
      result.current.disable();
    });
    expect(fake.calls.disableTwoFactor).toHaveLength(1);
    expect(result.current.disableStatus).toBe('pending');
    await act(async () => fake.last('disableTwoFactor').resolve());
    expect(onDisabled).toHaveBeenCalledTimes(1);
    expect(result.current.disableStatus).toBe('done');
    expect(result.current.editing).toBe(false);
    expect(fake.calls.getTwoFactorStatus).toHaveLength(1);
  });

  it('refuses to disable on a paid account', () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useTwoFactorSection({ adapter: fake.adapter, twoFactorStatus: WITH_PHONE }));
    act(() => result.current.disable());
    expect(fake.calls.disableTwoFactor).toHaveLength(0);
  });

  it('holds edit mode itself or follows the editing prop', () => {
    const fake = createDeferredAdapter();
    const uncontrolled = renderHook(() => useTwoFactorSection({ adapter: fake.adapter, twoFactorStatus: WITH_PHONE }));
    act(() => uncontrolled.result.current.setEditing(true));
    expect(uncontrolled.result.current.editing).toBe(true);

    const onEditingChange = vi.fn();
    const controlled = renderHook(() =>
      useTwoFactorSection({ adapter: fake.adapter, twoFactorStatus: WITH_PHONE, editing: false, onEditingChange }),
    );
    act(() => controlled.result.current.setEditing(true));
    expect(onEditingChange).toHaveBeenCalledWith(true);
    expect(controlled.result.current.editing).toBe(false);
  });
});
