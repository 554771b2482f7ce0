// A throwaway PostgreSQL cluster for the server's tests and benchmark: initdb into a temp folder,
// pg_ctl start on 127.0.0.1 and a free port with its socket in a temp folder; stop() deletes it.
// As root the server runs as the `postgres` OS user (PostgreSQL refuses to run as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The folder holding initdb and pg_ctl (PG_BINDIR, pg_config, Debian's layout, PATH), or null. */
export function findPostgresBinaries() {
  const candidates = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // no pg_config on PATH
  }
  // Debian and Ubuntu keep the server binaries per major version outside PATH; newest first.
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(join(debian, version, 'bin'));
  }
  // Homebrew and the EDB installer put them on PATH.
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) candidates.push(dirname(which.stdout.trim()));
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** @param {string} bindir @returns {Promise<{ url: string, stop(): void }>} */
export async function startPostgresCluster(bindir) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const root = mkdtempSync(join(tmpdir(), 'tfa-pg-'));
  const dataDir = join(root, 'data');
  const socketDir = join(root, 'socket');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chmodSync(root, 0o755);
    chownSync(root, uid, gid);
  }
  const run = (command, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  try {
    run('mkdir', ['-p', socketDir]);
    run(join(bindir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    const settings = `-h 127.0.0.1 -p ${port} -k ${socketDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run(join(bindir, 'pg_ctl'), ['-D', dataDir, '-w', '-s', '-l', join(root, 'server.log'), '-o', settings, 'start']);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop() {
        try {
          run(join(bindir, 'pg_ctl'), ['-D', dataDir, '-w', '-s', '-m', 'immediate', 'stop']);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
