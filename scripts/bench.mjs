// `npm run bench`: builds the package, measures what a host ships for <TwoFactorPhoneWizard> plus
// styles.css (scripts/size.mjs), then runs the render profile (a jsdom test with React
// <Profiler>s around the wizard and each step) and prints commits per keystroke, renders of the
// wizard shell while typing, and any request to another host. Last, the reference server's load
// figure (scripts/bench-server.mjs): flows per second and p95 per route, printed only.
// `--check` exits 1 when a target is missed: a size budget, more than one commit per keystroke,
// a re-render of the wizard shell while typing, or a request to another host.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const PROFILE_TEST = 'src/components/two-factor-phone-wizard.profiler.test.tsx';

function run(label, args, env = {}, cwd = root) {
  process.stdout.write(`> ${label}\n`);
  const result = spawnSync(npx, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}\nbench: "${label}" failed.\n`);
    process.exit(result.status ?? 1);
  }
}

run('build (tsup)', ['tsup', '--silent']);
// Imported after the build: size.mjs checks that dist/ exists.
const { measure, report } = await import('./size.mjs');
const { text, failures, unmet } = report(await measure());
// Budgets held under a ceiling still count as missed here (`npm run bench -- --check`).
for (const key of unmet) failures.push(`size budget "${key}" not met yet`);
process.stdout.write(`\n${text}\n\n`);

const work = mkdtempSync(join(tmpdir(), 'tfa-bench-'));
const output = join(work, 'profile.json');
try {
  run('render profile (vitest, jsdom)', ['vitest', 'run', '--project', 'unit', PROFILE_TEST], { TFA_PROFILE_OUTPUT: output });
  const profile = JSON.parse(readFileSync(output, 'utf8'));
  const lines = ['render profile (React <Profiler>, counts per keystroke)'];
  lines.push(`  ${'field'.padEnd(14)} ${'keys'.padStart(4)}  ${'commits/key'.padStart(11)}  ${'shell renders'.padStart(13)}  steps that committed`);
  for (const [field, figures] of Object.entries(profile.keystrokes)) {
    const steps = Object.entries(figures.stepCommits)
      .map(([step, commits]) => `${step} ×${commits}`)
      .join(', ');
    lines.push(
      `  ${field.padEnd(14)} ${String(figures.keystrokes).padStart(4)}  ${figures.commitsPerKeystroke.toFixed(2).padStart(11)}  ${String(figures.shellRenders).padStart(13)}  ${steps}`,
    );
    if (figures.shellRenders > 0) failures.push(`the wizard shell re-renders while typing in the ${field} field`);
    if (figures.commitsPerKeystroke > 1) {
      failures.push(`${figures.commitsPerKeystroke.toFixed(2)} commits per keystroke in the ${field} field (target 1)`);
    }
  }
  lines.push(`  requests to other hosts during the flow: ${profile.thirdPartyRequests.length}`);
  if (profile.thirdPartyRequests.length > 0) failures.push('requests to other hosts');
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

process.stdout.write('\n');
run('build server (tsup)', ['tsup', '--silent'], {}, join(root, 'server'));
const serverBench = spawnSync(process.execPath, [join(root, 'scripts', 'bench-server.mjs')], { cwd: root, stdio: 'inherit' });
if (serverBench.status !== 0) failures.push('the server benchmark failed');

if (failures.length > 0) {
  process.stdout.write(`\nover budget: ${failures.join('; ')}\n`);
  if (process.argv.includes('--check')) process.exit(1);
}
