import type { ErrorCode } from '../errors';

/** How a code reaches the new number. */
export type PhoneChannel = 'sms' | 'call';

export interface StartVerificationRequest {
  /** E.164. */
  to: string;
  channel: PhoneChannel;
}

export interface StartedVerification {
  /** The provider's handle, passed back to `check` and `cancel` (stored with the pending change). */
  ref: string;
  /** Digits in the code, when the provider says. */
  codeLength?: number;
}

export interface CheckVerificationRequest {
  ref: string;
  to: string;
  code: string;
}

/** `wrong_code` leaves the verification pending; a spent or expired one throws `expired_code`. */
export type CheckVerificationResult = { status: 'approved' } | { status: 'wrong_code' };

/**
 * What the server needs from an SMS/voice verification service: start one, check a code, cancel
 * one. Failures throw a `ProviderError` whose code is one of the REST API's error codes; a provider
 * never puts a code or a number in an error message.
 */
export interface VerificationProvider {
  /** Short name for the security log ("fake", "twilio-verify"). */
  readonly name: string;
  start(request: StartVerificationRequest): Promise<StartedVerification>;
  check(request: CheckVerificationRequest): Promise<CheckVerificationResult>;
  /** Best effort: a verification that is already gone is not an error. */
  cancel(request: { ref: string; to: string }): Promise<void>;
}

/** A provider's refusal, already in the API's vocabulary. */
export class ProviderError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, options: { message?: string; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(options.message ?? code, { cause: options.cause });
    this.name = 'ProviderError';
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/**
 * Cancels verifications at the provider in the background: each call may take the provider's whole
 * timeout, and a request must not wait for it (the client gives up after 15 s). Best effort: a
 * failure is swallowed, never logged (a provider's error could carry the number).
 */
export function cancelInBackground(provider: VerificationProvider, verifications: readonly { providerRef: string; phoneNumber: string }[]): void {
  for (const { providerRef, phoneNumber } of verifications) {
    void Promise.resolve()
      .then(() => provider.cancel({ ref: providerRef, to: phoneNumber }))
      .catch(() => undefined);
  }
}
