// `npm test`: every check the project has, in order, stopping at the first failure.
// Finds a browser first, so a machine without one gets a one-line instruction, not a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, CHROMIUM_ENV } from './chromium.mjs';

function run(label, command, args, options = {}, after = () => {}) {
  process.stdout.write(`\n> ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false, ...options });
  after();
  if (result.status !== 0) {
    process.stderr.write(`\nnpm test: "${label}" failed.\n`);
    process.exit(result.status ?? 1);
  }
}

function isDebianRoot() {
  return (
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    existsSync('/etc/debian_version') &&
    existsSync('/usr/bin/apt-get')
  );
}

function ensureChromium() {
  let found = findChromium();
  if (found.source === 'none' && isDebianRoot()) {
    process.stdout.write('\n> no Chromium found; installing Debian\'s chromium (root on Debian)\n');
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install =
      update.status === 0
        ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
            stdio: 'inherit',
            env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
          })
        : update;
    if (install.status === 0) found = findChromium();
  }
  if (found.source === 'none') {
    process.stderr.write(
      `npm test needs Chromium: install it (Debian: apt-get install chromium) or set ${CHROMIUM_ENV}=/path/to/chromium.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`\n> browser: ${found.path ?? "Playwright's own Chromium"} (${found.source})\n`);
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

ensureChromium();
run('type-check', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('build', npx, ['tsup', '--silent']);
run('publint', npx, ['publint', '--strict']);
run('arethetypeswrong', npx, ['attw', '--pack', '.', '--profile', 'node16', '--exclude-entrypoints', './styles.css', '--format', 'table-flipped']);
run('size limits', process.execPath, ['scripts/size.mjs', '--ceilings']);
run('type-check server', npx, ['tsc', '--noEmit', '-p', 'server/tsconfig.json']);
run('type-check example console', npx, ['tsc', '--noEmit', '-p', 'examples/console/tsconfig.json']);
run('build server (tsup)', npx, ['tsup', '--silent'], { cwd: 'server' });

// Every vitest project (unit on React 19 and 18, Chromium, stories, the packed tarball), closed by
// one plain "N passed, N failed" line counted from vitest's JSON report.
const reportDir = mkdtempSync(join(tmpdir(), 'tfa-vitest-'));
const reportFile = join(reportDir, 'report.json');
run(
  'vitest (unit, unit on React 18, browser, stories, package, server)',
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`],
  {},
  () => {
    if (existsSync(reportFile)) {
      const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(readFileSync(reportFile, 'utf8'));
      process.stdout.write(`\nvitest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`);
    }
    rmSync(reportDir, { recursive: true, force: true });
  },
);
process.stdout.write(`\n${pkg.name}: all checks passed.\n`);
