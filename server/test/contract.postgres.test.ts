import { describe } from 'vitest';
import { openDatabase } from '../src/db/connection';
import type { OpenedDatabase } from '../src/db/connection';
import { defineContractSuite } from './contract-suite';
import { findPostgresBinaries, startPostgresCluster } from '../scripts/postgres-cluster.mjs';

// The same suite against a real PostgreSQL server through `pg`: a throwaway cluster started here.
// CI installs Debian's postgresql (.ci/run), so it always runs there. On a machine without the
// server binaries (a developer laptop) the suite is skipped, and says so.
const bindir = findPostgresBinaries();
const SKIP_REASON = 'PostgreSQL server binaries (initdb, pg_ctl) not found: set PG_BINDIR or install postgresql';
if (!bindir) console.warn(`server contract on PostgreSQL skipped: ${SKIP_REASON}`);

describe.skipIf(!bindir)('REST contract on PostgreSQL (pg)', () => {
  defineContractSuite(async () => {
    const cluster = await startPostgresCluster(bindir!);
    let opened: OpenedDatabase;
    try {
      opened = await openDatabase({ url: cluster.url });
    } catch (error) {
      cluster.stop();
      throw error;
    }
    const suite = {
      db: opened.db,
      async reopen() {
        await opened.close();
        opened = await openDatabase({ url: cluster.url });
        suite.db = opened.db;
        return opened.db;
      },
      async close() {
        try {
          await opened.close();
        } finally {
          cluster.stop();
        }
      },
    };
    return suite;
  });
});
