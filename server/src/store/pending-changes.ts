import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { pendingChanges } from '../db/schema';

export type PendingChange = typeof pendingChanges.$inferSelect;

/** The user's latest change still waiting for its code, or null. */
export async function findPendingChange(db: Database, userId: string): Promise<PendingChange | null> {
  const [row] = await db
    .select()
    .from(pendingChanges)
    .where(and(eq(pendingChanges.userId, userId), eq(pendingChanges.status, 'pending')))
    .orderBy(desc(pendingChanges.createdAt))
    .limit(1);
  return row ?? null;
}

/** When a code was last sent to this number over this channel for this user (resend cooldown). */
export async function lastSendAt(db: Database, userId: string, phoneNumber: string, channel: 'sms' | 'call'): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: pendingChanges.createdAt })
    .from(pendingChanges)
    .where(and(eq(pendingChanges.userId, userId), eq(pendingChanges.phoneNumber, phoneNumber), eq(pendingChanges.channel, channel)))
    .orderBy(desc(pendingChanges.createdAt))
    .limit(1);
  return row?.createdAt ?? null;
}

/** Marks every pending change of the user cancelled and returns them (their verifications get cancelled). */
export async function cancelPendingChanges(db: Database, userId: string): Promise<PendingChange[]> {
  return db
    .update(pendingChanges)
    .set({ status: 'cancelled' })
    .where(and(eq(pendingChanges.userId, userId), eq(pendingChanges.status, 'pending')))
    .returning();
}

/** How often `replacePendingChange` tries again when a parallel send's change lands between its two steps. */
const REPLACE_TRIES = 5;

/**
 * Makes `change` the user's one pending change, in one transaction: the pending ones it replaces
 * are marked cancelled and returned (their verifications get cancelled at the provider). The partial
 * unique index `pending_changes_one_pending_per_user` holds under parallel sends: an insert that meets
 * a change committed meanwhile inserts nothing, and the transaction cancels that one too and tries again.
 */
export async function replacePendingChange(db: Database, change: typeof pendingChanges.$inferInsert): Promise<PendingChange[]> {
  return db.transaction(async (tx) => {
    const replaced: PendingChange[] = [];
    for (let tries = 0; tries < REPLACE_TRIES; tries += 1) {
      replaced.push(...(await cancelPendingChanges(tx, change.userId)));
      const inserted = await tx.insert(pendingChanges).values(change).onConflictDoNothing().returning({ id: pendingChanges.id });
      if (inserted.length === 1) return replaced;
    }
    throw new Error('pending change: too many parallel sends for one user');
  });
}

/**
 * Takes one attempt before the code goes to the provider, in one guarded UPDATE: returns the attempts
 * used so far including this one, or null when the change is no longer pending or has none left.
 * Parallel guesses therefore reach the provider at most `maxAttempts` times.
 */
export async function reserveAttempt(db: Database, id: string, maxAttempts: number): Promise<number | null> {
  const [row] = await db
    .update(pendingChanges)
    .set({ failedAttempts: sql`${pendingChanges.failedAttempts} + 1` })
    .where(and(eq(pendingChanges.id, id), eq(pendingChanges.status, 'pending'), lt(pendingChanges.failedAttempts, maxAttempts)))
    .returning({ failedAttempts: pendingChanges.failedAttempts });
  return row?.failedAttempts ?? null;
}

/** Gives back an attempt whose check never happened (the provider could not be reached). */
export async function refundAttempt(db: Database, id: string): Promise<void> {
  await db
    .update(pendingChanges)
    .set({ failedAttempts: sql`greatest(${pendingChanges.failedAttempts} - 1, 0)` })
    .where(and(eq(pendingChanges.id, id), eq(pendingChanges.status, 'pending')));
}

/** The status of a change, or null when there is no such row. */
export async function pendingChangeStatus(db: Database, id: string): Promise<PendingChange['status'] | null> {
  const [row] = await db.select({ status: pendingChanges.status }).from(pendingChanges).where(eq(pendingChanges.id, id));
  return row?.status ?? null;
}

/** Moves a pending change to `status`; true only for the one caller that moved it (the race winner). */
export async function settlePendingChange(db: Database, id: string, status: 'verified' | 'locked' | 'cancelled'): Promise<boolean> {
  const moved = await db
    .update(pendingChanges)
    .set({ status })
    .where(and(eq(pendingChanges.id, id), eq(pendingChanges.status, 'pending')))
    .returning({ id: pendingChanges.id });
  return moved.length === 1;
}
