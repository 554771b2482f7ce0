/**
 * The adapter: the host app's backend, as the library sees it. Every method takes one request
 * object carrying an `AbortSignal` and returns a Promise. Phone numbers cross it in E.164.
 * Failures reject with a {@link TwoFactorError}; anything else thrown is treated as `unknown`.
 */

/** Fields every adapter request carries. */
export interface AdapterRequest {
  /** Aborted when the step exits, the component unmounts or a newer request supersedes this one. */
  signal: AbortSignal;
}

/** How a phone code is delivered. */
export type PhoneCodeChannel = 'sms' | 'call';

export interface SendEmailCodeResult {
  /** The account email as the user may see it, e.g. `j•••@example.com`. */
  maskedEmail: string;
  /** Seconds before a resend is allowed. */
  resendAfterSeconds?: number;
  /** Digits in the emailed code. @default 6 */
  codeLength?: number;
}

export interface VerifyEmailCodeRequest extends AdapterRequest {
  /** The code the user typed, digits only. */
  code: string;
}

export interface TwoFactorStatus {
  /** The phone currently receiving 2FA codes, or `null` when there is none. */
  phone: { maskedNumber: string } | null;
  /** Whether 2FA may be turned off (free-trial accounts only; mandatory on paid accounts). */
  canDisable: boolean;
}

export interface SendPhoneCodeRequest extends AdapterRequest {
  /** The new number, E.164 (`+14155550123`). */
  phoneNumber: string;
  /** Text message or voice call. */
  channel: PhoneCodeChannel;
}

export interface SendPhoneCodeResult {
  /** Seconds before a resend is allowed. */
  resendAfterSeconds?: number;
  /** Digits in the code. @default 6 */
  codeLength?: number;
}

export interface VerifyPhoneCodeRequest extends AdapterRequest {
  /** The new number, E.164. */
  phoneNumber: string;
  /** The code the user typed, digits only. */
  code: string;
  /**
   * `true` when the user confirmed **Reset** of an existing phone and that phone is still active
   * (swap on verify): on success the backend makes the new number the 2FA phone and retires the
   * old one in one step. `false` when the account has no phone (a first phone, or
   * `resetTiming="immediate"` already removed it).
   */
  replacesCurrent: boolean;
}

export interface VerifyPhoneCodeResult {
  /** The emergency recovery code, shown to the user exactly once. */
  recoveryCode: string;
}

/** The backend the host app supplies. */
export interface TwoFactorAdapter {
  /** Emails a step-up code to the signed-in user. */
  sendEmailCode(request: AdapterRequest): Promise<SendEmailCodeResult>;
  /** Checks the emailed code; resolves when it is right. */
  verifyEmailCode(request: VerifyEmailCodeRequest): Promise<void>;
  /** Reads the current 2FA phone (masked) and whether 2FA may be disabled. */
  getTwoFactorStatus(request: AdapterRequest): Promise<TwoFactorStatus>;
  /**
   * Removes the current 2FA phone. Optional: only called when the wizard's `resetTiming` is
   * `'immediate'` (the default, `'on-verify'`, swaps the phone in `verifyPhoneCode` instead).
   */
  resetPhone?(request: AdapterRequest): Promise<void>;
  /** Sends a code to the new number by SMS or voice call. */
  sendPhoneCode(request: SendPhoneCodeRequest): Promise<SendPhoneCodeResult>;
  /** Checks the phone code; on success the number becomes the 2FA phone. */
  verifyPhoneCode(request: VerifyPhoneCodeRequest): Promise<VerifyPhoneCodeResult>;
  /**
   * Tells the backend the user saved the recovery code (called once, on Finish). Until then a
   * backend may answer a repeated `verifyPhoneCode` for the same number and code with the same
   * recovery code, so an answer lost on the way can be recovered. Optional; failures are ignored.
   */
  acknowledgeRecoveryCode?(request: AdapterRequest): Promise<void>;
  /** Turns 2FA off (only offered when `canDisable`). */
  disableTwoFactor?(request: AdapterRequest): Promise<void>;
}

/** The names of the adapter's methods, for error reporting and scripted failures. */
export type AdapterMethod = keyof TwoFactorAdapter;
