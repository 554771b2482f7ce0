// Size budgets: bundles a host app's use of the built package with esbuild (minify, tree-shaking,
// code splitting, production mode, react and react-dom external) and measures gzip level 9.
// `--check` exits 1 when a budget is exceeded; `--json` prints the figures as JSON.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(new URL('..', import.meta.url).pathname);
const dist = join(root, 'dist');

export const BUDGETS = {
  initial: 25 * 1024,
  total: 75 * 1024,
  css: 4 * 1024,
  headlessOwn: 6 * 1024,
};

const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

const external = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', 'react-dom/server'];
const alias = {
  'react-2fa-phone/headless': join(dist, 'headless.js'),
  'react-2fa-phone/styles.css': join(dist, 'styles.css'),
  'react-2fa-phone': join(dist, 'index.js'),
};
const common = {
  bundle: true,
  minify: true,
  treeShaking: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  define: { 'process.env.NODE_ENV': '"production"' },
  external,
  alias,
  write: false,
  metafile: true,
  logLevel: 'silent',
  absWorkingDir: root,
};

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
  const result = await build({
    ...common,
    entryPoints: [entry],
    splitting: true,
    outdir: join(work, 'out'),
    jsx: 'automatic',
  });
  const outputs = result.metafile.outputs;
  const files = new Map(result.outputFiles.map((file) => [file.path, file.text]));
  const key = (path) => Object.keys(outputs).find((name) => resolve(root, name) === path);
  const sizeOf = (name) => gzip(files.get(resolve(root, name)) ?? '');

  const entryName = Object.keys(outputs).find((name) => outputs[name].entryPoint && name.endsWith('.js'));
  // Initial JS: the entry chunk plus everything it imports statically, transitively.
  const initial = new Set();
  const walk = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of outputs[name].imports) {
      if (imported.kind === 'import-statement' && !imported.external) walk(imported.path);
    }
  };
  walk(entryName);
  let initialBytes = 0;
  let totalBytes = 0;
  let cssBytes = 0;
  const lazyChunks = [];
  for (const name of Object.keys(outputs)) {
    if (name.endsWith('.css')) {
      cssBytes += sizeOf(name);
      continue;
    }
    if (!name.endsWith('.js')) continue;
    const size = sizeOf(name);
    totalBytes += size;
    if (initial.has(name)) initialBytes += size;
    else lazyChunks.push({ name: name.split('/').pop(), size });
  }
  void key;
  return { initialBytes, lazyBytes: totalBytes - initialBytes, totalBytes, cssBytes, lazyChunks };
}

async function measureHeadless(work) {
  const entry = join(work, 'headless.js');
  writeFileSync(entry, "export * from 'react-2fa-phone/headless';\n");
  const deps = ['react-hook-form', '@hookform/resolvers', 'zod', 'libphonenumber-js'];
  const own = await build({
    ...common,
    entryPoints: [entry],
    outfile: join(work, 'headless-own.js'),
    external: [...external, ...deps, ...deps.map((dep) => `${dep}/*`)],
  });
  const all = await build({ ...common, entryPoints: [entry], outfile: join(work, 'headless-all.js') });
  const inputs = Object.keys(all.metafile.inputs);
  const forbidden = inputs.filter((path) => /@radix-ui|\.css$|react-phone-number-input/.test(path));
  const perDependency = {};
  for (const [path, input] of Object.entries(all.metafile.outputs[Object.keys(all.metafile.outputs)[0]].inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    if (match) perDependency[match[1]] = (perDependency[match[1]] ?? 0) + input.bytesInOutput;
  }
  return {
    ownBytes: gzip(own.outputFiles[0].text),
    allBytes: gzip(all.outputFiles[0].text),
    forbidden,
    perDependencyMinified: perDependency,
  };
}

export async function measure() {
  if (!existsSync(join(dist, 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const work = mkdtempSync(join(tmpdir(), 'tfa-size-'));
  try {
    return { host: await measureHost(work), headless: await measureHeadless(work) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function report({ host, headless }) {
  const rows = [
    ['JS before the email gate (initial)', host.initialBytes, BUDGETS.initial],
    ['JS loaded lazily', host.lazyBytes, null],
    ['JS for the whole flow (total)', host.totalBytes, BUDGETS.total],
    ['CSS', host.cssBytes, BUDGETS.css],
    ['headless, own code', headless.ownBytes, BUDGETS.headlessOwn],
    ['headless, with its dependencies', headless.allBytes, null],
  ];
  const failures = [];
  const lines = ['size (esbuild, minified, gzip -9, react external)'];
  for (const [label, bytes, budget] of rows) {
    const ok = budget === null || bytes <= budget;
    if (!ok) failures.push(label);
    lines.push(`  ${label.padEnd(36)} ${kB(bytes).padStart(9)}${budget === null ? '' : `  / ${kB(budget)} ${ok ? 'ok' : 'OVER BUDGET'}`}`);
  }
  if (headless.forbidden.length > 0) {
    failures.push('headless imports styled code');
    lines.push(`  headless pulls in: ${headless.forbidden.join(', ')}  FAIL`);
  }
  return { text: lines.join('\n'), failures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await measure();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } else {
    const { text, failures } = report(figures);
    process.stdout.write(`${text}\n`);
    if (process.argv.includes('--check') && failures.length > 0) {
      process.stderr.write(`size budget exceeded: ${failures.join(', ')}\n`);
      process.exit(1);
    }
  }
}
