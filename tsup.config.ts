import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';
import { writeGeneratedFiles } from './scripts/generate-phone-metadata.mjs';

// The per-calling-code phone metadata is generated from libphonenumber-js's own `min` metadata at
// build time (and committed, so that tests and Storybook run from a clean checkout).
writeGeneratedFiles();

/**
 * Keeps the index's import of `./deferred-exports` a runtime import of that entry's own output
 * file instead of bundling it into the index. Bundled in, every module it imports (the steps the
 * wizard loads on demand, libphonenumber-js, the forms, the dialog) would become a static import
 * of `index.js`, and hosts would load them all before the email gate. See src/deferred-exports.ts.
 */
const deferredExportsAsOwnFile: Plugin = {
  name: 'deferred-exports-as-own-file',
  setup(build) {
    const extension = build.initialOptions.format === 'cjs' ? '.cjs' : '.js';
    build.onResolve({ filter: /^\.\/deferred-exports$/ }, (args) =>
      /[\\/]src[\\/]index\.ts$/.test(args.importer) ? { path: `./deferred-exports${extension}`, external: true } : undefined,
    );
  },
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
      index: 'src/index.ts',
      headless: 'src/headless.ts',
      'deferred-exports': 'src/deferred-exports.ts',
      'locales/es': 'src/locales/es.ts',
      'locales/de': 'src/locales/de.ts',
    },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    tsconfig: 'tsconfig.build.json',
    sourcemap: false,
    clean: true,
    splitting: true,
    target: 'es2020',
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    esbuildPlugins: [deferredExportsAsOwnFile],
    banner: { js: '"use client";' },
  },
  {
    entry: { styles: 'src/styles.css' },
    outDir: 'dist',
    clean: false,
    minify: false,
  },
]);
