/** The closed vocabulary of failures the UI knows how to explain. */
export const TWO_FACTOR_ERROR_CODES = [
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

export type TwoFactorErrorCode = (typeof TWO_FACTOR_ERROR_CODES)[number];

/**
 * The longest wait a backend hint may ask for (one day). A longer, negative or non-finite one is
 * not believable: a result carrying it is refused (core/results.ts) and an error's hint is
 * dropped, so the copy never reads "1e+21 seconds" (issue 15).
 */
export const MAX_WAIT_SECONDS = 24 * 60 * 60;
/** The most code attempts a backend hint may report; above it the hint is dropped. */
export const MAX_ATTEMPTS_REMAINING = 100;

export interface TwoFactorErrorOptions {
  /** Developer-facing detail; never shown to the user (the UI shows copy for the `code`). */
  message?: string;
  /**
   * Seconds until the action may be retried (rate limits, lockouts). Dropped unless a finite
   * number from 0 to {@link MAX_WAIT_SECONDS}.
   */
  retryAfterSeconds?: number;
  /**
   * Code attempts left before a lockout. Dropped unless a finite number from 0 to
   * {@link MAX_ATTEMPTS_REMAINING}.
   */
  attemptsRemaining?: number;
  /** The underlying error, for logging by the host. */
  cause?: unknown;
}

/** The one error type adapters reject with. */
export class TwoFactorError extends Error {
  /** Which failure, from the closed vocabulary. */
  readonly code: TwoFactorErrorCode;
  /** Seconds until the action may be retried, when known. */
  readonly retryAfterSeconds?: number;
  /** Code attempts left, when known. */
  readonly attemptsRemaining?: number;

  constructor(code: TwoFactorErrorCode, options: TwoFactorErrorOptions = {}) {
    // The options are also Error's own: it takes `cause` from them when they name one, as a native
    // Error does (and reads nothing else).
    super(options.message ?? code, options);
    this.name = 'TwoFactorError';
    this.code = isTwoFactorErrorCode(code) ? code : 'unknown';
    if (isWithin(options.retryAfterSeconds, MAX_WAIT_SECONDS)) this.retryAfterSeconds = Math.ceil(options.retryAfterSeconds);
    if (isWithin(options.attemptsRemaining, MAX_ATTEMPTS_REMAINING)) this.attemptsRemaining = Math.floor(options.attemptsRemaining);
  }
}

/** A number from 0 to `max`: not NaN, not infinite, not negative, not absurdly large. */
export function isWithin(value: unknown, max: number): value is number {
  return typeof value === 'number' && value >= 0 && value <= max;
}

/** Whether `value` is one of the closed vocabulary's codes (`TWO_FACTOR_ERROR_CODES`). */
export function isTwoFactorErrorCode(value: unknown): value is TwoFactorErrorCode {
  return typeof value === 'string' && (TWO_FACTOR_ERROR_CODES as readonly string[]).includes(value);
}

/** Whether `value` is a `TwoFactorError`. */
export function isTwoFactorError(value: unknown): value is TwoFactorError {
  return value instanceof TwoFactorError;
}

/** True for an `AbortError` (from an aborted fetch or `signal.throwIfAborted()`). */
export function isAbortError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AbortError';
}

/** `reason` when it is an `AbortError` (an aborted signal's own), else a new one. */
export function abortError(reason?: unknown): unknown {
  return isAbortError(reason) ? reason : domError('The operation was aborted.', 'AbortError');
}

/**
 * A `DOMException` named `name`, or an `Error` of that name where the runtime has no
 * `DOMException` (React Native's Hermes using the headless entry): either way `name` tells an
 * abort or a timeout apart, and building it never throws.
 */
export function domError(message: string, name: string): Error {
  if (typeof DOMException === 'function') return new DOMException(message, name);
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * Turns anything thrown into a {@link TwoFactorError}. A `TwoFactorError` (also one from another
 * copy of the library, recognised by shape) keeps its code and hints; anything else becomes
 * `unknown`, or `network` for a fetch `TypeError`. A foreign error's text is never kept as the
 * message: it may carry secrets or backend detail, so it only travels as `cause`.
 */
export function normalizeError(error: unknown): TwoFactorError {
  if (error instanceof TwoFactorError) return error;
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TwoFactorError') {
    const shaped = error as { code?: unknown; retryAfterSeconds?: unknown; attemptsRemaining?: unknown };
    if (isTwoFactorErrorCode(shaped.code)) {
      return new TwoFactorError(shaped.code, {
        retryAfterSeconds: shaped.retryAfterSeconds as number | undefined,
        attemptsRemaining: shaped.attemptsRemaining as number | undefined,
        cause: error,
      });
    }
  }
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) {
    return new TwoFactorError('network', { cause: error });
  }
  return new TwoFactorError('unknown', { cause: error });
}

/**
 * Failures about the code the user typed, not about the request: the UI shows them on the code
 * field (which turns invalid) rather than above the form.
 */
export function isCodeError(code: TwoFactorErrorCode): boolean {
  return ['invalid_code', 'expired_code', 'too_many_attempts'].includes(code);
}

/**
 * The copy of a failure that host callbacks (`onError`) receive: the same `code`,
 * `retryAfterSeconds` and `attemptsRemaining`, the code as its message, and no `cause`. An
 * adapter's message, or the error it wraps, may quote the code the user typed (a backend's "code
 * 123456 rejected"), so neither leaves the library; an adapter that needs raw errors logs them
 * itself. Idempotent.
 */
export function toHostError(error: TwoFactorError): TwoFactorError {
  return new TwoFactorError(error.code, {
    retryAfterSeconds: error.retryAfterSeconds,
    attemptsRemaining: error.attemptsRemaining,
  });
}

/**
 * Runs a caller's handler (a host callback, a dev inbox listener) so that a throw neither breaks
 * the caller's bookkeeping nor turns into an unhandled rejection: it is rethrown on its own task,
 * where it reaches the page's error handling like an error in an event handler would.
 */
export function callSafely(fn: () => void): void {
  try {
    fn();
  } catch (thrown) {
    queueMicrotask(() => {
      throw thrown;
    });
  }
}
