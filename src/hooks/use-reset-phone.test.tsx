import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TwoFactorError } from '../core/errors';
import { createDeferredAdapter } from '../../test/deferred-adapter';
import { useResetPhone } from './use-reset-phone';

describe('useResetPhone', () => {
  it('opens and closes by itself when uncontrolled, reporting each change', () => {
    const fake = createDeferredAdapter();
    const onOpenChange = vi.fn();
    const { result } = renderHook(() => useResetPhone({ adapter: fake.adapter, onOpenChange }));
    expect(result.current.open).toBe(false);
    act(() => result.current.setOpen(true));
    expect(result.current.open).toBe(true);
    act(() => result.current.setOpen(false));
    expect(result.current.open).toBe(false);
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
  });

  it('starts open with defaultOpen', () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useResetPhone({ adapter: fake.adapter, defaultOpen: true }));
    expect(result.current.open).toBe(true);
  });

  it('follows the open prop when controlled and only asks the parent to change it', () => {
    const fake = createDeferredAdapter();
    const onOpenChange = vi.fn();
    const { result, rerender } = renderHook(
      ({ open }: { open: boolean }) => useResetPhone({ adapter: fake.adapter, open, onOpenChange }),
      { initialProps: { open: false } },
    );
    act(() => result.current.setOpen(true));
    expect(onOpenChange).toHaveBeenCalledWith(true);
    expect(result.current.open).toBe(false);
    rerender({ open: true });
    expect(result.current.open).toBe(true);
  });

  it('confirms only once acknowledged, with one call for a double click', () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useResetPhone({ adapter: fake.adapter, resetTiming: 'immediate', defaultOpen: true }));
    expect(result.current.canConfirm).toBe(false);
    act(() => result.current.confirm());
    expect(fake.calls.resetPhone).toHaveLength(0);

    act(() => result.current.setAcknowledged(true));
    act(() => {
      result.current.confirm();
      result.current.confirm();
    });
    expect(fake.calls.resetPhone).toHaveLength(1);
    expect(result.current.status).toBe('pending');
    expect(result.current.isPending).toBe(true);
    expect(result.current.canConfirm).toBe(false);
  });

  it('does not close while the reset is in flight', () => {
    const fake = createDeferredAdapter();
    const onOpenChange = vi.fn();
    const { result } = renderHook(() => useResetPhone({ adapter: fake.adapter, resetTiming: 'immediate', defaultOpen: true, onOpenChange }));
    act(() => result.current.setAcknowledged(true));
    act(() => result.current.confirm());
    act(() => result.current.setOpen(false));
    expect(result.current.open).toBe(true);
    expect(onOpenChange).not.toHaveBeenCalled();
  });

  it('closes an uncontrolled dialog and calls onReset after success', async () => {
    const fake = createDeferredAdapter();
    const onReset = vi.fn();
    const { result } = renderHook(() => useResetPhone({ adapter: fake.adapter, resetTiming: 'immediate', defaultOpen: true, onReset }));
    act(() => result.current.setAcknowledged(true));
    act(() => result.current.confirm());
    await act(async () => fake.last('resetPhone').resolve());
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(result.current.open).toBe(false);
    expect(result.current.status).toBe('done');
  });

  it('leaves a controlled dialog to the parent after success (no close that reads like a cancel)', async () => {
    const fake = createDeferredAdapter();
    const onReset = vi.fn();
    const onOpenChange = vi.fn();
    const { result } = renderHook(() => useResetPhone({ adapter: fake.adapter, resetTiming: 'immediate', open: true, onOpenChange, onReset }));
    act(() => result.current.setAcknowledged(true));
    act(() => result.current.confirm());
    await act(async () => fake.last('resetPhone').resolve());
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(onOpenChange).not.toHaveBeenCalled();
  });

  it('stays open with the error when the reset fails, and asks for the acknowledgement again on reopen', async () => {
    const fake = createDeferredAdapter();
    const { result } = renderHook(() => useResetPhone({ adapter: fake.adapter, resetTiming: 'immediate', defaultOpen: true }));
    act(() => result.current.setAcknowledged(true));
    act(() => result.current.confirm());
    await act(async () => fake.last('resetPhone').reject(new TwoFactorError('network')));
    expect(result.current.open).toBe(true);
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('network');

    act(() => result.current.setOpen(false));
    act(() => result.current.setOpen(true));
    expect(result.current.acknowledged).toBe(false);
    expect(result.current.error).toBeNull();
    expect(result.current.status).toBe('idle');
  });

  it('aborts the reset when a controlled parent closes the dialog mid-request', async () => {
    const fake = createDeferredAdapter();
    const onReset = vi.fn();
    const { result, rerender } = renderHook(
      ({ open }: { open: boolean }) => useResetPhone({ adapter: fake.adapter, resetTiming: 'immediate', open, onReset }),
      { initialProps: { open: true } },
    );
    act(() => result.current.setAcknowledged(true));
    act(() => result.current.confirm());
    rerender({ open: false });
    expect(fake.last('resetPhone').request.signal.aborted).toBe(true);
    await act(async () => fake.last('resetPhone').resolve());
    expect(onReset).not.toHaveBeenCalled();
  });

  it('by default records the confirmed intent and removes nothing (swap on verify)', async () => {
    const fake = createDeferredAdapter();
    const onReset = vi.fn();
    const { result } = renderHook(() => useResetPhone({ adapter: fake.adapter, defaultOpen: true, onReset }));
    act(() => result.current.confirm());
    expect(onReset).not.toHaveBeenCalled();
    act(() => result.current.setAcknowledged(true));
    await act(async () => result.current.confirm());
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(fake.calls.resetPhone).toHaveLength(0);
    expect(result.current.status).toBe('done');
  });
});
