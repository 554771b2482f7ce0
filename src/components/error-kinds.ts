import type { TwoFactorErrorCode } from '../core/errors';

/**
 * Failures about the code the user typed: shown on the code field (which turns invalid) rather
 * than above the form.
 */
export function isCodeError(code: TwoFactorErrorCode): boolean {
  return code === 'invalid_code' || code === 'expired_code' || code === 'too_many_attempts';
}
