import type { SendEmailCodeResult, SendPhoneCodeResult, TwoFactorStatus, VerifyPhoneCodeResult } from './adapter';
import { MAX_WAIT_SECONDS, isWithin } from './errors';

/**
 * Checks of what an adapter resolved with (the hooks' request helper) and of what the REST API
 * answered (the fetch adapter): a hand-written adapter that returns `res.json()` without looking
 * at the status, a backend that renamed a field, or a hostile or broken one must end in the
 * generic retryable `unknown` failure rather than in a step that shows "undefined", a blank
 * recovery code the user could "save", `1e+21` in the copy, or a multi-second render of a
 * megabyte of text (issue 15). Methods that resolve with nothing (`verifyEmailCode`, `resetPhone`,
 * `disableTwoFactor`) have no guard. Absent hints may be `undefined` or JSON `null`; fields the
 * contract does not name are ignored.
 *
 * Plain predicates rather than zod schemas on purpose: the email gate and the fetch adapter load
 * with the first screen, and zod/mini there costs about 6 kB gzip of initial JS and breaks the rule
 * that zod loads only with the phone step (scripts/size.mjs, DEFERRED_PACKAGES).
 */

/** Longest masked email accepted: an address is at most 254 characters (RFC 5321). */
export const MAX_MASKED_EMAIL_LENGTH = 254;
/** Longest masked number accepted: E.164 has 15 digits; this leaves room for spacing and marks. */
export const MAX_MASKED_NUMBER_LENGTH = 64;
/** Longest recovery code accepted; real ones are 10–40 characters. */
export const MAX_RECOVERY_CODE_LENGTH = 256;
/** Most code digits a backend may announce (the documented 1–64, docs/rest-api.md). */
export const MAX_CODE_LENGTH = 64;

// Control, format (zero-width, direction marks), private-use and line/paragraph separators: they
// render as nothing or garble the text, and a recovery code holding one would not be the string
// the user copies or types back.
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}]/u;
// Something a person can see and read back: at least one letter, digit, punctuation mark or symbol.
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
// A recovery code the user can type back has at least one letter or digit (not only separators).
const ALPHANUMERIC = /[\p{L}\p{N}]/u;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number ≥ 0: seconds to wait, attempts left. */
export function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * The optional hints of a send's answer: each absent (`undefined` or JSON `null`) or usable: a
 * wait of 0–{@link MAX_WAIT_SECONDS} seconds (NaN and ±∞ fail), a whole number of digits from 1 to
 * {@link MAX_CODE_LENGTH}.
 */
function hasUsableHints({ resendAfterSeconds, codeLength }: Record<string, unknown>): boolean {
  return (
    (resendAfterSeconds == null || isWithin(resendAfterSeconds, MAX_WAIT_SECONDS)) &&
    (codeLength == null ||
      (Number.isInteger(codeLength) && (codeLength as number) >= 1 && (codeLength as number) <= MAX_CODE_LENGTH))
  );
}

/** A short text shown to the user: bounded, something visible in it, nothing invisible. */
function isDisplayText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length <= maxLength && VISIBLE.test(value) && !INVISIBLE_OR_CONTROL.test(value);
}

/**
 * `{ maskedEmail, resendAfterSeconds?, codeLength? }`: a visible masked email of at most
 * {@link MAX_MASKED_EMAIL_LENGTH} characters, a wait of 0–{@link MAX_WAIT_SECONDS} seconds and a
 * code length of 1–{@link MAX_CODE_LENGTH}.
 */
export function isSendEmailCodeResult(value: unknown): value is SendEmailCodeResult {
  return (
    isRecord(value) &&
    isDisplayText(value.maskedEmail, MAX_MASKED_EMAIL_LENGTH) &&
    hasUsableHints(value)
  );
}

/** `{ phone: { maskedNumber } | null, canDisable }`, the masked number visible and short. */
export function isTwoFactorStatus(value: unknown): value is TwoFactorStatus {
  return (
    isRecord(value) &&
    typeof value.canDisable === 'boolean' &&
    (value.phone === null || (isRecord(value.phone) && isDisplayText(value.phone.maskedNumber, MAX_MASKED_NUMBER_LENGTH)))
  );
}

/** `{ resendAfterSeconds?, codeLength? }`: an object, even when both hints are absent. */
export function isSendPhoneCodeResult(value: unknown): value is SendPhoneCodeResult {
  return isRecord(value) && hasUsableHints(value);
}

/**
 * `{ recoveryCode }` with a code the user can save and type back: at least one letter or digit
 * (not blank, not only separators), nothing invisible, at most {@link MAX_RECOVERY_CODE_LENGTH}
 * characters. Without it the user would lose their way back in, so a retry beats showing a blank
 * or garbled code.
 */
export function isVerifyPhoneCodeResult(value: unknown): value is VerifyPhoneCodeResult {
  // Display text (bounded, nothing invisible) with at least one letter or digit in it.
  return (
    isRecord(value) &&
    isDisplayText(value.recoveryCode, MAX_RECOVERY_CODE_LENGTH) &&
    ALPHANUMERIC.test(value.recoveryCode)
  );
}

/**
 * The hints of a send's answer that are present, without `null`s or any other field: what the
 * fetch adapter resolves with and what `onCodeSent` receives.
 */
export function codeHints({
  resendAfterSeconds,
  codeLength,
}: {
  resendAfterSeconds?: number | null;
  codeLength?: number | null;
}): SendPhoneCodeResult {
  const hints: SendPhoneCodeResult = {};
  if (resendAfterSeconds != null) hints.resendAfterSeconds = resendAfterSeconds;
  if (codeLength != null) hints.codeLength = codeLength;
  return hints;
}
