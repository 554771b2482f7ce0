import type { Context } from 'hono';
import type { Clock } from './clock';
import type { Database } from './db/connection';
import type { VerificationProvider } from './providers/provider';
import type { RateLimit } from './security/rate-limit';

/** The signed-in user, as the host's `getUser` reports them. */
export interface TwoFactorUser {
  /** The host's user id; the server stores nothing else about the user. */
  id: string;
  /** Where step-up codes and change notices go (shown masked). */
  email: string;
  /**
   * Whether 2FA may be turned off for this account (free-trial accounts); `DELETE /two-factor` (and
   * `DELETE /phone`, unless the app allows an immediate reset) is refused otherwise.
   * @default false
   */
  canDisable?: boolean;
  /**
   * The host's session (its id, or any stable value per sign-in). When given, email codes and the
   * step-up grant belong to this session only: a code verified in one session opens nothing in
   * another (a stolen session cannot ride on the user's own step-up). Stored only as a keyed hash.
   * Without it, they are per user, as before.
   */
  sessionId?: string;
}

/** An email the host sends for the server (it owns the mail transport). */
export type TwoFactorEmail =
  | { kind: 'step-up-code'; to: string; userId: string; code: string; expiresInMinutes: number }
  | { kind: 'phone-changed'; to: string; userId: string; maskedNumber: string }
  | { kind: 'phone-removed'; to: string; userId: string }
  | { kind: 'two-factor-disabled'; to: string; userId: string };

/** Limits against SMS pumping and guessing; every figure is per fixed window. */
export interface TwoFactorLimits {
  /** Seconds between two sends to one number over one channel (reported as `resendAfterSeconds`). @default 30 */
  resendCooldownSeconds: number;
  /** Phone code sends per user. @default { max: 10, windowSeconds: 3600 } */
  sendsPerUser: RateLimit;
  /** Phone code sends per destination number, whoever asks. @default { max: 5, windowSeconds: 3600 } */
  sendsPerNumber: RateLimit;
  /** Phone code and email code sends per client IP. @default { max: 30, windowSeconds: 3600 } */
  sendsPerIp: RateLimit;
  /** Step-up emails per user. @default { max: 10, windowSeconds: 3600 } */
  emailsPerUser: RateLimit;
  /** Seconds between two step-up emails. @default 30 */
  emailCooldownSeconds: number;
  /** Wrong codes before a code is burnt. @default 5 */
  maxAttempts: number;
}

export interface TwoFactorAppOptions {
  /** From `openDatabase()`. */
  db: Database;
  /** `createFakeProvider(…)` or `createTwilioVerifyProvider(…)`. */
  provider: VerificationProvider;
  /** The host's authentication: the signed-in user of a request, or null (answered 401). */
  getUser(request: Request): TwoFactorUser | null | Promise<TwoFactorUser | null>;
  /** Sends an email (the step-up code, change notices). */
  sendEmail(message: TwoFactorEmail): void | Promise<void>;
  /** @default () => new Date() */
  clock?: Clock;
  /**
   * Keys code hashes and the lost-answer replay encryption. Give the same value to every process
   * and across restarts (at least 32 random bytes, e.g. from an env variable). Required, and at
   * least 32 bytes, unless `environment` is `development` or `test`.
   * @default 32 random bytes per process (development and test only)
   */
  secret?: string | Uint8Array;
  /** @default see TwoFactorLimits */
  limits?: Partial<TwoFactorLimits>;
  /** Seconds a verified email code keeps the routes open. @default 600 */
  stepUpTtlSeconds?: number;
  /** Seconds an email code stays valid. @default 600 */
  emailCodeTtlSeconds?: number;
  /** Seconds a pending phone change stays verifiable. @default 600 */
  phoneCodeTtlSeconds?: number;
  /**
   * The client's IP for the per-IP send limit. Behind a proxy, read your trusted `X-Forwarded-For`
   * hop here. When it is unknown (`undefined`, `null`, `''` or `'unknown'`) the per-IP limit is
   * skipped for that request (the per-user and per-number limits still hold): one shared bucket
   * would let a few users lock everyone out.
   * @default the socket's remote address under `@hono/node-server`, else unknown (with a warning)
   */
  getClientIp?(c: Context): string | null | undefined;
  /** CSRF checks (see security/csrf.ts); `false` only for token-authenticated APIs. @default {} */
  csrf?: { allowedOrigins?: readonly string[] } | false;
  /**
   * Serve `GET /dev/inbox` from this inbox (to signed-in users), only when `environment` is `development`.
   */
  devInbox?: import('./providers/dev-inbox').DevInbox;
  /** @default process.env.NODE_ENV ?? 'production' */
  environment?: string;
  /**
   * Let `DELETE /phone` remove the phone of an account whose 2FA is mandatory (`canDisable` not
   * true). Only for hosts whose wizard uses `resetTiming="immediate"` (delete first, then add): the
   * account has no second factor until the new number verifies. Without it, `DELETE /phone` answers
   * 409 `unknown` on such accounts, like `DELETE /two-factor`; the default flow swaps on verify and
   * never calls it.
   * @default false
   */
  allowImmediateReset?: boolean;
}

export const DEFAULT_LIMITS: TwoFactorLimits = {
  resendCooldownSeconds: 30,
  sendsPerUser: { max: 10, windowSeconds: 3600 },
  sendsPerNumber: { max: 5, windowSeconds: 3600 },
  sendsPerIp: { max: 30, windowSeconds: 3600 },
  emailsPerUser: { max: 10, windowSeconds: 3600 },
  emailCooldownSeconds: 30,
  maxAttempts: 5,
};

/** What every route handler reads: the options, resolved. */
export interface AppDeps {
  db: Database;
  provider: VerificationProvider;
  sendEmail: TwoFactorAppOptions['sendEmail'];
  clock: Clock;
  secret: Uint8Array;
  limits: TwoFactorLimits;
  stepUpTtlSeconds: number;
  emailCodeTtlSeconds: number;
  phoneCodeTtlSeconds: number;
  allowImmediateReset: boolean;
}

/** Hono variables set by the app's middleware. */
export interface AppEnv {
  Variables: {
    user: TwoFactorUser;
    /** The keyed hash of `user.sessionId` ('' without one). */
    sessionKey: string;
    /** The client's IP, or undefined when it is not known (the per-IP limit is then skipped). */
    clientIp: string | undefined;
  };
}
