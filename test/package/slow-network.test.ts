// @vitest-environment node
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import type { Browser } from 'playwright';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_ENV, findChromium } from '../../scripts/chromium.mjs';
import { staticClosure } from '../../scripts/size.mjs';
import { startStaticServer } from './static-server';
import type { StaticServer } from './static-server';

/**
 * The built package on a slow mobile network (issue 14): a host app bundled from dist/ with
 * esbuild (code-split, as `npm run bench` measures it), served on 127.0.0.1, and Chromium
 * throttled through CDP to Lighthouse's "slow 4G" profile (562.5 ms per request, 1.47 Mbit/s
 * down). A user who adds a number of the default country's walks the whole flow at machine
 * speed, and
 * - no step ever shows the "Loading…" fallback (the step before stays until the next is ready);
 * - the phone step's code and its default country's metadata (its first digit's loaders, then its
 *   own chunk) are requested together, while the user is still on the step before;
 * - every request goes to the page's own origin.
 * It tests dist/ as built (`npm test` builds first).
 */

const root = process.cwd();
const dist = join(root, 'dist');
const CODE = '123456';

// Lighthouse's mobile "slow 4G" as request-level throttling (its DevTools throttling preset).
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };

const HOST = `
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TwoFactorPhoneWizard, createMockAdapter } from 'react-2fa-phone';
import 'react-2fa-phone/styles.css';
const adapter = createMockAdapter({ code: '${CODE}', phoneNumber: null, latencyMs: 200 });
createRoot(document.getElementById('root')).render(
  <StrictMode>
    <main>
      <h1>Account settings</h1>
      <TwoFactorPhoneWizard adapter={adapter} defaultCountry="GB" onComplete={() => { document.title = 'done'; }} />
    </main>
  </StrictMode>,
);
`;

let work = '';
/** The host's chunks as esbuild built them: their static and dynamic imports. */
let outputs: Metafile['outputs'] = {};
let server: StaticServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(join(dist, 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'tfa-slow-'));
  const out = join(work, 'site');
  writeFileSync(join(work, 'host.jsx'), HOST);
  const result = await build({
    metafile: true,
    entryPoints: [join(work, 'host.jsx')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    jsx: 'automatic',
    outdir: out,
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: {
      'react-2fa-phone/styles.css': join(dist, 'styles.css'),
      'react-2fa-phone': join(dist, 'index.js'),
    },
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'silent',
  });
  outputs = result.metafile.outputs;
  writeFileSync(
    join(out, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/host.css"></head>' +
      '<body><div id="root"></div><script type="module" src="/host.js"></script></body></html>',
  );
  server = await startStaticServer(out);
  const found = findChromium();
  if (found.source === 'none') throw new Error(`No Chromium found: install it or set ${CHROMIUM_ENV}.`);
  browser = await chromium.launch({ headless: true, args: CHROMIUM_ARGS, ...(found.path ? { executablePath: found.path } : {}) });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the wizard on a slow 4G network (Chromium, CDP throttling)', () => {
  it('never flashes a fallback, loads the phone step and its metadata together on the step before, and stays on its origin', async () => {
    if (!browser || !server) throw new Error('not set up');
    const { origin } = server;
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);

    // Every moment the wizard's step fallback (a step whose code has not arrived: no heading, only
    // "Loading…") is in the document, recorded from the first paint on. A step's own loading state
    // (the section loading the account's status) is content, not a fallback.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { tfaFallbacks: string[] }).tfaFallbacks = seen;
      new MutationObserver(() => {
        const fallback = document.querySelector('.tfa-wizard__step > [data-state="loading"]:not(:has([data-tfa-step-heading]))');
        if (fallback) seen.push(fallback.textContent ?? '');
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });

    const requests: Array<{ url: string; started: number; finished?: number }> = [];
    const started = Date.now();
    page.on('request', (request) => requests.push({ url: request.url(), started: Date.now() - started }));
    page.on('requestfinished', (request) => {
      const record = requests.find((entry) => entry.url === request.url() && entry.finished === undefined);
      if (record) record.finished = Date.now() - started;
    });

    await page.goto(origin);
    await page.getByLabel('Email verification code').fill(CODE);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Two-factor authentication (2FA)' }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    const addPhone = page.getByRole('button', { name: /Add phone based verification/ });
    await addPhone.waitFor();
    const leftSection = Date.now() - started;
    await addPhone.click();
    await page.getByRole('heading', { name: 'Add a phone number' }).waitFor();
    await page.getByRole('textbox', { name: 'Phone number' }).fill('020 7946 0958');
    await page.getByRole('button', { name: 'Send code via SMS' }).click();
    await page.getByRole('heading', { name: 'Enter the code' }).waitFor();
    await page.getByText('We sent a code to +44 20 7946 0958').waitFor();
    await page.getByRole('textbox', { name: 'Verification code', exact: true }).fill(CODE);
    await page.getByRole('heading', { name: 'Save your recovery code' }).waitFor();
    await page.getByRole('checkbox', { name: 'I have saved my recovery code' }).check();
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.waitForFunction(() => document.title === 'done');

    expect(await page.evaluate(() => (window as unknown as { tfaFallbacks: string[] }).tfaFallbacks)).toEqual([]);

    const phoneStep = requests.find((entry) => /\/wizard-phone-entry-step-[^/]+\.js$/.test(entry.url));
    const digitLoaders = requests.find((entry) => /\/first-digit-4-[A-Z0-9]+\.js$/.test(entry.url));
    const metadata = requests.find((entry) => /\/44-[A-Z0-9]+\.js$/.test(entry.url));
    expect(phoneStep, 'the phone step chunk was requested').toBeDefined();
    expect(digitLoaders, 'the loaders of the calling codes starting with 4 were requested').toBeDefined();
    expect(metadata, "the default country's metadata chunk was requested").toBeDefined();
    // Preloaded while the user was on the section, and in parallel: the metadata's loaders were
    // asked for while the step's code was still on its way (not once it had run, as a waterfall
    // through the step's own code would).
    expect(phoneStep!.started).toBeLessThan(leftSection);
    expect(digitLoaders!.started).toBeLessThan(leftSection);
    expect(digitLoaders!.started).toBeLessThan(phoneStep!.finished ?? Number.POSITIVE_INFINITY);
    // Only that calling code's metadata came, with the loaders of the calling codes that start
    // with 4 (not all of them): the user typed a number of the default country.
    expect(requests.filter((entry) => /\/\d{1,3}-[A-Z0-9]+\.js$/.test(entry.url)).map((entry) => entry.url)).toEqual([metadata!.url]);
    expect(requests.filter((entry) => /\/first-digit-\d-[A-Z0-9]+\.js$/.test(entry.url)).map((entry) => entry.url)).toEqual([digitLoaders!.url]);
    expect(requests.filter((entry) => !entry.url.startsWith(`${origin}/`))).toEqual([]);
    await page.close();
  }, 180_000);

  it("keeps the default country's metadata two requests from the section, as the phone step's code is one", () => {
    // From the section step's chunk (and what it imports statically), each first digit's loaders
    // and the phone step's code are one import() away, and each calling code's metadata one
    // import() from its digit's loaders: no chunk in between that would make the preload a
    // waterfall on a slow network.
    const name = (pattern: RegExp) => {
      const found = Object.keys(outputs).filter((output) => pattern.test(outputs[output]!.entryPoint ?? ''));
      expect(found, String(pattern)).toHaveLength(1);
      return found[0]!;
    };
    const dynamicImportsOf = (start: string) =>
      new Set([...staticClosure(outputs, start)].flatMap((chunk) => outputs[chunk]!.imports.filter((imported) => imported.kind === 'dynamic-import').map((imported) => imported.path)));
    const fromSection = dynamicImportsOf(name(/two-factor-section-step-[^/]+\.js$/));
    expect(fromSection).toContain(name(/wizard-phone-entry-step-[^/]+\.js$/));
    for (const digit of '123456789') expect(fromSection, `digit ${digit}`).toContain(name(new RegExp(`phone-metadata/first-digit-${digit}\\.js$`)));
    expect(dynamicImportsOf(name(/phone-metadata\/first-digit-4\.js$/))).toContain(name(/phone-metadata\/44\.js$/));
  });
});
