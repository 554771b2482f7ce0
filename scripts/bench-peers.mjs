// `npm run bench:peers`: what a host app ships for the closest prebuilt phone / SMS-code UI of other
// auth libraries, measured as scripts/size.mjs measures ours (README, Performance).
//
// For each peer it installs pinned versions from the npm registry into a temporary directory
// (`npm install --no-save --ignore-scripts`; never this repository's node_modules or lockfile),
// writes a host entry that renders the peer's component with a minimal config (placeholder public
// keys: the code bundled is the same as with real ones), bundles it with size.mjs's options
// (minified, tree-shaken, split, ESM for browsers, production mode, React external) and prints the
// gzip level 9 size (kB = 1024 bytes) of:
// - initial: the entry chunk and its static imports, transitively (JS before the UI can run);
// - all chunks: everything reachable through import() as well.
// Our own figures are printed first, from a fresh build of dist/.
//
// Limits, read before comparing:
// - A peer's figure is its whole client: the auth SDK and session handling behind the component,
//   every screen the component can show (sign-in methods the config does not enable included, as
//   the config is read at run time), and its styles, which these libraries put in their JS (ours
//   are a separate stylesheet). Our figures are the 2FA phone wizard alone, over the host's own
//   fetch adapter.
// - What the components cover differs: Stytch's and SuperTokens' have no step-up, reset
//   confirmation or recovery code; Clerk's <UserProfile> is a whole account page (with its own
//   re-verification and backup codes). See each host's `renders`.
// - Code a peer loads at run time from its own or a third party's servers is not in any bundle,
//   so it is not in these figures: `runtimeLoads` names what was found for each configuration,
//   and the script checks that the bundle still refers to it. A configuration whose UI comes
//   wholly from the vendor's servers has no comparable figure (`comparable: false`): only its
//   loader is bundled.
// - Needs the npm registry and takes a few minutes (the installs); not part of `npm test`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { HOST_BUILD_OPTIONS, entryOutput, gzipOfOutputs, kB, measure, reachableChunks, staticClosure } from './size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * The peers, each with its pinned packages (installed together) and one or more host entries.
 * `renders` says what the host shows; `runtimeLoads`: what the configuration fetches at run time (code, images),
 * each with a string its bundle must contain (the URL or the part of it that is a literal).
 */
const PEERS = [
  {
    vendor: 'Stytch',
    packages: { '@stytch/react': '20.1.0' },
    hosts: [
      {
        label: 'Stytch <StytchLogin>, SMS one-time passcode',
        renders:
          'phone number with country select, then the SMS code; a sign-in form (Stytch has no prebuilt ' +
          'UI for adding a 2FA phone to a signed-in consumer account)',
        source: `
import { OTPMethods, Products, StytchLogin, StytchProvider, createStytchClient } from '@stytch/react';
import { createRoot } from 'react-dom/client';
const stytch = createStytchClient('public-token-test-00000000-0000-0000-0000-000000000000');
const config = { products: [Products.otp], otpOptions: { methods: [OTPMethods.SMS], expirationMinutes: 10 } };
createRoot(document.getElementById('root')).render(
  <StytchProvider stytch={stytch}><StytchLogin config={config} /></StytchProvider>,
);
`,
        runtimeLoads: [
          {
            what: "phone number parsing, formatting and example numbers run in an iframe from js.stytch.com",
            mark: 'https://js.stytch.com/clientside-services/index.html',
          },
        ],
      },
    ],
  },
  {
    vendor: 'SuperTokens',
    packages: { 'supertokens-auth-react': '0.51.3', 'supertokens-web-js': '0.16.0' },
    hosts: [
      {
        label: 'SuperTokens <MfaOtpPhone>, SMS code as second factor',
        renders:
          "the MFA recipe's SMS-code factor: phone number entry with country select when the user has no " +
          'phone yet, then the code (Passwordless, MultiFactorAuth and Session recipes)',
        source: `
import SuperTokens, { SuperTokensWrapper } from 'supertokens-auth-react';
import MultiFactorAuth from 'supertokens-auth-react/recipe/multifactorauth';
import Passwordless from 'supertokens-auth-react/recipe/passwordless';
import { MfaOtpPhone } from 'supertokens-auth-react/recipe/passwordless/prebuiltui';
import Session from 'supertokens-auth-react/recipe/session';
import { createRoot } from 'react-dom/client';
SuperTokens.init({
  appInfo: { appName: 'Host', apiDomain: 'https://example.com', websiteDomain: 'https://example.com', apiBasePath: '/auth', websiteBasePath: '/auth' },
  recipeList: [Passwordless.init({ contactMethod: 'PHONE', mfaFeature: { disableDefaultUI: true } }), MultiFactorAuth.init(), Session.init()],
});
createRoot(document.getElementById('root')).render(<SuperTokensWrapper><MfaOtpPhone /></SuperTokensWrapper>);
`,
        runtimeLoads: [
          {
            what: "the phone field's country flags, an image sprite from cdnjs.cloudflare.com",
            mark: 'https://cdnjs.cloudflare.com/ajax/libs/intl-tel-input/',
          },
        ],
      },
    ],
  },
  {
    vendor: 'Clerk',
    // @clerk/ui 1.34.0: the newest whose @clerk/localizations the registry serves.
    packages: { '@clerk/react': '6.18.0', '@clerk/clerk-js': '6.40.0', '@clerk/ui': '1.34.0' },
    hosts: [
      {
        label: "Clerk <UserProfile>, as documented (UI from Clerk's servers)",
        renders: 'the account page (its Security section adds a phone for SMS 2FA), loaded at run time',
        comparable: false,
        source: `
import { ClerkProvider, UserProfile } from '@clerk/react';
import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')).render(
  <ClerkProvider publishableKey="pk_test_Y2xlcmsuZXhhbXBsZS5jb20k"><UserProfile /></ClerkProvider>,
);
`,
        runtimeLoads: [
          // Served by the instance's Frontend API host on Clerk's servers (or a proxy the app runs).
          { what: "clerk-js, from Clerk's servers", mark: '/dist/clerk.browser.js' },
          { what: "the UI components (@clerk/ui), from Clerk's servers", mark: '/dist/ui.browser.js' },
        ],
      },
      {
        label: 'Clerk <UserProfile>, clerk-js and UI bundled',
        renders:
          'the same account page, with clerk-js and @clerk/ui from npm passed to <ClerkProvider> ' +
          "(its `Clerk` and `ui` props) instead of Clerk's servers",
        source: `
import { Clerk } from '@clerk/clerk-js';
import { ClerkProvider, UserProfile } from '@clerk/react';
import { ui } from '@clerk/ui';
import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')).render(
  <ClerkProvider publishableKey="pk_test_Y2xlcmsuZXhhbXBsZS5jb20k" Clerk={Clerk} ui={ui}><UserProfile /></ClerkProvider>,
);
`,
        runtimeLoads: [
          { what: 'Cloudflare Turnstile (bot protection), on sign-up', mark: 'https://challenges.cloudflare.com/turnstile/' },
        ],
      },
    ],
  },
];

/** Runs a command; resolves with its output, rejects with it (and the exit code) on failure. */
function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`))));
  });
}

async function install(peer, dir) {
  mkdirSync(dir, { recursive: true });
  const specs = Object.entries(peer.packages).map(([name, version]) => `${name}@${version}`);
  await run(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', dir, ...specs], dir);
  // The versions installed, checked against the pins.
  return Object.keys(peer.packages).map((name) => {
    const { version } = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'));
    if (version !== peer.packages[name]) throw new Error(`${name}: ${version} installed, ${peer.packages[name]} pinned`);
    return [name, version];
  });
}

async function measureHost(host, dir, index) {
  const entry = join(dir, `host-${index}.jsx`);
  writeFileSync(entry, host.source.trimStart());
  const result = await build({
    ...HOST_BUILD_OPTIONS,
    entryPoints: [entry],
    splitting: true,
    jsx: 'automatic',
    outdir: join(dir, `out-${index}`),
    absWorkingDir: dir,
  });
  const outputs = result.metafile.outputs;
  const gzipOf = gzipOfOutputs(result, dir);
  const sum = (names) => [...names].filter((name) => name.endsWith('.js')).reduce((total, name) => total + gzipOf.get(name), 0);
  const start = entryOutput(outputs, dir, entry);
  const reachable = reachableChunks(outputs, start);
  const text = result.outputFiles.map((file) => file.text).join('\n');
  const inputs = Object.keys(result.metafile.inputs);
  // Every package in the bundle with its installed version: the pins are the top-level packages
  // only, and their own dependencies resolve at install time (the figures can move with them).
  const packages = new Map();
  for (const path of inputs) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(path);
    if (match === null || packages.has(match[2])) continue;
    // A dependency copied into another package's dist (Stytch ships such) has no package.json of
    // its own: it is counted as part of that package.
    const manifest = join(dir, match[1], 'package.json');
    if (existsSync(manifest)) packages.set(match[2], JSON.parse(readFileSync(manifest, 'utf8')).version);
  }
  return {
    bundled: (name) => packages.has(name),
    packages: [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([name, version]) => `${name} ${version}`),
    initialBytes: sum(staticClosure(outputs, start)),
    allBytes: sum(reachable),
    chunks: [...reachable].filter((name) => name.endsWith('.js')).length,
    missingMarks: host.runtimeLoads.filter(({ mark }) => !text.includes(mark)).map(({ mark }) => mark),
  };
}

async function measurePeer(peer, work) {
  const dir = join(work, peer.vendor.toLowerCase());
  const started = Date.now();
  const versions = await install(peer, dir);
  const installSeconds = (Date.now() - started) / 1000;
  const hosts = [];
  for (const [index, host] of peer.hosts.entries()) hosts.push({ host, figures: await measureHost(host, dir, index) });
  return { versions, installSeconds, hosts };
}

const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'tfa-peers-'));
const failures = [];
// The installs run while our package builds; each settles to { measured } or { error }.
const peers = PEERS.map((peer) => measurePeer(peer, work).then((measured) => ({ measured }), (error) => ({ error })));
try {
  await run(npx, ['tsup', '--silent'], root);
  const { host: ours } = await measure();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

  const lines = [
    'peers (esbuild: minified, split, production; react external; gzip -9; kB = 1024 bytes)',
    `  ${'host renders'.padEnd(62)} ${'initial'.padStart(9)} ${'all chunks'.padStart(11)}`,
    `  ${'react-2fa-phone <TwoFactorPhoneWizard> (this package)'.padEnd(62)} ${kB(ours.initialBytes).padStart(9)} ${kB(ours.totalBytes).padStart(11)}`,
    `    react-2fa-phone ${version}; one user's whole flow, one country (the heaviest, +${ours.oneCountryCallingCode}): ${kB(ours.oneCountryBytes)}; CSS ${kB(ours.cssBytes)} on top`,
  ];
  for (const [index, pending] of peers.entries()) {
    const peer = PEERS[index];
    const { measured, error } = await pending;
    if (error !== undefined) {
      failures.push(`${peer.vendor}: ${error.message}`);
      lines.push(`  ${peer.vendor}: not measured (${error.message.split('\n')[0]})`);
      continue;
    }
    for (const { host, figures } of measured.hosts) {
      const initial = host.comparable === false ? `(${kB(figures.initialBytes)})` : kB(figures.initialBytes);
      const all = host.comparable === false ? 'not comparable' : kB(figures.allBytes);
      lines.push(`  ${host.label.padEnd(62)} ${initial.padStart(9)} ${all.padStart(11)}`);
      const versions = measured.versions.filter(([name]) => figures.bundled(name)).map(([name, version]) => `${name} ${version}`);
      lines.push(`    ${versions.join(', ')}; ${figures.chunks} JS chunk${figures.chunks === 1 ? '' : 's'}`);
      lines.push(`    every package bundled: ${figures.packages.join(', ')}`);
      lines.push(`    renders: ${host.renders}`);
      if (host.comparable === false) lines.push('    only its loader is bundled (the figure in brackets); the rest comes at run time:');
      for (const load of host.runtimeLoads) lines.push(`    at run time, not measured: ${load.what}`);
      for (const mark of figures.missingMarks) {
        failures.push(`${host.label}: "${mark}" is no longer in its bundle`);
        lines.push(`    "${mark}" not found in the bundle: check the run-time notes above  FAIL`);
      }
    }
    lines.push(`    (install ${measured.installSeconds.toFixed(0)} s)`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await Promise.all(peers);
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`  took ${((Date.now() - started) / 1000).toFixed(0)} s, the temporary installs removed\n`);
if (failures.length > 0) {
  process.stderr.write(`bench:peers: ${failures.join('; ')}\n`);
  process.exit(1);
}
