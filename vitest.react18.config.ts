import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The unit suite once more, against React 18 (the low end of the peer range), so `^18.2 || ^19`
// stays a tested claim: `npx vitest run --config vitest.react18.config.ts`.
//
// React 18 is installed beside React 19 under npm aliases (`react-18`, `react-dom-18`), and every
// import of `react` / `react-dom` and their subpaths is pointed at them. An alias only reaches
// code that Vite resolves, while Node loads dependencies itself, so:
// - every dependency that imports React is pre-bundled (deps.optimizer), which resolves its
//   imports, and react-dom-18's own `require('react')`, through the alias;
// - the pre-bundled files are inlined (server.deps.inline), so their remaining `import 'react'`
//   goes through the alias too, to the one React 18 that the test files and src use.
// A new dependency that imports React belongs in the optimizer list: left out, it renders with
// React 19 and its tests fail loudly ("A React Element from an older version of React…",
// "Invalid hook call"). test/react-version.test.ts checks the versions themselves.
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const react18 = packageDir('react-18');
const reactDom18 = packageDir('react-dom-18');

// Every module that imports React, pre-bundled so its `react` import goes through the alias.
const preBundled = [
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  'react-dom/test-utils',
  '@testing-library/react',
  '@radix-ui/react-dialog',
  'react-hook-form',
  'react-phone-number-input/input-core',
];

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^react-dom(\/.*)?$/, replacement: `${reactDom18}$1` },
      { find: /^react(\/.*)?$/, replacement: `${react18}$1` },
    ],
  },
  test: {
    name: 'unit-react18',
    environment: 'jsdom',
    // A hang detector, not a speed check: a jsdom test that walks the wizard takes 1–3 s alone,
    // and has hit the default 5 s while the suite's projects share two cores.
    testTimeout: 15_000,
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // The package test installs the built tarball with React 19 in an app of its own; a second
    // run would only cost time.
    //
    // The server-render test runs in Vitest's node environment, where dependencies are loaded by
    // Node itself and react-dom-18's own `require('react')` cannot be pointed at React 18 (it gets
    // React 19 and crashes before any test runs). Server rendering is covered on React 19 by that
    // test and by the packed-tarball test, which renders with renderToString in plain Node.
    exclude: [
      '**/*.browser.test.{ts,tsx}',
      '**/node_modules/**',
      'test/package/**',
      'src/components/two-factor-phone-wizard.ssr.test.tsx',
    ],
    setupFiles: ['test/setup.ts'],
    env: { EXPECTED_REACT_MAJOR: '18' },
    server: { deps: { inline: [/\/node_modules\/\.vite\//] } },
    deps: {
      optimizer: {
        client: { enabled: true, include: preBundled },
      },
    },
  },
});
