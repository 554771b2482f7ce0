import { describe, expect, it } from 'vitest';
import { TWO_FACTOR_ERROR_CODES, TwoFactorError, isCodeError, toHostError } from './errors';

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
