import { eq } from 'drizzle-orm';
import { addSeconds } from '../clock';
import type { Database } from '../db/connection';
import { stepUpGrants } from '../db/schema';

/**
 * Step-up grants: a verified email code opens a window (10 minutes by default) during which the
 * routes after the email gate answer; afterwards they answer 403 `reverification_required`, so a
 * hijacked session alone cannot swap the 2FA phone.
 */
export async function grantStepUp(db: Database, userId: string, now: Date, ttlSeconds: number): Promise<void> {
  const expiresAt = addSeconds(now, ttlSeconds);
  await db
    .insert(stepUpGrants)
    .values({ userId, grantedAt: now, expiresAt })
    .onConflictDoUpdate({ target: stepUpGrants.userId, set: { grantedAt: now, expiresAt } });
}

/** Whether the user holds a grant that has not expired at `now`. */
export async function hasFreshStepUp(db: Database, userId: string, now: Date): Promise<boolean> {
  const [grant] = await db.select({ expiresAt: stepUpGrants.expiresAt }).from(stepUpGrants).where(eq(stepUpGrants.userId, userId));
  return grant !== undefined && grant.expiresAt.getTime() > now.getTime();
}

/** Ends the user's grant (after 2FA is turned off, nothing is left to change). */
export async function revokeStepUp(db: Database, userId: string): Promise<void> {
  await db.delete(stepUpGrants).where(eq(stepUpGrants.userId, userId));
}
