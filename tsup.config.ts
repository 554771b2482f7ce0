import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';
import { writeGeneratedFiles } from './scripts/generate-phone-metadata.mjs';

// The per-calling-code phone metadata is generated from libphonenumber-js's own `min` metadata at
// build time (and committed, so that tests and Storybook run from a clean checkout).
writeGeneratedFiles();

/**
 * The extension of this build's JS files: `.cjs` for the CommonJS build. tsup runs esbuild with
 * `format: 'esm'` for a split CommonJS build too (and converts afterwards), so the format does not
 * tell; the output extension does. An external path with the wrong one would make `require()` load
 * an ES module, which throws on Node before 20.19 / 22.12.
 */
function outputExtension(build: Parameters<Plugin['setup']>[0]): string {
  return build.initialOptions.outExtension?.['.js'] ?? '.js';
}

/**
 * Keeps the index's imports of `./deferred-exports`, `./deferred-copy` and `./deferred-locales`
 * runtime imports of those entries' own output files instead of bundling them into the index.
 * Bundled in, every module they import (the steps the wizard loads on demand, libphonenumber-js,
 * the forms, the dialog, the whole copy) would become a static import of `index.js`, and hosts
 * would load them all before the email gate. See src/deferred-exports.ts.
 */
const deferredExportsAsOwnFile: Plugin = {
  name: 'deferred-exports-as-own-file',
  setup(build) {
    const extension = outputExtension(build);
    build.onResolve({ filter: /^\.\/deferred-(?:exports|copy|locales)$/ }, (args) =>
      /[\\/]src[\\/]index\.ts$/.test(args.importer) ? { path: `${args.path}${extension}`, external: true } : undefined,
    );
  },
};

/** Every first digit's generated loaders: each an entry of its own, `dist/phone-metadata/first-digit-<digit>.js`. */
const FIRST_DIGITS = readdirSync('src/core/phone-metadata/by-first-digit')
  .map((name) => /^first-digit-(\d)\.ts$/.exec(name)?.[1])
  .filter((digit): digit is string => digit !== undefined);

/** Every generated calling code: each is an entry of its own, `dist/phone-metadata/<code>.js`. */
const CALLING_CODES = readdirSync('src/core/phone-metadata/by-calling-code')
  .map((name) => /^calling-code-(\d+)\.ts$/.exec(name)?.[1])
  .filter((code): code is string => code !== undefined);

/**
 * Keeps the loaders' `import()`s runtime imports of the entries' own output files: each first
 * digit's loaders (`dist/phone-metadata/first-digit-<digit>.js`, from loaders.ts) and each calling
 * code's metadata (`dist/phone-metadata/<code>.js`, from those loaders), named by the digit or the
 * calling code alone. Left to code splitting, each would be a chunk named with a content hash,
 * and the hashes repeated in every host's copy of the loaders would cost about 1 kB gzip.
 */
const metadataAsOwnFiles: Plugin = {
  name: 'phone-metadata-as-own-files',
  setup(build) {
    const extension = outputExtension(build);
    build.onResolve({ filter: /^\.\/by-first-digit\/first-digit-\d$/ }, (args) => {
      const digit = /(\d)$/.exec(args.path)?.[1];
      return /[\\/]phone-metadata[\\/]loaders\.ts$/.test(args.importer) && digit !== undefined
        ? { path: `./phone-metadata/first-digit-${digit}${extension}`, external: true }
        : undefined;
    });
    build.onResolve({ filter: /^\.\.\/by-calling-code\/calling-code-\d+$/ }, (args) => {
      const code = /(\d+)$/.exec(args.path)?.[1];
      return /[\\/]by-first-digit[\\/]first-digit-\d\.ts$/.test(args.importer) && code !== undefined
        ? { path: `./${code}${extension}`, external: true }
        : undefined;
    });
  },
};

/** The entries with declarations: the public entry points and the modules they load at runtime. */
const TYPED_ENTRIES = {
  index: 'src/index.ts',
  headless: 'src/headless.ts',
  'deferred-exports': 'src/deferred-exports.ts',
  'deferred-copy': 'src/deferred-copy.ts',
  'deferred-locales': 'src/deferred-locales.ts',
  'locales/es': 'src/locales/es.ts',
  'locales/de': 'src/locales/de.ts',
};

// Two builds: the JS entries (ESM + CJS + declarations, with a "use client" banner that only
// survives tsup's default tree-shaking), and the stylesheet as its own entry.
//
// The ESM output is split: every `import()` (the wizard's steps after the email gate, each calling
// code's phone metadata, the Spanish and German copy) stays a chunk of its own, which a host's
// bundler splits off in turn. `locales/es` and `locales/de` are entries for hosts to import.
export default defineConfig([
  {
    entry: {
      ...TYPED_ENTRIES,
      ...Object.fromEntries(CALLING_CODES.map((code) => [`phone-metadata/${code}`, `src/core/phone-metadata/by-calling-code/calling-code-${code}.ts`])),
      ...Object.fromEntries(FIRST_DIGITS.map((digit) => [`phone-metadata/first-digit-${digit}`, `src/core/phone-metadata/by-first-digit/first-digit-${digit}.ts`])),
    },
    format: ['esm', 'cjs'],
    dts: {
      entry: TYPED_ENTRIES,
      compilerOptions: { ignoreDeprecations: '6.0' },
    },
    tsconfig: 'tsconfig.build.json',
    sourcemap: false,
    clean: true,
    splitting: true,
    target: 'es2020',
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    esbuildPlugins: [deferredExportsAsOwnFile, metadataAsOwnFiles],
    banner: { js: '"use client";' },
  },
  {
    entry: { styles: 'src/styles.css' },
    outDir: 'dist',
    clean: false,
    minify: false,
  },
]);
