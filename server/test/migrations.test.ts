import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../src/db/connection';
import * as schema from '../src/db/schema';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** The package's migrations up to (not including) the one tagged `before`. */
function migrationsBefore(before: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'tfa-migrations-'));
  folders.push(folder);
  cpSync(migrationsFolder(), folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number; tag: string }> };
  const cut = journal.entries.findIndex((entry) => entry.tag === before);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('migrations', () => {
  it('0003 keeps the newest pending change of each user and cancels the others, then allows one per user', async () => {
    const client = await PGlite.create('memory://');
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: migrationsBefore('0003_one_pending_change') });
    // What parallel sends could leave before: two pending changes for one user.
    const change = (id: string, userId: string, minute: number, status: 'pending' | 'cancelled' = 'pending') => ({
      id,
      userId,
      phoneNumber: '+14155550123',
      channel: 'sms' as const,
      providerRef: `ref-${id}`,
      status,
      createdAt: new Date(Date.UTC(2026, 0, 1, 12, minute)),
      expiresAt: new Date(Date.UTC(2026, 0, 1, 12, minute + 10)),
    });
    await db
      .insert(schema.pendingChanges)
      .values([change('a1', 'a', 0), change('a2', 'a', 1), change('a0', 'a', 2, 'cancelled'), change('b1', 'b', 0)]);

    await migrate(db, { migrationsFolder: migrationsFolder() });
    const rows = await db.select({ id: schema.pendingChanges.id, status: schema.pendingChanges.status }).from(schema.pendingChanges);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({ a0: 'cancelled', a1: 'cancelled', a2: 'pending', b1: 'pending' });
    await expect(db.insert(schema.pendingChanges).values(change('a3', 'a', 3))).rejects.toThrow();
    await db.update(schema.pendingChanges).set({ status: 'verified' }).where(eq(schema.pendingChanges.id, 'a2'));
    await db.insert(schema.pendingChanges).values(change('a3', 'a', 3));
    await client.close();
  });
});
