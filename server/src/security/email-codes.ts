import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { addSeconds } from '../clock';
import type { Database } from '../db/connection';
import { emailCodes } from '../db/schema';
import { hashCode, newId, safeEqual } from './crypto';

export interface EmailCodeSettings {
  secret: Uint8Array;
  ttlSeconds: number;
  maxAttempts: number;
}

/** Stores a new step-up code (hashed) for the user's session, superseding that session's pending one. */
export async function createEmailCode(
  db: Database,
  settings: EmailCodeSettings,
  userId: string,
  sessionKey: string,
  code: string,
  now: Date,
): Promise<void> {
  const id = newId();
  await db.transaction(async (tx) => {
    await tx
      .update(emailCodes)
      .set({ status: 'superseded' })
      .where(and(eq(emailCodes.userId, userId), eq(emailCodes.sessionKey, sessionKey), eq(emailCodes.status, 'pending')));
    await tx.insert(emailCodes).values({
      id,
      userId,
      sessionKey,
      codeHash: hashCode(settings.secret, id, code),
      status: 'pending',
      createdAt: now,
      expiresAt: addSeconds(now, settings.ttlSeconds),
    });
  });
}

/** When the user's last step-up code was sent (any session: the inbox is the user's), for the resend cooldown. */
export async function lastEmailCodeSentAt(db: Database, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: emailCodes.createdAt })
    .from(emailCodes)
    .where(eq(emailCodes.userId, userId))
    .orderBy(desc(emailCodes.createdAt))
    .limit(1);
  return row?.createdAt ?? null;
}

export type EmailCodeCheck =
  | { outcome: 'approved' }
  | { outcome: 'none' }
  | { outcome: 'expired' }
  | { outcome: 'wrong'; attemptsRemaining: number }
  /** `burnt` is true only for the one request that burnt the code (it records the lockout). */
  | { outcome: 'locked'; burnt: boolean };

/**
 * Checks a typed code against the pending one. The attempt is counted before the code is compared,
 * in one guarded UPDATE (`failed_attempts < max`), so parallel guesses cannot compare more codes than
 * the limit allows; the attempt that reaches the limit with a wrong code burns it.
 */
export async function checkEmailCode(
  db: Database,
  settings: EmailCodeSettings,
  userId: string,
  sessionKey: string,
  code: string,
  now: Date,
): Promise<EmailCodeCheck> {
  const [row] = await db
    .select()
    .from(emailCodes)
    .where(and(eq(emailCodes.userId, userId), eq(emailCodes.sessionKey, sessionKey), eq(emailCodes.status, 'pending')))
    .orderBy(desc(emailCodes.createdAt))
    .limit(1);
  if (!row) return { outcome: 'none' };
  if (row.expiresAt.getTime() <= now.getTime()) return { outcome: 'expired' };
  const [reserved] = await db
    .update(emailCodes)
    .set({ failedAttempts: sql`${emailCodes.failedAttempts} + 1` })
    .where(and(eq(emailCodes.id, row.id), eq(emailCodes.status, 'pending'), lt(emailCodes.failedAttempts, settings.maxAttempts)))
    .returning({ failedAttempts: emailCodes.failedAttempts });
  if (!reserved) {
    // Burnt, used or superseded, or its last attempts are being compared by other requests.
    const [current] = await db.select({ status: emailCodes.status }).from(emailCodes).where(eq(emailCodes.id, row.id));
    return current?.status === 'locked' ? { outcome: 'locked', burnt: false } : { outcome: 'none' };
  }
  if (safeEqual(hashCode(settings.secret, row.id, code), row.codeHash)) {
    const used = await db
      .update(emailCodes)
      .set({ status: 'used', failedAttempts: sql`${emailCodes.failedAttempts} - 1` })
      .where(and(eq(emailCodes.id, row.id), eq(emailCodes.status, 'pending')))
      .returning({ id: emailCodes.id });
    return used.length === 1 ? { outcome: 'approved' } : { outcome: 'none' };
  }
  const attemptsRemaining = Math.max(0, settings.maxAttempts - reserved.failedAttempts);
  if (attemptsRemaining === 0) {
    const burnt = await db
      .update(emailCodes)
      .set({ status: 'locked' })
      .where(and(eq(emailCodes.id, row.id), eq(emailCodes.status, 'pending')))
      .returning({ id: emailCodes.id });
    return { outcome: 'locked', burnt: burnt.length === 1 };
  }
  return { outcome: 'wrong', attemptsRemaining };
}
