import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { openDatabase } from '../src/db/connection';
import { defineContractSuite } from './contract-suite';

// Embedded PGlite in a data folder, as `npm run demo` runs it; the restart test reopens the folder.
describe('REST contract on PGlite (data folder)', () => {
  defineContractSuite(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tfa-pglite-'));
    let opened = await openDatabase({ dataDir, url: '' });
    const suite = {
      db: opened.db,
      async reopen() {
        await opened.close();
        opened = await openDatabase({ dataDir, url: '' });
        suite.db = opened.db;
        return opened.db;
      },
      async close() {
        await opened.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
    return suite;
  });
});
