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

/**
 * Like `run`, for a check whose passing output is only noise (tables of ignored resolutions, rows
 * of budgets not met yet): its output is kept back and `summarize(output)` printed instead; on
 * failure the whole output is printed, as `run` would have.
 */
function runQuietly(label, command, args, summarize) {
  process.stdout.write(`\n> ${label}\n`);
  const result = spawnSync(command, args, { encoding: 'utf8', shell: false, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    process.stderr.write(`\nnpm test: "${label}" failed.\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`${summarize(result.stdout ?? '')}\n`);
}

/** The size report's figures, without the chunk list, a budget not met yet said as such. */
function sizeSummary(report) {
  return report
    .split('\n')
    .filter((line) => /\bkB\b/.test(line) && !/^\s{3,}/.test(line) && !line.startsWith('size ('))
    .map((line) => line.replace(/OVER BUDGET by ([\d.]+ kB) \(ceiling ([\d.]+ kB)\)/, 'not met yet (+$1), within its ceiling $2'))
    .join('\n');
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
runQuietly(
  'arethetypeswrong',
  npx,
  ['attw', '--pack', '.', '--profile', 'node16', '--exclude-entrypoints', './styles.css', '--format', 'table-flipped'],
  () => 'no problems (node16 from CJS and ESM, bundler)',
);
runQuietly('size limits', process.execPath, ['scripts/size.mjs', '--ceilings'], sizeSummary);
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
