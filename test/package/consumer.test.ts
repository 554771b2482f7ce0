// @vitest-environment node
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_ENV, findChromium } from '../../scripts/chromium.mjs';
import { startStaticServer } from './static-server';
import type { StaticServer } from './static-server';

/**
 * The package as a consumer gets it: `npm pack`, the tarball installed into a throwaway app outside
 * the repository (React 19, Vite), then
 * - Node loads both entry points as ES modules and through require(), and server-renders the
 *   wizard with no DOM at all;
 * - Vite bundles the app, a static server hosts it on 127.0.0.1, and Chromium walks the whole
 *   flow by roles and labels, while every request the page makes is checked to stay on its own
 *   origin.
 * It tests dist/ as built (`npm test` builds first) and builds nothing itself.
 */

const execFileAsync = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtureDir = fileURLToPath(new URL('./consumer-app', import.meta.url));

// The codes the mock backend sends: fixed, so the test can type them.
const CODE = '123456';
const RECOVERY_CODE = 'ABCD-EFGH-JKMN-PQRS';

// What DESIGN.md promises each entry point exports.
const COMPONENTS = [
  'TwoFactorPhoneWizard',
  'EmailCodeGate',
  'TwoFactorSection',
  'ResetPhoneDialog',
  'PhoneEntryStep',
  'CodeVerificationStep',
  'RecoveryCodeStep',
  'CodeInput',
];
const HEADLESS = [
  'TwoFactorProvider',
  'useTwoFactorPhoneWizard',
  'useEmailCodeGate',
  'useTwoFactorSection',
  'useResetPhone',
  'usePhoneEntry',
  'useCodeVerification',
  'useRecoveryCode',
  'createMockAdapter',
  'createFetchAdapter',
  'TwoFactorError',
];

interface PackageJson {
  name: string;
  version: string;
  exports: Record<string, unknown>;
  devDependencies: Record<string, string>;
}

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

/** What consumer-app/server-render.{mjs,cjs} print. */
interface ServerRenderReport {
  format: 'esm' | 'cjs';
  /** CommonJS only: how many `.cjs` files the package has, and those `require()` failed on. */
  cjsFileCount?: number;
  unloadableCjs?: string[];
  mainExports: string[];
  headlessExports: string[];
  locales: Record<'es' | 'de', { exports: string[]; verify: string; sameAsMain: boolean }>;
  loadedByHeadless?: string[];
  stylesheet?: string;
  html: string;
  gateHtml: string;
  renderError: string | null;
  adapterCalls: string[];
  consoleOutput: string[];
  domGlobalsBefore: string[];
  domGlobalsAfter: string[];
}

const timings: Array<[string, number]> = [];

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings.push([label, performance.now() - started]);
  }
}

/**
 * The environment for child processes, without the `npm_*` variables an enclosing `npm test`
 * sets: with them, npm inside the throwaway app could act on this repository instead.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
}

async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()) {
  try {
    return await execFileAsync(command, args, {
      cwd,
      env,
      maxBuffer: 32 * 1024 * 1024,
      shell: process.platform === 'win32',
    });
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${failure.stderr ?? ''}\n${failure.stdout ?? ''}`, {
      cause: error,
    });
  }
}

/** Every file path a package.json `exports` map points at. */
function exportTargets(exportsMap: unknown): string[] {
  if (typeof exportsMap === 'string') return [exportsMap.replace(/^\.\//, '')];
  if (exportsMap === null || typeof exportsMap !== 'object') return [];
  return Object.values(exportsMap).flatMap(exportTargets);
}

const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as PackageJson;

let workDir = '';
let appDir = '';
let packed: PackResult;

beforeAll(async () => {
  const missing = exportTargets(pkg.exports).filter((file) => file !== 'package.json' && !existsSync(join(repoRoot, file)));
  if (missing.length > 0) {
    throw new Error(
      `dist/ is missing ${missing.join(', ')}. This test checks the built package: run \`npx tsup\` first (\`npm test\` builds before it runs the tests).`,
    );
  }

  workDir = await mkdtemp(join(tmpdir(), 'react-2fa-phone-consumer-'));
  // Inside the checkout, Node would find the repository's own node_modules from the app; outside,
  // only the tarball and what it declares are there, as for a real consumer.
  expect(relative(repoRoot, workDir).startsWith('..')).toBe(true);

  packed = await timed('npm pack', async () => {
    const { stdout } = await run('npm', ['pack', '--pack-destination', workDir, '--json', '--ignore-scripts'], repoRoot);
    const [result] = JSON.parse(stdout) as PackResult[];
    if (!result) throw new Error(`npm pack printed no result:\n${stdout}`);
    return result;
  });

  appDir = join(workDir, 'app');
  await mkdir(appDir);
  for (const file of await readdir(fixtureDir)) await copyFile(join(fixtureDir, file), join(appDir, file));
  const appPackageJson = {
    name: 'react-2fa-phone-consumer',
    private: true,
    type: 'module',
    dependencies: {
      [pkg.name]: `file:../${packed.filename}`,
      // The versions this repository develops with, so the install is served from npm's cache.
      react: pkg.devDependencies.react,
      'react-dom': pkg.devDependencies['react-dom'],
      vite: pkg.devDependencies.vite,
    },
  };
  await writeFile(join(appDir, 'package.json'), `${JSON.stringify(appPackageJson, null, 2)}\n`);
  await timed('npm install (throwaway app)', () =>
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], appDir),
  );
}, 180_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
  const total = timings.reduce((sum, [, ms]) => sum + ms, 0);
  const lines = timings.map(([label, ms]) => `  ${label.padEnd(40)} ${(ms / 1000).toFixed(1)} s`);
  console.log(`consumer test timings:\n${lines.join('\n')}\n  ${'total'.padEnd(40)} ${(total / 1000).toFixed(1)} s`);
});

describe('the packed tarball, installed in an app outside the repository', () => {
  it('contains every file its exports map names, and none of the sources', () => {
    const paths = packed.files.map((file) => file.path);
    for (const target of exportTargets(pkg.exports)) expect(paths).toContain(target);
    expect(paths.filter((path) => /^(src|test|stories|scripts|\.storybook|docs)\//.test(path))).toEqual([]);
  });

  it('loads as ES modules and through require(), and server-renders the gate without a DOM', async () => {
    // A bare environment: nothing from this test runner or from npm leaks into the processes.
    const env = { PATH: process.env.PATH ?? '' };
    const [esm, cjs] = await timed('Node: import, require, renderToString', () =>
      Promise.all(
        ['server-render.mjs', 'server-render.cjs'].map(async (script) => {
          // As on Node 18 and before 20.19: require() of an ES module throws.
          const flags = script.endsWith('.cjs') && 'require_module' in process.features ? ['--no-experimental-require-module'] : [];
          const { stdout } = await run(process.execPath, [...flags, script], appDir, env);
          return JSON.parse(stdout) as ServerRenderReport;
        }),
      ),
    );
    if (!esm || !cjs) throw new Error('a server-render script printed nothing');

    // Every CommonJS file loads without require(esm): the chunks, the deferred exports and each
    // calling code's phone metadata.
    expect(cjs.cjsFileCount).toBeGreaterThan(200);
    expect(cjs.unloadableCjs).toEqual([]);
    // Both module formats expose the same names, and the public contract is there.
    expect(cjs.mainExports).toEqual(esm.mainExports);
    expect(cjs.headlessExports).toEqual(esm.headlessExports);
    expect(esm.mainExports).toEqual(expect.arrayContaining([...COMPONENTS, ...HEADLESS]));
    expect(esm.headlessExports).toEqual(expect.arrayContaining(HEADLESS));
    expect(esm.headlessExports.filter((name) => COMPONENTS.includes(name))).toEqual([]);
    expect(esm.headlessExports.filter((name) => !esm.mainExports.includes(name))).toEqual([]);
    // `react-2fa-phone/headless` loads no Radix, no phone input component and no stylesheet.
    expect(cjs.loadedByHeadless?.filter((file) => /@radix-ui|react-phone-number-input|\.css$/.test(file))).toEqual([]);
    expect(cjs.stylesheet && existsSync(cjs.stylesheet)).toBe(true);
    // `react-2fa-phone/locales/es` and `/de`: the same copy as the main entry's `es` and `de`.
    for (const report of [esm, cjs]) {
      expect(report.locales).toEqual({
        es: { exports: ['es'], verify: 'Verificar', sameAsMain: true },
        de: { exports: ['de'], verify: 'Bestätigen', sameAsMain: true },
      });
    }

    for (const report of [esm, cjs]) {
      expect(report.renderError, `${report.format} render`).toBeNull();
      // The wizard's markup: the root with its live regions, busy while it checks whether the
      // step-up is still fresh (that needs the backend, so it is never decided on the server).
      expect(report.html).toContain('class="tfa-root tfa-wizard"');
      expect(report.html).toContain('data-state="email-code-gate"');
      expect(report.html).toMatch(/data-state="checking" aria-busy="true"/);
      expect(report.html).toContain('role="status"');
      expect(report.html).toContain('role="alert"');
      // The gate's markup: the heading and the labelled code field, children kept locked away.
      expect(report.gateHtml).toContain('Confirm it’s you');
      expect(report.gateHtml).toMatch(/<label[^>]*>Email verification code<\/label>/);
      expect(report.gateHtml).toMatch(/autocomplete="one-time-code"/i);
      expect(report.gateHtml).not.toContain('Settings');
      // Rendering sends nothing (effects do not run on the server), says nothing, and creates no
      // browser globals; an unguarded `window` access would have thrown a ReferenceError above.
      expect(report.adapterCalls).toEqual([]);
      expect(report.consoleOutput).toEqual([]);
      expect(report.domGlobalsAfter).toEqual(report.domGlobalsBefore);
      expect(report.domGlobalsAfter).not.toContain('window');
      expect(report.domGlobalsAfter).not.toContain('document');
    }
  }, 60_000);

  it('bundles with Vite and completes the whole flow in Chromium, every request to its own origin', async () => {
    await timed('Vite build', () => run(process.execPath, ['build.mjs'], appDir));

    const found = findChromium();
    if (found.source === 'none') {
      throw new Error(`No Chromium found: install it (Debian: apt-get install chromium) or set ${CHROMIUM_ENV}.`);
    }

    let server: StaticServer | undefined;
    let browser: Browser | undefined;
    try {
      server = await startStaticServer(resolve(appDir, 'dist'));
      const { origin } = server;
      browser = await timed('Chromium launch', () =>
        chromium.launch({ headless: true, args: CHROMIUM_ARGS, ...(found.path ? { executablePath: found.path } : {}) }),
      );
      const page = await browser.newPage();
      // Generous: `npm test` runs this beside every other project on a shared machine.
      page.setDefaultTimeout(30_000);
      const requests: string[] = [];
      const consoleMessages: string[] = [];
      const pageErrors: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => pageErrors.push(String(error)));

      await timed('Chromium: the whole flow', async () => {
        await page.goto(`${origin}/`);

        // 1. The email-code gate.
        await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor();
        await page.getByText('We emailed a code to').first().waitFor();
        await page.getByLabel('Email verification code').fill(CODE);
        await page.getByRole('button', { name: 'Verify' }).click();

        // 2–3. The 2FA section: Edit, then Reset next to the current number.
        await page.getByRole('heading', { name: 'Two-factor authentication (2FA)' }).waitFor();
        await page.getByRole('button', { name: 'Edit' }).click();
        await page.getByRole('button', { name: 'Reset', exact: true }).click();

        // 4. The confirmation: tick the acknowledgement, then Reset and continue.
        const dialog = page.getByRole('alertdialog', { name: 'Reset your 2FA phone number?' });
        await dialog.getByRole('checkbox', { name: 'I understand my current number will stop receiving codes once the new one is verified' }).check();
        await dialog.getByRole('button', { name: 'Reset and continue' }).click();

        // Nothing is removed yet: the add-phone step first.
        await page.getByRole('button', { name: '+ Add phone based verification' }).click();

        // 5. Phone entry: a number with its own +, sent by SMS.
        await page.getByRole('heading', { name: 'Add a phone number' }).waitFor();
        await page.getByRole('textbox', { name: 'Phone number' }).fill('+1 650 253 0000');
        await page.getByRole('button', { name: 'Send code via SMS' }).click();

        // 6. The code: it verifies by itself once complete.
        await page.getByRole('heading', { name: 'Enter the code' }).waitFor();
        await page.getByText('We sent a code to +1 650 253 0000').waitFor();
        await page.getByRole('textbox', { name: 'Verification code', exact: true }).fill(CODE);

        // 7. The recovery code, shown once in groups; confirm it is saved, then Finish.
        await page.getByRole('heading', { name: 'Save your recovery code' }).waitFor();
        await page.getByRole('group', { name: 'Recovery code' }).filter({ hasText: 'ABCD-EFGH-JKMN-PQRS' }).waitFor();
        await page.getByRole('checkbox', { name: 'I have saved my recovery code' }).check();
        await page.getByRole('button', { name: 'Finish' }).click();

        // The host's onComplete ran: it renders its dashboard and retitles the page.
        await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      });

      expect(await page.title()).toBe('Dashboard');
      const host = page.getByRole('main');
      // onComplete gets the new masked number, and nothing secret.
      expect(await host.getAttribute('data-complete-arguments')).toBe('1');
      expect(JSON.parse((await host.getAttribute('data-complete-details')) ?? 'null')).toEqual({ maskedNumber: '+1 ••• ••• 0000' });
      // One email, one SMS, one verify, one acknowledgement: StrictMode's double mount sent nothing
      // twice. Swap on verify: nothing was removed before the new number verified.
      const calls = (await host.getAttribute('data-adapter-calls'))?.split(' ') ?? [];
      for (const method of ['sendEmailCode', 'verifyEmailCode', 'sendPhoneCode', 'verifyPhoneCode', 'acknowledgeRecoveryCode']) {
        expect(calls.filter((call) => call === method), method).toHaveLength(1);
      }
      expect(calls.filter((call) => call === 'resetPhone')).toEqual([]);

      // The page loaded its HTML, script and stylesheet, all from its own origin, and nothing else.
      expect(requests).toEqual(expect.arrayContaining([`${origin}/`]));
      expect(requests.some((url) => url.endsWith('.js'))).toBe(true);
      expect(requests.some((url) => url.endsWith('.css'))).toBe(true);
      expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);

      // Neither code reached the console, storage, cookies, the URL or history.state.
      const secrets = [CODE, RECOVERY_CODE, RECOVERY_CODE.replaceAll('-', ''), RECOVERY_CODE.replaceAll('-', ' ')];
      const visibleToTheHost = await page.evaluate(() =>
        JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie, location.href, history.state]),
      );
      for (const secret of secrets) {
        expect(visibleToTheHost).not.toContain(secret);
        expect(consoleMessages.join('\n')).not.toContain(secret);
      }
      expect(pageErrors).toEqual([]);
      expect(consoleMessages.filter((message) => message.startsWith('error'))).toEqual([]);
    } finally {
      await browser?.close();
      await server?.close();
    }
  }, 120_000);
});
