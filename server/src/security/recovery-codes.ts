import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { addSeconds } from '../clock';
import type { Database } from '../db/connection';
import { recoveryCodes, recoveryReplays } from '../db/schema';
import { hashRecoveryCode, newId, openReplay, sealReplay, verifyRecoveryCodeHash } from './crypto';

/** How long a lost verify answer can be fetched again by repeating the verify. */
export const REPLAY_TTL_SECONDS = 15 * 60;

/** Wrong codes tried against a replay copy before it is deleted (it cannot be guessed). */
export const REPLAY_MAX_MISSES = 5;

/**
 * Revokes the user's recovery codes and stores the hash of a new one (scrypt, computed before the
 * transaction by `hashRecoveryCode`). Pass the swap's transaction.
 */
export async function replaceRecoveryCodes(db: Database, userId: string, codeHash: string, now: Date): Promise<void> {
  await db.update(recoveryCodes).set({ revokedAt: now }).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.revokedAt)));
  await db.insert(recoveryCodes).values({ id: newId(), userId, codeHash, createdAt: now });
}

/** Revokes every recovery code of the user (2FA turned off, phone removed). */
export async function revokeRecoveryCodes(db: Database, userId: string, now: Date): Promise<void> {
  await db.update(recoveryCodes).set({ revokedAt: now }).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.revokedAt)));
}

/**
 * Checks a recovery code a user typed at sign-in and revokes it when it matches (single use).
 * For the host's sign-in fallback; returns whether it matched.
 */
export async function consumeRecoveryCode(db: Database, userId: string, code: string, now: Date): Promise<boolean> {
  const active = await db
    .select()
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.revokedAt)));
  for (const row of active) {
    if (await verifyRecoveryCodeHash(code, row.codeHash)) {
      const revoked = await db
        .update(recoveryCodes)
        .set({ revokedAt: now })
        .where(and(eq(recoveryCodes.id, row.id), isNull(recoveryCodes.revokedAt)))
        .returning({ id: recoveryCodes.id });
      return revoked.length === 1;
    }
  }
  return false;
}

/** Keeps the answer of a successful verify, encrypted, for a repeat of the same verify. */
export async function storeReplay(
  db: Database,
  secret: Uint8Array,
  entry: { userId: string; phoneNumber: string; code: string; recoveryCode: string; now: Date },
): Promise<void> {
  const sealed = sealReplay(secret, entry.phoneNumber, entry.code, entry.recoveryCode);
  const values = { phoneNumber: entry.phoneNumber, ...sealed, expiresAt: addSeconds(entry.now, REPLAY_TTL_SECONDS), misses: 0 };
  await db
    .insert(recoveryReplays)
    .values({ userId: entry.userId, ...values })
    .onConflictDoUpdate({ target: recoveryReplays.userId, set: values });
}

/** Deletes every replay copy past its 15 minutes. */
export async function pruneExpiredReplays(db: Database, now: Date): Promise<void> {
  await db.delete(recoveryReplays).where(lt(recoveryReplays.expiresAt, now));
}

/**
 * The recovery code of the last successful verify when this is a repeat of it (same number, same code).
 * A try with that number takes one of REPLAY_MAX_MISSES tries first (one guarded UPDATE, so parallel
 * guesses cannot take more); the right code gives it back, and the copy is deleted once they are used up.
 */
export async function findReplay(
  db: Database,
  secret: Uint8Array,
  request: { userId: string; phoneNumber: string; code: string; now: Date },
): Promise<string | null> {
  await pruneExpiredReplays(db, request.now);
  const [row] = await db.select().from(recoveryReplays).where(eq(recoveryReplays.userId, request.userId));
  if (!row || row.phoneNumber !== request.phoneNumber || row.expiresAt.getTime() <= request.now.getTime()) return null;
  const [taken] = await db
    .update(recoveryReplays)
    .set({ misses: sql`${recoveryReplays.misses} + 1` })
    .where(and(eq(recoveryReplays.userId, request.userId), eq(recoveryReplays.salt, row.salt), lt(recoveryReplays.misses, REPLAY_MAX_MISSES)))
    .returning({ misses: recoveryReplays.misses });
  if (!taken) return null;
  const opened = openReplay(secret, request.phoneNumber, request.code, row);
  if (opened !== null) {
    await db
      .update(recoveryReplays)
      .set({ misses: sql`greatest(${recoveryReplays.misses} - 1, 0)` })
      .where(and(eq(recoveryReplays.userId, request.userId), eq(recoveryReplays.salt, row.salt)));
    return opened;
  }
  if (taken.misses >= REPLAY_MAX_MISSES) {
    await db
      .delete(recoveryReplays)
      .where(and(eq(recoveryReplays.userId, request.userId), eq(recoveryReplays.salt, row.salt), gte(recoveryReplays.misses, REPLAY_MAX_MISSES)));
  }
  return null;
}

/** The user saved the code: forget the replay copy. */
export async function deleteReplay(db: Database, userId: string): Promise<void> {
  await db.delete(recoveryReplays).where(eq(recoveryReplays.userId, userId));
}

export { hashRecoveryCode };
