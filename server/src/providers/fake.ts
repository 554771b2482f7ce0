import { and, eq, sql } from 'drizzle-orm';
import { addSeconds, systemClock } from '../clock';
import type { Clock } from '../clock';
import type { Database } from '../db/connection';
import { fakeVerifications } from '../db/schema';
import { hashCode, newId, randomDigits, safeEqual } from '../security/crypto';
import type { DevInbox } from './dev-inbox';
import { ProviderError } from './provider';
import type { VerificationProvider } from './provider';

export interface FakeProviderOptions {
  db: Database;
  /** Keys the code hashes; the same secret must be given after a restart. */
  secret: string | Uint8Array;
  /** Where "sent" codes go (development and tests). Without one, codes are unreadable. */
  inbox?: DevInbox;
  clock?: Clock;
  /** @default 6 */
  codeLength?: number;
  /** @default 600 */
  ttlSeconds?: number;
  /** Checks allowed per verification, as Twilio Verify (5). @default 5 */
  maxChecks?: number;
  /**
   * Scripted refusals by destination, to exercise the error paths:
   * e.g. `{ '+14155550100': 'unsupported_phone_number' }`.
   * @default {}
   */
  failures?: Readonly<Record<string, 'unsupported_phone_number' | 'invalid_phone_number' | 'rate_limited' | 'network' | 'unknown'>>;
}

/**
 * A provider that sends nothing: it stores a hashed code with an expiry and a check count in its
 * own table (so it survives restarts, like a real service) and drops the clear code into the dev
 * inbox. Behaves like Twilio Verify: a spent, cancelled or expired verification is gone.
 */
export function createFakeProvider(options: FakeProviderOptions): VerificationProvider {
  const { db, inbox } = options;
  const secret = typeof options.secret === 'string' ? Buffer.from(options.secret) : options.secret;
  const clock = options.clock ?? systemClock;
  const codeLength = options.codeLength ?? 6;
  const ttlSeconds = options.ttlSeconds ?? 600;
  const maxChecks = options.maxChecks ?? 5;
  const failures = options.failures ?? {};

  return {
    name: 'fake',

    async start({ to, channel }) {
      const failure = failures[to];
      if (failure) throw new ProviderError(failure, { message: 'scripted failure', retryAfterSeconds: failure === 'rate_limited' ? 60 : undefined });
      const now = clock();
      const id = newId();
      const code = randomDigits(codeLength);
      await db.insert(fakeVerifications).values({
        id,
        to,
        channel,
        codeHash: hashCode(secret, id, code),
        status: 'pending',
        createdAt: now,
        expiresAt: addSeconds(now, ttlSeconds),
      });
      inbox?.add({
        channel,
        to,
        code,
        text: channel === 'sms' ? `Your verification code is ${code}` : `(voice call) Your code is ${code.split('').join(' ')}`,
        sentAt: now,
      });
      return { ref: id, codeLength };
    },

    async check({ ref, to, code }) {
      const [row] = await db.select().from(fakeVerifications).where(eq(fakeVerifications.id, ref));
      if (!row || row.to !== to || row.status === 'approved' || row.status === 'canceled') {
        throw new ProviderError('expired_code', { message: 'verification not found' });
      }
      if (row.status === 'max_attempts_reached') throw new ProviderError('too_many_attempts');
      if (row.expiresAt.getTime() <= clock().getTime()) throw new ProviderError('expired_code', { message: 'verification expired' });
      if (safeEqual(hashCode(secret, row.id, code), row.codeHash)) {
        // Only one concurrent check can move it from pending to approved.
        const approved = await db
          .update(fakeVerifications)
          .set({ status: 'approved' })
          .where(and(eq(fakeVerifications.id, ref), eq(fakeVerifications.status, 'pending')))
          .returning({ id: fakeVerifications.id });
        if (approved.length !== 1) throw new ProviderError('expired_code', { message: 'verification not found' });
        return { status: 'approved' };
      }
      const [counted] = await db
        .update(fakeVerifications)
        .set({ checks: sql`${fakeVerifications.checks} + 1` })
        .where(and(eq(fakeVerifications.id, ref), eq(fakeVerifications.status, 'pending')))
        .returning({ checks: fakeVerifications.checks });
      if (!counted) throw new ProviderError('expired_code', { message: 'verification not found' });
      if (counted.checks >= maxChecks) {
        await db.update(fakeVerifications).set({ status: 'max_attempts_reached' }).where(eq(fakeVerifications.id, ref));
      }
      return { status: 'wrong_code' };
    },

    async cancel({ ref }) {
      await db
        .update(fakeVerifications)
        .set({ status: 'canceled' })
        .where(and(eq(fakeVerifications.id, ref), eq(fakeVerifications.status, 'pending')));
    },
  };
}
