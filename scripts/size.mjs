// Size budgets: bundles a host app's use of the built package with esbuild (minify, tree-shaking,
// code splitting, production mode, react and react-dom external) and measures gzip level 9.
// Sizes are in bytes; "kB" in the report is 1024 bytes. Same dist/, same figures (esbuild's
// chunk names hash contents, not paths, so the temporary directory does not matter).
// `--check` (what `npm test` runs; `--ceilings` is the same) exits 1 when a budget is exceeded
// (above its ceiling, for a budget not met yet: see CEILINGS) or on any structural failure,
// printing the whole report; when everything passes it prints the figures on one line. Without it, the whole report (what `npm run bench` shows). `--json` prints
// the figures as JSON.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/**
 * - initial: JS before the email gate is interactive;
 * - oneCountry: JS one user downloads for the whole flow with a number of one country: the
 *   initial JS, every step's chunks, and that country's phone metadata (the heaviest country's
 *   figure is the one budgeted; no other locale);
 * - css: the stylesheet;
 * - headlessOwn: `react-2fa-phone/headless`'s own code, every export (dependencies apart).
 * The sum of all chunks (every country's metadata, every locale) is printed, not budgeted.
 */
export const BUDGETS = {
  initial: 14 * 1024,
  oneCountry: 82 * 1024,
  css: 4 * 1024,
  headlessOwn: 13 * 1024,
};

/**
 * What `npm test` holds the budgets not met yet to: today's figure plus about 0.5 kB, so a size
 * can go down but not up while its budget is out of reach. Lower a ceiling when the code shrinks;
 * delete it once its budget is met. Raise one only for a feature, saying so in the commit.
 */
export const CEILINGS = {
  // None today: every budget is met. The last ceilings went with issue 14: the page's initial JS
  // (12.6 kB) and one user's whole flow (80.6 kB) first, then the headless entry's own code, once
  // its hooks shared what they repeated and imported React through one module (12.9 kB, was 14.0).
};

/** The per-calling-code metadata chunks (dist/phone-metadata/<code>.js, from src/core/phone-metadata/). */
const METADATA_CHUNK = /(?:^|\/)phone-metadata\/(\d{1,3})\.js$/;
/** The loaders of the calling codes that start with one digit (dist/phone-metadata/first-digit-<digit>.js). */
const METADATA_LOADERS_CHUNK = /(?:^|\/)phone-metadata\/first-digit-(\d)\.js$/;
/** The built-in locales other than English, loaded only when `locale` asks for one. */
const LOCALE_CHUNK = /(?:^|\/)(?:es|de)-[A-Z0-9]+\.js$/;
/** Packages that must not load before the email gate is interactive (they load with later steps). */
export const DEFERRED_PACKAGES = [
  'libphonenumber-js',
  'react-phone-number-input',
  'input-format',
  'react-hook-form',
  'zod',
  '@radix-ui/',
  'react-remove-scroll',
];

/**
 * The direct dependencies, in the order their cost is measured: each figure is what the bundle
 * loses when that package (and whatever only it pulls in) is also left out. react-phone-number-input
 * goes first, so the as-you-type formatter it alone uses counts as its cost; libphonenumber-js goes
 * last and carries the parser and metadata that the library's own phone helpers need anyway. The
 * figures add up exactly to the total minus the library's own code.
 */
export const DEPENDENCY_GROUPS = [
  ['react-phone-number-input', ['react-phone-number-input']],
  ['zod', ['zod']],
  ['react-hook-form', ['react-hook-form']],
  ['@radix-ui/react-dialog', ['@radix-ui/react-dialog']],
  ['libphonenumber-js', ['libphonenumber-js']],
];

// XML namespace names look like URLs but are never fetched.
const NAMESPACE_URLS = /^http:\/\/www\.w3\.org\/(?:2000\/svg|1999\/xlink|1999\/xhtml)$/;

/** Gzip level 9 size of one file's bytes (each chunk is compressed on its own, as served). */
export const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
/** Bytes as the reports print them: kB of 1024 bytes, one decimal. */
export const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const packageOf = (path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? null;

const external = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', 'react-dom/server'];
/**
 * The esbuild options of every host bundle measured here (scripts/bench-peers.mjs bundles the
 * peers' hosts with them too): minified, tree-shaken, ESM for browsers, production mode, React
 * external. Hosts add `splitting: true`; write: false, so nothing lands on disk.
 */
export const HOST_BUILD_OPTIONS = {
  bundle: true,
  minify: true,
  treeShaking: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  define: { 'process.env.NODE_ENV': '"production"' },
  external,
  write: false,
  metafile: true,
  logLevel: 'silent',
};
const alias = {
  'react-2fa-phone/headless': join(dist, 'headless.js'),
  'react-2fa-phone/styles.css': join(dist, 'styles.css'),
  'react-2fa-phone': join(dist, 'index.js'),
};
const common = { ...HOST_BUILD_OPTIONS, alias, absWorkingDir: root };

/** A build's output name (a metafile key: relative to `workingDir`, with `/`) for a file it wrote. */
const outputName = (workingDir, path) => relative(workingDir, path).split('\\').join('/');

/** The output chunk of a build's entry point `entryFile` (an absolute path under `workingDir`). */
export function entryOutput(outputs, workingDir, entryFile) {
  const entryPoint = outputName(workingDir, entryFile);
  return Object.keys(outputs).find((name) => outputs[name].entryPoint === entryPoint);
}

/** Output name → gzip bytes, for every file a build wrote. */
export function gzipOfOutputs(result, workingDir) {
  return new Map(result.outputFiles.map((file) => [outputName(workingDir, file.path), gzip(file.contents)]));
}

/**
 * `start` and every chunk it imports statically, transitively, added to `into`: what loads
 * before `start` runs. Chunks reached only through import() load later.
 */
export function staticClosure(outputs, start, into = new Set()) {
  const stack = [start];
  while (stack.length > 0) {
    const name = stack.pop();
    if (into.has(name)) continue;
    into.add(name);
    for (const imported of outputs[name].imports) {
      if (imported.kind === 'import-statement' && !imported.external) stack.push(imported.path);
    }
  }
  return into;
}

/**
 * Every chunk reachable from `start` through static imports and import(), except the import()
 * targets `skip(name)` names (and what only they reach).
 */
export function reachableChunks(outputs, start, skip = () => false) {
  const reached = staticClosure(outputs, start);
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of [...reached]) {
      for (const imported of outputs[name].imports) {
        if (imported.kind !== 'dynamic-import' || imported.external || reached.has(imported.path) || skip(imported.path)) continue;
        staticClosure(outputs, imported.path, reached);
        grew = true;
      }
    }
  }
  return reached;
}

function remoteUrls(text) {
  return [...new Set(text.match(/https?:\/\/[^\s"'`)\\]+/g) ?? [])].filter((url) => !NAMESPACE_URLS.test(url)).sort();
}

/** Gzip bytes of the JS files a build wrote (each file compressed on its own, as served). */
function jsGzip(result) {
  return result.outputFiles.filter((file) => file.path.endsWith('.js')).reduce((sum, file) => sum + gzip(file.contents), 0);
}

/**
 * Splits `totalBytes` into the library's own code and each of `groups`, by bundling again with one
 * more group left out (external) each time. `bundleWithout(packages)` builds with those packages
 * external. What is left when all are out is the own code; `unlisted` names any package still in
 * it (one that should be in DEPENDENCY_GROUPS, or the own-code figure would include it).
 */
async function dependencyCosts(totalBytes, bundleWithout, groups) {
  const leftOut = [];
  const dependencies = [];
  let previous = totalBytes;
  let last = null;
  for (const [label, packages] of groups) {
    for (const pkg of packages) leftOut.push(pkg, `${pkg}/*`);
    last = await bundleWithout([...leftOut]);
    const bytes = jsGzip(last);
    dependencies.push({ label, bytes: previous - bytes });
    previous = bytes;
  }
  const unlisted = new Set();
  for (const path of Object.keys(last?.metafile.inputs ?? {})) {
    const pkg = packageOf(path);
    if (pkg !== null) unlisted.add(pkg);
  }
  return { ownBytes: previous, dependencies, unlisted: [...unlisted].sort() };
}

async function measureHost(work) {
  const entry = join(work, 'host.jsx');
  writeFileSync(
    entry,
    [
      "import { TwoFactorPhoneWizard, createFetchAdapter } from 'react-2fa-phone';",
      "import 'react-2fa-phone/styles.css';",
      "import { createRoot } from 'react-dom/client';",
      "import { jsx } from 'react/jsx-runtime';",
      "const adapter = createFetchAdapter({ baseUrl: '/api/2fa' });",
      "createRoot(document.getElementById('root')).render(jsx(TwoFactorPhoneWizard, { adapter, onComplete() {} }));",
    ].join('\n'),
  );
  const bundle = (leftOut = []) =>
    build({
      ...common,
      entryPoints: [entry],
      splitting: true,
      outdir: join(work, 'out'),
      jsx: 'automatic',
      external: [...external, ...leftOut],
    });
  const result = await bundle();
  const outputs = result.metafile.outputs;
  const bytesOf = new Map(result.outputFiles.map((file) => [outputName(root, file.path), file.contents]));
  const names = Object.keys(outputs).sort();

  // Initial JS: the entry chunk plus everything it imports statically, transitively. The rest
  // is reached only through import() and loads when a later step needs it.
  // (Every import() target is an entry point too; the host's entry is the one written above.)
  const entryName = entryOutput(outputs, root, entry);
  const initial = staticClosure(outputs, entryName);

  // One user's whole flow: the initial JS and, through every import(), the steps' chunks, but
  // no phone metadata and no other locale; then one calling code's metadata at a time on top.
  const isMetadata = (name) => METADATA_CHUNK.test(outputs[name].entryPoint ?? '');
  const isMetadataLoaders = (name) => METADATA_LOADERS_CHUNK.test(outputs[name].entryPoint ?? '');
  const isLocale = (name) => LOCALE_CHUNK.test(outputs[name].entryPoint ?? '');
  const flow = reachableChunks(outputs, entryName, (name) => isMetadata(name) || isMetadataLoaders(name) || isLocale(name));
  const gzipOf = gzipOfOutputs(result, root);
  const sumOf = (set) => [...set].filter((name) => name.endsWith('.js')).reduce((sum, name) => sum + (gzipOf.get(name) ?? 0), 0);
  const flowBytes = sumOf(flow);
  const countries = [];
  const loadersOf = new Map(names.filter(isMetadataLoaders).map((name) => [METADATA_LOADERS_CHUNK.exec(outputs[name].entryPoint)[1], name]));
  for (const name of names.filter(isMetadata)) {
    const callingCode = METADATA_CHUNK.exec(outputs[name].entryPoint)[1];
    // Its metadata and the loaders of the calling codes that share its first digit.
    const loaders = loadersOf.get(callingCode[0]);
    if (loaders === undefined) throw new Error(`no loaders chunk for calling code ${callingCode}`);
    const reached = staticClosure(outputs, loaders, staticClosure(outputs, name));
    const extra = new Set([...reached].filter((chunk) => !flow.has(chunk)));
    countries.push({ callingCode, bytes: flowBytes + sumOf(extra) });
  }
  countries.sort((a, b) => b.bytes - a.bytes);
  const heaviest = countries[0] ?? { callingCode: null, bytes: flowBytes };
  const unitedStates = countries.find((country) => country.callingCode === '1') ?? heaviest;

  let initialBytes = 0;
  let totalBytes = 0;
  let cssBytes = 0;
  const chunks = [];
  const initialPackages = new Set();
  const urlLiterals = new Set();
  const cssRemoteUrls = new Set();
  for (const name of names) {
    const contents = bytesOf.get(name) ?? new Uint8Array();
    const size = gzip(contents);
    const text = Buffer.from(contents).toString('utf8');
    if (name.endsWith('.css')) {
      cssBytes += size;
      for (const url of remoteUrls(text)) cssRemoteUrls.add(url);
      continue;
    }
    if (!name.endsWith('.js')) continue;
    totalBytes += size;
    const isInitial = initial.has(name);
    if (isInitial) initialBytes += size;
    for (const url of remoteUrls(text)) urlLiterals.add(url);
    const packages = {};
    for (const [path, input] of Object.entries(outputs[name].inputs)) {
      const pkg = packageOf(path);
      if (pkg === null || input.bytesInOutput === 0) continue;
      packages[pkg] = (packages[pkg] ?? 0) + input.bytesInOutput;
      if (isInitial) initialPackages.add(pkg);
    }
    chunks.push({ file: name.split('/').pop(), initial: isInitial, metadata: isMetadata(name), metadataLoaders: isMetadataLoaders(name), bytes: size, packages });
  }
  const { ownBytes, dependencies, unlisted } = await dependencyCosts(totalBytes, bundle, DEPENDENCY_GROUPS);
  return {
    initialBytes,
    oneCountryBytes: heaviest.bytes,
    oneCountryCallingCode: heaviest.callingCode,
    metadataBytes: sumOf(new Set(names.filter(isMetadata))),
    unitedStatesBytes: unitedStates.bytes,
    metadataChunks: countries.length,
    lazyBytes: totalBytes - initialBytes,
    ownBytes,
    dependencies,
    unlisted,
    totalBytes,
    cssBytes,
    chunks,
    initialPackages: [...initialPackages].sort(),
    deferredPackagesInInitial: [...initialPackages].filter((pkg) => DEFERRED_PACKAGES.some((name) => pkg.startsWith(name))).sort(),
    cssRemoteUrls: [...cssRemoteUrls],
    urlLiterals: [...urlLiterals],
  };
}

/**
 * The initial JS of the same host when it also uses the copy the main entry exports (`en`, `es`,
 * `de`, `useMessages`): that costs the copy, never the steps after the gate (issue 14).
 */
async function measureHostWithCopy(work) {
  const entry = join(work, 'host-copy.jsx');
  writeFileSync(
    entry,
    [
      "import { TwoFactorPhoneWizard, createFetchAdapter, de, en, es, useMessages } from 'react-2fa-phone';",
      "import { createRoot } from 'react-dom/client';",
      "import { jsx } from 'react/jsx-runtime';",
      "const adapter = createFetchAdapter({ baseUrl: '/api/2fa' });",
      'console.log(de.verify, en.verify, es.verify, useMessages);',
      "createRoot(document.getElementById('root')).render(jsx(TwoFactorPhoneWizard, { adapter, onComplete() {} }));",
    ].join('\n'),
  );
  const result = await build({ ...common, entryPoints: [entry], splitting: true, outdir: join(work, 'out-copy'), jsx: 'automatic' });
  const outputs = result.metafile.outputs;
  const gzipOf = gzipOfOutputs(result, root);
  const initial = staticClosure(outputs, entryOutput(outputs, root, entry));
  let initialBytes = 0;
  const packages = new Set();
  for (const name of initial) {
    initialBytes += gzipOf.get(name) ?? 0;
    for (const [path, input] of Object.entries(outputs[name].inputs)) {
      const pkg = packageOf(path);
      if (pkg !== null && input.bytesInOutput > 0) packages.add(pkg);
    }
  }
  const deferredPackagesInInitial = [...packages].filter((pkg) => DEFERRED_PACKAGES.some((name) => pkg.startsWith(name))).sort();
  return { initialBytes, deferredPackagesInInitial };
}

async function measureHeadless(work) {
  // Everything the entry exports, as a host importing all of it gets it: once with its
  // dependencies, then leaving them out one group at a time down to the own code.
  const entry = join(work, 'headless.js');
  writeFileSync(entry, "export * from 'react-2fa-phone/headless';\n");
  const bundle = (leftOut = []) =>
    build({ ...common, entryPoints: [entry], outfile: join(work, 'headless.out.js'), external: [...external, ...leftOut] });
  const all = await bundle();
  const inputs = Object.keys(all.metafile.inputs);
  const forbidden = inputs.filter((path) => /@radix-ui|\.css$|react-phone-number-input/.test(path)).sort();
  const allBytes = jsGzip(all);
  const groups = DEPENDENCY_GROUPS.filter(([, packages]) => packages.some((pkg) => inputs.some((path) => packageOf(path) === pkg)));
  const { ownBytes, dependencies, unlisted } = await dependencyCosts(allBytes, bundle, groups);
  // The same own code without `createMockAdapter` (the in-memory backend for Storybook, demos and
  // tests), as a host's production build that does not import it gets it. Printed, not budgeted.
  const names = all.metafile.outputs[Object.keys(all.metafile.outputs)[0]].exports.filter((name) => name !== 'createMockAdapter');
  const productionEntry = join(work, 'headless-production.js');
  writeFileSync(productionEntry, `export { ${names.join(', ')} } from 'react-2fa-phone/headless';\n`);
  const production = await build({
    ...common,
    entryPoints: [productionEntry],
    outfile: join(work, 'headless-production.out.js'),
    external: [...external, ...groups.flatMap(([, packages]) => packages.flatMap((pkg) => [pkg, `${pkg}/*`]))],
  });
  return { ownBytes, ownWithoutMockBytes: jsGzip(production), allBytes, dependencies, unlisted, forbidden };
}

export async function measure() {
  if (!existsSync(join(dist, 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const work = mkdtempSync(join(tmpdir(), 'tfa-size-'));
  try {
    return { host: await measureHost(work), hostWithCopy: await measureHostWithCopy(work), headless: await measureHeadless(work) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function report({ host, hostWithCopy, headless }) {
  const rows = [
    ['JS before the email gate (initial)', host.initialBytes, 'initial'],
    ['  the same, the host also using en, es, de, useMessages', hostWithCopy.initialBytes, null],
    [`JS for one user's whole flow, one country (heaviest: +${host.oneCountryCallingCode})`, host.oneCountryBytes, 'oneCountry'],
    ['  the same with a US number (+1)', host.unitedStatesBytes, null],
    [`JS, all chunks (every step, ${host.metadataChunks} calling codes, every locale)`, host.totalBytes, null],
    ['CSS', host.cssBytes, 'css'],
    ['headless, own code', headless.ownBytes, 'headlessOwn'],
    ['  the same without createMockAdapter (not imported)', headless.ownWithoutMockBytes, null],
    ['headless, with its dependencies', headless.allBytes, null],
  ];
  // Every missed budget above its ceiling (or without one) and every structural failure: what
  // --check fails on. `unmet`: budgets missed but held under their ceilings.
  const failures = [];
  const unmet = [];
  const lines = ['size (esbuild: minified, split, production; react external; gzip -9; kB = 1024 bytes)'];
  for (const [label, bytes, key] of rows) {
    const budget = key === null ? null : BUDGETS[key];
    const ceiling = key === null ? undefined : CEILINGS[key];
    const ok = budget === null || bytes <= budget;
    const held = !ok && ceiling !== undefined && bytes <= ceiling;
    if (!ok && !held) failures.push(`${label} ${kB(bytes)} > ${kB(ceiling ?? budget)}`);
    if (held) unmet.push(key);
    let verdict = budget === null ? '' : `  / ${kB(budget)} ${ok ? 'ok' : `over by ${kB(bytes - budget)}`}`;
    if (!ok && ceiling !== undefined) verdict += ` (ceiling ${kB(ceiling)})`;
    lines.push(`  ${label.padEnd(66)} ${kB(bytes).padStart(9)}${verdict}`);
  }
  const split = (title, { ownBytes: allOwnBytes, dependencies: measured, unlisted, metadataBytes = 0 }) => {
    // The generated per-calling-code metadata ships as this package's files but is
    // libphonenumber-js's data: listed with the dependencies.
    const ownBytes = allOwnBytes - metadataBytes;
    const dependencies = metadataBytes > 0 ? [...measured, { label: 'libphonenumber-js metadata, by calling code', bytes: metadataBytes }] : measured;
    lines.push(`  ${title}:`);
    lines.push(`    ${'own code (react-2fa-phone)'.padEnd(46)} ${kB(ownBytes).padStart(9)}`);
    const dependencyBytes = dependencies.reduce((sum, { bytes }) => sum + bytes, 0);
    lines.push(`    ${'dependencies'.padEnd(46)} ${kB(dependencyBytes).padStart(9)}`);
    for (const { label, bytes } of dependencies) lines.push(`      ${label.padEnd(44)} ${kB(bytes).padStart(9)}`);
    if (unlisted.length > 0) {
      failures.push(`packages missing from DEPENDENCY_GROUPS: ${unlisted.join(', ')}`);
      lines.push(`    counted as own code but not ours: ${unlisted.join(', ')}  FAIL`);
    }
  };
  split('all chunks, whose code (each dependency: what leaving it out saves, in this order)', host);
  split('headless, whose code', headless);
  lines.push('  chunks (gzip; the per-calling-code metadata summed on one line):');
  const metadata = host.chunks.filter((chunk) => chunk.metadata);
  const metadataLoaders = host.chunks.filter((chunk) => chunk.metadataLoaders);
  for (const chunk of [...host.chunks.filter((chunk) => !chunk.metadata && !chunk.metadataLoaders)].sort((a, b) => Number(b.initial) - Number(a.initial) || b.bytes - a.bytes)) {
    const packages = Object.entries(chunk.packages)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([pkg]) => pkg)
      .join(', ');
    lines.push(`    ${chunk.initial ? 'initial' : 'lazy   '} ${kB(chunk.bytes).padStart(8)}  ${chunk.file}${packages ? `  (${packages})` : ''}`);
  }
  if (metadata.length > 0) {
    const bytes = metadata.map((chunk) => chunk.bytes);
    lines.push(
      `    lazy    ${kB(bytes.reduce((sum, size) => sum + size, 0)).padStart(8)}  ${metadata.length} phone metadata chunks, one per calling code (${kB(Math.min(...bytes))} to ${kB(Math.max(...bytes))} each)`,
    );
  }
  if (metadataLoaders.length > 0) {
    const bytes = metadataLoaders.map((chunk) => chunk.bytes);
    lines.push(
      `    lazy    ${kB(bytes.reduce((sum, size) => sum + size, 0)).padStart(8)}  ${metadataLoaders.length} chunks of their loaders, one per first digit (${kB(Math.min(...bytes))} to ${kB(Math.max(...bytes))} each)`,
    );
  }
  if (hostWithCopy.deferredPackagesInInitial.length > 0) {
    failures.push('deferred packages in the initial JS of a host using the copy');
    lines.push(`  initial JS, the host also using the copy, pulls in: ${hostWithCopy.deferredPackagesInInitial.join(', ')}  FAIL`);
  }
  if (host.deferredPackagesInInitial.length > 0) {
    failures.push('deferred packages in the initial JS');
    lines.push(`  initial JS pulls in: ${host.deferredPackagesInInitial.join(', ')}  FAIL`);
  }
  if (host.cssRemoteUrls.length > 0) {
    failures.push('CSS requests another host');
    lines.push(`  CSS requests: ${host.cssRemoteUrls.join(', ')}  FAIL`);
  }
  if (host.urlLiterals.length > 0) {
    // Not requests: e.g. react-phone-number-input's default flag URL, unused because the country
    // select is ours. Whether anything is requested is checked at run time (npm run bench).
    lines.push(`  URL literals in the JS (not requested): ${host.urlLiterals.join(', ')}`);
  }
  if (headless.forbidden.length > 0) {
    failures.push('headless imports styled code');
    lines.push(`  headless pulls in: ${headless.forbidden.join(', ')}  FAIL`);
  }
  const limit = (key) => (unmet.includes(key) ? `budget ${kB(BUDGETS[key])}, ceiling ${kB(CEILINGS[key])}` : `≤ ${kB(BUDGETS[key])}`);
  const summary =
    `size ok: initial ${kB(host.initialBytes)} (${limit('initial')}), ` +
    `one country ${kB(host.oneCountryBytes)} (${limit('oneCountry')}), ` +
    `CSS ${kB(host.cssBytes)} (${limit('css')}), ` +
    `headless own ${kB(headless.ownBytes)} (${limit('headlessOwn')}); all chunks ${kB(host.totalBytes)}`;
  return { text: lines.join('\n'), summary, failures, unmet };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await measure();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } else {
    const { text, summary, failures } = report(figures);
    const check = process.argv.includes('--check') || process.argv.includes('--ceilings');
    if (!check) {
      process.stdout.write(`${text}\n`);
    } else if (failures.length > 0) {
      process.stderr.write(`${text}\nsize budget exceeded: ${failures.join('; ')}\n`);
      process.exit(1);
    } else {
      process.stdout.write(`${summary}\n`);
    }
  }
}
