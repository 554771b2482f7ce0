import { describe, expect, it } from 'vitest';
import { deadlineFromNow, secondsRemaining } from './time';

const NOW = 1_700_000_000_000;

describe('deadlineFromNow', () => {
  it('adds the seconds to now, in milliseconds', () => {
    expect(deadlineFromNow(30, NOW)).toBe(NOW + 30_000);
  });

  it('keeps fractions of a second', () => {
    expect(deadlineFromNow(1.5, NOW)).toBe(NOW + 1_500);
  });

  it('gives now for zero', () => {
    expect(deadlineFromNow(0, NOW)).toBe(NOW);
  });

  it.each([-5, Number.NaN, Number.POSITIVE_INFINITY])('gives now rather than a broken deadline for %s', (seconds) => {
    expect(deadlineFromNow(seconds, NOW)).toBe(NOW);
  });

  it('uses the wall clock by default', () => {
    const before = Date.now();
    const deadline = deadlineFromNow(10);
    expect(deadline).toBeGreaterThanOrEqual(before + 10_000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 10_000);
  });
});

describe('secondsRemaining', () => {
  it('counts whole seconds left', () => {
    expect(secondsRemaining(NOW + 30_000, NOW)).toBe(30);
  });

  it('rounds up, so it shows 1 until the wait is really over', () => {
    expect(secondsRemaining(NOW + 29_001, NOW)).toBe(30);
    expect(secondsRemaining(NOW + 1, NOW)).toBe(1);
  });

  it('reaches 0 exactly at the deadline', () => {
    expect(secondsRemaining(NOW, NOW)).toBe(0);
  });

  it('never goes below 0, and never gives -0', () => {
    expect(secondsRemaining(NOW - 60_000, NOW)).toBe(0);
    expect(Object.is(secondsRemaining(NOW - 500, NOW), 0)).toBe(true);
  });

  it('gives 0 when there is no deadline', () => {
    expect(secondsRemaining(null, NOW)).toBe(0);
  });

  it('gives 0 for a deadline that is not a number', () => {
    expect(secondsRemaining(Number.NaN, NOW)).toBe(0);
  });

  it('agrees with deadlineFromNow after time has passed', () => {
    const deadline = deadlineFromNow(60, NOW);
    expect(secondsRemaining(deadline, NOW + 15_500)).toBe(45);
  });

  it('uses the wall clock by default', () => {
    expect(secondsRemaining(Date.now() + 5_000)).toBe(5);
  });
});
