import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { phoneFactors } from '../db/schema';
import { newId } from '../security/crypto';

/** The user's active 2FA phone, or null. */
export async function findActivePhone(db: Database, userId: string): Promise<{ id: string; phoneNumber: string } | null> {
  const [row] = await db
    .select({ id: phoneFactors.id, phoneNumber: phoneFactors.phoneNumber })
    .from(phoneFactors)
    .where(and(eq(phoneFactors.userId, userId), isNull(phoneFactors.retiredAt)));
  return row ?? null;
}

/** Retires the active phone, if any; returns the retired number. */
export async function retireActivePhone(db: Database, userId: string, now: Date): Promise<string | null> {
  const retired = await db
    .update(phoneFactors)
    .set({ retiredAt: now })
    .where(and(eq(phoneFactors.userId, userId), isNull(phoneFactors.retiredAt)))
    .returning({ phoneNumber: phoneFactors.phoneNumber });
  return retired[0]?.phoneNumber ?? null;
}

/** Makes `phoneNumber` the active phone (the partial unique index refuses a second active row). */
export async function addActivePhone(db: Database, userId: string, phoneNumber: string, now: Date): Promise<void> {
  await db.insert(phoneFactors).values({ id: newId(), userId, phoneNumber, createdAt: now });
}
