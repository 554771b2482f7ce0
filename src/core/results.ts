import type { SendEmailCodeResult, SendPhoneCodeResult, TwoFactorStatus, VerifyPhoneCodeResult } from './adapter';

/**
 * Checks of what an adapter resolved with (the hooks' request helper) and of what the REST API
 * answered (the fetch adapter): a hand-written adapter that returns `res.json()` without looking
 * at the status, or a backend that renamed a field, must end in the generic retryable `unknown`
 * failure rather than in a step that shows "undefined" or crashes. Methods that resolve with
 * nothing (`verifyEmailCode`, `resetPhone`, `disableTwoFactor`) have no guard. Absent hints may be
 * `undefined` or JSON `null`.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An optional hint: absent (`undefined` or JSON `null`), or a usable value. */
function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** A finite number ≥ 0: seconds to wait, attempts left. */
export function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isOptionalSeconds(value: unknown): boolean {
  return isAbsent(value) || isNonNegativeNumber(value);
}

function isOptionalCodeLength(value: unknown): boolean {
  return isAbsent(value) || (typeof value === 'number' && Number.isInteger(value) && value >= 1);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** `{ maskedEmail, resendAfterSeconds?, codeLength? }` with a non-empty masked email. */
export function isSendEmailCodeResult(value: unknown): value is SendEmailCodeResult {
  return (
    isRecord(value) &&
    isNonEmptyString(value.maskedEmail) &&
    isOptionalSeconds(value.resendAfterSeconds) &&
    isOptionalCodeLength(value.codeLength)
  );
}

/** `{ phone: { maskedNumber } | null, canDisable }`. */
export function isTwoFactorStatus(value: unknown): value is TwoFactorStatus {
  if (!isRecord(value) || typeof value.canDisable !== 'boolean') return false;
  const { phone } = value;
  return phone === null || (isRecord(phone) && isNonEmptyString(phone.maskedNumber));
}

/** `{ resendAfterSeconds?, codeLength? }`: an object, even when both hints are absent. */
export function isSendPhoneCodeResult(value: unknown): value is SendPhoneCodeResult {
  return isRecord(value) && isOptionalSeconds(value.resendAfterSeconds) && isOptionalCodeLength(value.codeLength);
}

/** `{ recoveryCode }` with a non-empty code: without it the user would lose their way back in. */
export function isVerifyPhoneCodeResult(value: unknown): value is VerifyPhoneCodeResult {
  return isRecord(value) && isNonEmptyString(value.recoveryCode);
}
