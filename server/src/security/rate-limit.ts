import { sql } from 'drizzle-orm';
import { addSeconds, secondsUntil } from '../clock';
import type { Database } from '../db/connection';
import { rateCounters } from '../db/schema';
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
}

/**
 * The per-IP counter for a send, keyed by a keyed hash of the IP; none when the IP is unknown (one
 * shared bucket for every client without an IP would let a few users lock the whole site out).
 */
export function perIpLimit(secret: Uint8Array, ip: string | undefined, limit: RateLimit): Array<readonly [string, RateLimit]> {
  return ip === undefined ? [] : [[`send:ip:${hashCode(secret, 'rate', ip)}`, limit] as const];
}
