import { and, eq, ne } from 'drizzle-orm';
import { addSeconds } from '../clock';
import type { Database } from '../db/connection';
import { stepUpGrants } from '../db/schema';
import { hashCode } from './crypto';

/**
 * What a grant allows: every route (`full`); after a swap, only finishing it (`finish`: repeat the
 * verify whose answer was lost, acknowledge); after a disable, only reading the status (`status`).
 */
export type StepUpScope = 'full' | 'finish' | 'status';

/**
 * The key a session's codes and grant are stored under: a keyed hash of the host's session id
 * (never the id itself, which may be a bearer token), or '' when `getUser` gives none (one grant
 * per user, as before sessions were known).
 */
export function sessionKeyOf(secret: Uint8Array, sessionId: string | undefined): string {
  return sessionId === undefined || sessionId === '' ? '' : hashCode(secret, 'session', sessionId);
}

/**
 * Step-up grants: a verified email code opens a window (10 minutes by default) during which the
 * routes after the email gate answer, for the session that verified it only; afterwards they answer
 * 403 `reverification_required`, so a hijacked session alone cannot swap the 2FA phone (when the
 * host's `getUser` reports a `sessionId`).
 */
export async function grantStepUp(db: Database, userId: string, sessionKey: string, now: Date, ttlSeconds: number): Promise<void> {
  const expiresAt = addSeconds(now, ttlSeconds);
  await db
    .insert(stepUpGrants)
    .values({ userId, sessionKey, scope: 'full', grantedAt: now, expiresAt })
    .onConflictDoUpdate({ target: [stepUpGrants.userId, stepUpGrants.sessionKey], set: { scope: 'full', grantedAt: now, expiresAt } });
}

/** Whether the session holds a grant that has not expired at `now` and allows `scope` (a full one allows all). */
export async function hasFreshStepUp(db: Database, userId: string, sessionKey: string, now: Date, scope: StepUpScope): Promise<boolean> {
  const [grant] = await db
    .select({ expiresAt: stepUpGrants.expiresAt, scope: stepUpGrants.scope })
    .from(stepUpGrants)
    .where(and(eq(stepUpGrants.userId, userId), eq(stepUpGrants.sessionKey, sessionKey)));
  if (grant === undefined || grant.expiresAt.getTime() <= now.getTime()) return false;
  return grant.scope === 'full' || grant.scope === scope;
}

/**
 * After a swap (`finish`) or a disable (`status`): the session that did it keeps only that scope
 * until its grant expires; every other session of the user loses its grant. Changing the phone again
 * needs a new email code. Pass the change's transaction.
 */
export async function narrowStepUp(db: Database, userId: string, sessionKey: string, scope: Exclude<StepUpScope, 'full'>): Promise<void> {
  await db.delete(stepUpGrants).where(and(eq(stepUpGrants.userId, userId), ne(stepUpGrants.sessionKey, sessionKey)));
  await db
    .update(stepUpGrants)
    .set({ scope })
    .where(and(eq(stepUpGrants.userId, userId), eq(stepUpGrants.sessionKey, sessionKey)));
}

/** Ends every grant of the user. */
export async function revokeStepUp(db: Database, userId: string): Promise<void> {
  await db.delete(stepUpGrants).where(eq(stepUpGrants.userId, userId));
}
