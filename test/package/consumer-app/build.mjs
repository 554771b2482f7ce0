// Bundles the app with Vite's JS API, as a consumer's build would, with no config file.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

await build({
  root: dirname(fileURLToPath(import.meta.url)),
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // React DOM alone is most of the bundle; its size is not what this app checks.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // "use client" marks client components for React Server Components bundlers; a plain SPA
        // bundle drops it on purpose (the library and Radix both carry it).
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
