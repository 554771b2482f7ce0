import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { securityEvents } from '../db/schema';

export type SecurityEventType = (typeof securityEvents.$inferInsert)['type'];

export interface SecurityEventInput {
  userId: string;
  type: SecurityEventType;
  /** Masked, never the full number. */
  maskedNumber?: string | null;
  ipAddress?: string | null;
  at: Date;
}

/** Appends an event; pass the transaction so the event commits with the change it records. */
export async function recordSecurityEvent(db: Database, event: SecurityEventInput): Promise<void> {
  await db.insert(securityEvents).values({
    userId: event.userId,
    type: event.type,
    maskedNumber: event.maskedNumber ?? null,
    ipAddress: event.ipAddress ?? null,
    createdAt: event.at,
  });
}

/** A user's events, newest first (for an account's security page, and tests). */
export async function listSecurityEvents(db: Database, userId: string, type?: SecurityEventType) {
  return db
    .select()
    .from(securityEvents)
    .where(type ? and(eq(securityEvents.userId, userId), eq(securityEvents.type, type)) : eq(securityEvents.userId, userId))
    .orderBy(desc(securityEvents.id));
}
