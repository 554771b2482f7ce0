import { and, desc, eq, sql } from 'drizzle-orm';
import { addSeconds } from '../clock';
import type { Database } from '../db/connection';
import { emailCodes } from '../db/schema';
import { hashCode, newId, safeEqual } from './crypto';

export interface EmailCodeSettings {
  secret: Uint8Array;
  ttlSeconds: number;
  maxAttempts: number;
}

/** Stores a new step-up code (hashed) for the user, superseding any pending one. */
export async function createEmailCode(db: Database, settings: EmailCodeSettings, userId: string, code: string, now: Date): Promise<void> {
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.update(emailCodes).set({ status: 'superseded' }).where(and(eq(emailCodes.userId, userId), eq(emailCodes.status, 'pending')));
    await tx.insert(emailCodes).values({
      id,
      userId,
      codeHash: hashCode(settings.secret, id, code),
      status: 'pending',
      createdAt: now,
      expiresAt: addSeconds(now, settings.ttlSeconds),
    });
  });
}

/** When the user's last step-up code was sent, for the resend cooldown. */
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
  | { outcome: 'locked' };

/** Checks a typed code against the pending one; a wrong code counts, the last one burns it. */
export async function checkEmailCode(db: Database, settings: EmailCodeSettings, userId: string, code: string, now: Date): Promise<EmailCodeCheck> {
  const [row] = await db
    .select()
    .from(emailCodes)
    .where(and(eq(emailCodes.userId, userId), eq(emailCodes.status, 'pending')))
    .orderBy(desc(emailCodes.createdAt))
    .limit(1);
  if (!row) return { outcome: 'none' };
  if (row.expiresAt.getTime() <= now.getTime()) return { outcome: 'expired' };
  if (safeEqual(hashCode(settings.secret, row.id, code), row.codeHash)) {
    const used = await db
      .update(emailCodes)
      .set({ status: 'used' })
      .where(and(eq(emailCodes.id, row.id), eq(emailCodes.status, 'pending')))
      .returning({ id: emailCodes.id });
    return used.length === 1 ? { outcome: 'approved' } : { outcome: 'none' };
  }
  const [counted] = await db
    .update(emailCodes)
    .set({ failedAttempts: sql`${emailCodes.failedAttempts} + 1` })
    .where(and(eq(emailCodes.id, row.id), eq(emailCodes.status, 'pending')))
    .returning({ failedAttempts: emailCodes.failedAttempts });
  if (!counted) return { outcome: 'none' };
  const attemptsRemaining = Math.max(0, settings.maxAttempts - counted.failedAttempts);
  if (attemptsRemaining === 0) {
    await db.update(emailCodes).set({ status: 'locked' }).where(eq(emailCodes.id, row.id));
    return { outcome: 'locked' };
  }
  return { outcome: 'wrong', attemptsRemaining };
}
