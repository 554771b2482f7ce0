import { defineConfig } from 'tsup';

// Two builds: the JS entries (ESM + CJS + declarations, with a "use client" banner that only
// survives tsup's default tree-shaking), and the stylesheet as its own entry.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', headless: 'src/headless.ts' },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    tsconfig: 'tsconfig.build.json',
    sourcemap: false,
    clean: true,
    splitting: true,
    target: 'es2020',
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    banner: { js: '"use client";' },
  },
  {
    entry: { styles: 'src/styles.css' },
    outDir: 'dist',
    clean: false,
    minify: false,
  },
]);
