import { describe, expect, it } from 'vitest';
import {
  MAX_ATTEMPTS_REMAINING,
  MAX_WAIT_SECONDS,
  TWO_FACTOR_ERROR_CODES,
  TwoFactorError,
  isCodeError,
  normalizeError,
  toHostError,
} from './errors';

describe('isCodeError', () => {
  it('is true exactly for the failures about the typed code', () => {
    expect(TWO_FACTOR_ERROR_CODES.filter(isCodeError)).toEqual(['invalid_code', 'expired_code', 'too_many_attempts']);
  });
});

describe('toHostError', () => {
  it('keeps the code and the hints, and drops the message and the cause that may quote a code', () => {
    const original = new TwoFactorError('rate_limited', {
      message: 'code 123456 was sent too often',
      retryAfterSeconds: 30,
      attemptsRemaining: 2,
      cause: new Error('code 123456'),
    });
    const copy = toHostError(original);
    expect(copy).toBeInstanceOf(TwoFactorError);
    expect(copy).not.toBe(original);
    expect(copy.code).toBe('rate_limited');
    expect(copy.retryAfterSeconds).toBe(30);
    expect(copy.attemptsRemaining).toBe(2);
    expect(copy.message).toBe('rate_limited');
    expect(copy.cause).toBeUndefined();
    expect('cause' in copy).toBe(false);
    expect(copy.stack).not.toContain('123456');
  });

  it('leaves out hints the original did not have', () => {
    const copy = toHostError(new TwoFactorError('network', { cause: new TypeError('Failed to fetch') }));
    expect(Object.keys(copy)).not.toContain('retryAfterSeconds');
    expect(copy.retryAfterSeconds).toBeUndefined();
    expect(copy.attemptsRemaining).toBeUndefined();
  });
});

describe('TwoFactorError hints', () => {
  it('keeps believable hints, rounded the safe way', () => {
    const error = new TwoFactorError('rate_limited', { retryAfterSeconds: 29.2, attemptsRemaining: 2.9 });
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.attemptsRemaining).toBe(2);
    expect(new TwoFactorError('rate_limited', { retryAfterSeconds: MAX_WAIT_SECONDS }).retryAfterSeconds).toBe(MAX_WAIT_SECONDS);
    expect(new TwoFactorError('invalid_code', { attemptsRemaining: 0 }).attemptsRemaining).toBe(0);
  });

  // Issue 15: "Try again in 1e+21 seconds" or "-3 attempts remaining" must never reach the copy.
  const absurd: ReadonlyArray<[string, number]> = [
    ['1e21', 1e21],
    ['1e300', 1e300],
    ['negative', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ];
  for (const [label, value] of absurd) {
    it(`drops retryAfterSeconds and attemptsRemaining of ${label}`, () => {
      const error = new TwoFactorError('rate_limited', { retryAfterSeconds: value, attemptsRemaining: value });
      expect(error.code).toBe('rate_limited');
      expect(error.retryAfterSeconds).toBeUndefined();
      expect(error.attemptsRemaining).toBeUndefined();
    });
  }

  it('drops a wait longer than a day and more attempts than any backend allows', () => {
    const error = new TwoFactorError('invalid_code', {
      retryAfterSeconds: MAX_WAIT_SECONDS + 1,
      attemptsRemaining: MAX_ATTEMPTS_REMAINING + 1,
    });
    expect(error.retryAfterSeconds).toBeUndefined();
    expect(error.attemptsRemaining).toBeUndefined();
  });

  it('applies the same limits to an error from another copy of the library (recognised by shape)', () => {
    const foreign = Object.assign(new Error('x'), { name: 'TwoFactorError', code: 'rate_limited', retryAfterSeconds: 1e21, attemptsRemaining: -4 });
    const error = normalizeError(foreign);
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBeUndefined();
    expect(error.attemptsRemaining).toBeUndefined();
    const sane = normalizeError(Object.assign(new Error('x'), { name: 'TwoFactorError', code: 'rate_limited', retryAfterSeconds: 12 }));
    expect(sane.retryAfterSeconds).toBe(12);
  });
});
