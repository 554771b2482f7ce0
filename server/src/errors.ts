/**
 * The closed error vocabulary of the REST API (the library's TwoFactorError codes). Errors leave a
 * route only as one of these, with a fixed developer message: never a stack, a provider's text, a
 * code or a phone number.
 */
export const ERROR_CODES = [
  'invalid_code',
  'expired_code',
  'too_many_attempts',
  'rate_limited',
  'invalid_phone_number',
  'unsupported_phone_number',
  'reverification_required',
  'network',
  'unknown',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status each code is answered with unless a route says otherwise (docs/rest-api.md). */
const DEFAULT_STATUS: { readonly [C in ErrorCode]: number } = {
  invalid_code: 422,
  expired_code: 410,
  too_many_attempts: 423,
  rate_limited: 429,
  invalid_phone_number: 400,
  unsupported_phone_number: 400,
  reverification_required: 403,
  network: 503,
  unknown: 500,
};

export interface ApiErrorDetails {
  /** Overrides the code's default status (e.g. 409 for "no pending code" instead of 410). */
  status?: number;
  /** For developers; must never hold a code, a number or an email. */
  message?: string;
  retryAfterSeconds?: number;
  attemptsRemaining?: number;
}

/** A refusal a route answers with; thrown anywhere under a route, turned into JSON by the app. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;
  readonly attemptsRemaining: number | undefined;

  constructor(code: ErrorCode, details: ApiErrorDetails = {}) {
    super(details.message ?? code);
    this.name = 'ApiError';
    this.code = code;
    this.status = details.status ?? DEFAULT_STATUS[code];
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.attemptsRemaining = details.attemptsRemaining;
  }

  /** The documented error body: `{ error: { code, message?, retryAfterSeconds?, attemptsRemaining? } }`. */
  toBody(): { error: { code: ErrorCode; message?: string; retryAfterSeconds?: number; attemptsRemaining?: number } } {
    return {
      error: {
        code: this.code,
        ...(this.message !== this.code ? { message: this.message } : {}),
        ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
        ...(this.attemptsRemaining !== undefined ? { attemptsRemaining: this.attemptsRemaining } : {}),
      },
    };
  }
}
