import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCountdown } from './use-countdown';

const START = Date.parse('2026-07-01T10:00:00Z');

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('useCountdown', () => {
  it('shows 0 without a deadline', () => {
    const { result } = renderHook(() => useCountdown(null));
    expect(result.current).toBe(0);
  });

  it('counts down once a second', () => {
    const { result } = renderHook(() => useCountdown(START + 3_000));
    expect(result.current).toBe(3);
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current).toBe(2);
    act(() => vi.advanceTimersByTime(2_000));
    expect(result.current).toBe(0);
  });

  it('follows the wall clock after the system time jumps (sleeping laptop, throttled tab)', () => {
    const { result } = renderHook(() => useCountdown(START + 60_000));
    expect(result.current).toBe(60);
    vi.setSystemTime(START + 50_000);
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current).toBe(9);
    vi.setSystemTime(START + 120_000);
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current).toBe(0);
  });

  it('stops ticking at 0', () => {
    renderHook(() => useCountdown(START + 2_000));
    act(() => vi.advanceTimersByTime(2_000));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows a new deadline from its first render', () => {
    const { result, rerender } = renderHook(({ deadline }: { deadline: number | null }) => useCountdown(deadline), {
      initialProps: { deadline: null as number | null },
    });
    expect(result.current).toBe(0);
    rerender({ deadline: START + 30_000 });
    expect(result.current).toBe(30);
  });
});
