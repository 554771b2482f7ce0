import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

// Every secret column holds a hash or a ciphertext, never a code in clear (see security/).
// Times are written from the injected clock, never from the database's now(), so tests can move time.
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The phone that receives a user's 2FA codes. At most one active row per user (partial unique index). */
export const phoneFactors = pgTable(
  'phone_factors',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    phoneNumber: text('phone_number').notNull(),
    createdAt: at('created_at').notNull(),
    retiredAt: at('retired_at'),
  },
  (table) => [uniqueIndex('phone_factors_one_active_per_user').on(table.userId).where(sql`${table.retiredAt} is null`)],
);

/**
 * A number being verified: nothing about the account changes until its code verifies. At most one
 * pending row per user (partial unique index): a new send replaces the pending one.
 */
export const pendingChanges = pgTable(
  'pending_changes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    phoneNumber: text('phone_number').notNull(),
    channel: text('channel', { enum: ['sms', 'call'] }).notNull(),
    /** The provider's handle for the verification (the fake's row id, Twilio's VE… sid). */
    providerRef: text('provider_ref').notNull(),
    status: text('status', { enum: ['pending', 'verified', 'cancelled', 'locked'] }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (table) => [
    index('pending_changes_user').on(table.userId, table.createdAt),
    uniqueIndex('pending_changes_one_pending_per_user').on(table.userId).where(sql`${table.status} = 'pending'`),
  ],
);

/** Emailed step-up codes, hashed. */
export const emailCodes = pgTable(
  'email_codes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    /** A keyed hash of the host's session id ('' when getUser gives none): codes are per session. */
    sessionKey: text('session_key').notNull().default(''),
    codeHash: text('code_hash').notNull(),
    status: text('status', { enum: ['pending', 'used', 'superseded', 'locked'] }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (table) => [index('email_codes_user').on(table.userId, table.sessionKey, table.createdAt)],
);

/**
 * A fresh email re-verification, per user and session: the routes after the email gate answer 403
 * once it expires. After a swap it is narrowed to `finish` (repeat the verify, acknowledge), after a
 * disable to `status` (read the status), and the user's other sessions lose theirs.
 */
export const stepUpGrants = pgTable(
  'step_up_grants',
  {
    userId: text('user_id').notNull(),
    /** A keyed hash of the host's session id ('' when getUser gives none). */
    sessionKey: text('session_key').notNull().default(''),
    scope: text('scope', { enum: ['full', 'finish', 'status'] }).notNull().default('full'),
    grantedAt: at('granted_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.sessionKey] })],
);

/** Emergency recovery codes, scrypt-hashed with their own salt; a phone change revokes the old ones. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: at('created_at').notNull(),
    revokedAt: at('revoked_at'),
  },
  (table) => [index('recovery_codes_user').on(table.userId)],
);

/**
 * The answer to the last successful verify, for a client that lost it (a dropped connection):
 * the recovery code encrypted with a key derived from the verification code and the server secret.
 * Deleted on acknowledge and after a few wrong codes; ignored (and pruned) after 15 minutes.
 */
export const recoveryReplays = pgTable('recovery_replays', {
  userId: text('user_id').primaryKey(),
  phoneNumber: text('phone_number').notNull(),
  salt: text('salt').notNull(),
  iv: text('iv').notNull(),
  ciphertext: text('ciphertext').notNull(),
  tag: text('tag').notNull(),
  expiresAt: at('expires_at').notNull(),
  /** Tries with a code that did not open it; the copy is deleted after a few (REPLAY_MAX_MISSES). */
  misses: integer('misses').notNull().default(0),
});

/** What happened to a user's second factor, with the number masked. */
export const securityEvents = pgTable(
  'security_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id').notNull(),
    type: text('type', {
      enum: ['factor_added', 'factor_changed', 'factor_reset', 'two_factor_disabled', 'lockout'],
    }).notNull(),
    maskedNumber: text('masked_number'),
    ipAddress: text('ip_address'),
    createdAt: at('created_at').notNull(),
  },
  (table) => [index('security_events_user').on(table.userId, table.createdAt)],
);

/** Fixed-window counters for the send limits (per user, per number, per IP). */
export const rateCounters = pgTable(
  'rate_counters',
  {
    key: text('key').notNull(),
    windowStart: at('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);

/**
 * The resend cooldown of a send, one row per key (user, keyed hash of the number, channel): taken by
 * one guarded upsert before the provider is called, so parallel sends reach the provider once; given
 * back when the provider refuses or cannot be reached.
 */
export const sendCooldowns = pgTable('send_cooldowns', {
  key: text('key').primaryKey(),
  sentAt: at('sent_at').notNull(),
});

/** The fake provider's verifications: codes hashed, expiry and attempts as Twilio Verify keeps them. */
export const fakeVerifications = pgTable('fake_verifications', {
  id: text('id').primaryKey(),
  to: text('to').notNull(),
  channel: text('channel').notNull(),
  codeHash: text('code_hash').notNull(),
  status: text('status', { enum: ['pending', 'approved', 'canceled', 'max_attempts_reached'] }).notNull(),
  checks: integer('checks').notNull().default(0),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
});
