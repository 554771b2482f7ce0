import { and, eq, sql } from 'drizzle-orm';
import { addSeconds, secondsUntil } from '../clock';
import type { Database } from '../db/connection';
import { rateCounters, sendCooldowns } from '../db/schema';
import { hashCode } from './crypto';

/** At most `max` hits per `windowSeconds` (fixed windows). */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  /** When refused: seconds until the window ends, for `Retry-After`. */
  retryAfterSeconds: number;
}

/**
 * Counts one hit against `key` in the current window, atomically (one upsert), and says whether it
 * is within the limit. Counters live in the database so limits hold across processes and restarts.
 */
export async function hitRateLimit(db: Database, key: string, limit: RateLimit, now: Date): Promise<RateDecision> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateCounters)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateCounters.key, rateCounters.windowStart], set: { count: sql`${rateCounters.count} + 1` } })
    .returning({ count: rateCounters.count });
  const count = row?.count ?? 1;
  return { allowed: count <= limit.max, retryAfterSeconds: secondsUntil(addSeconds(windowStart, limit.windowSeconds), now) };
}

/** Drops counters of windows that ended before `now` minus a day (called now and then). */
export async function pruneRateCounters(db: Database, now: Date): Promise<void> {
  await db.delete(rateCounters).where(sql`${rateCounters.windowStart} < ${addSeconds(now, -86_400)}`);
  await db.delete(sendCooldowns).where(sql`${sendCooldowns.sentAt} < ${addSeconds(now, -86_400)}`);
}

/** A cooldown taken (`sentAt` identifies it for `releaseCooldown`) or refused with its `Retry-After`. */
export type CooldownReservation = { reserved: true; sentAt: Date } | { reserved: false; retryAfterSeconds: number };

/**
 * Takes the resend cooldown of `key` before a send, in one guarded upsert: it succeeds only when no
 * send under `key` happened within the last `cooldownSeconds`. Of parallel callers exactly one gets
 * it (the others meet the row it wrote and are refused), so only one send reaches the provider.
 */
export async function reserveCooldown(db: Database, key: string, cooldownSeconds: number, now: Date): Promise<CooldownReservation> {
  const [row] = await db
    .insert(sendCooldowns)
    .values({ key, sentAt: now })
    .onConflictDoUpdate({
      target: sendCooldowns.key,
      set: { sentAt: now },
      setWhere: sql`${sendCooldowns.sentAt} <= ${addSeconds(now, -cooldownSeconds)}`,
    })
    .returning({ sentAt: sendCooldowns.sentAt });
  if (row !== undefined) return { reserved: true, sentAt: now };
  const [held] = await db.select({ sentAt: sendCooldowns.sentAt }).from(sendCooldowns).where(eq(sendCooldowns.key, key));
  // Released meanwhile (its send failed): still refused now, the caller may retry at once.
  const retryAfterSeconds = held === undefined ? 1 : secondsUntil(addSeconds(held.sentAt, cooldownSeconds), now);
  return { reserved: false, retryAfterSeconds };
}

/**
 * Gives back a cooldown whose send did not happen (the provider refused or could not be reached), so
 * the user can retry at once. Only the caller's own reservation is removed, never a later one.
 */
export async function releaseCooldown(db: Database, key: string, sentAt: Date): Promise<void> {
  await db.delete(sendCooldowns).where(and(eq(sendCooldowns.key, key), eq(sendCooldowns.sentAt, sentAt)));
}

/**
 * The per-IP counter for a send, keyed by a keyed hash of the IP; none when the IP is unknown (one
 * shared bucket for every client without an IP would let a few users lock the whole site out).
 */
export function perIpLimit(secret: Uint8Array, ip: string | undefined, limit: RateLimit): Array<readonly [string, RateLimit]> {
  return ip === undefined ? [] : [[`send:ip:${hashCode(secret, 'rate', ip)}`, limit] as const];
}
