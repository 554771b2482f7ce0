import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { findChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';

// Debian's Chromium (or CHROMIUM_PATH) where present; elsewhere Playwright's own browser.
const chromium = findChromium();
// A function, not a shared object: each browser project gets its own instance list, named after the
// project (Vitest rejects two projects whose instances share a name).
const browser = (project: string, contextOptions?: { viewport: { width: number; height: number } }) => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      ...(chromium.path ? { executablePath: chromium.path } : {}),
      args: CHROMIUM_ARGS,
    },
    ...(contextOptions ? { contextOptions } : {}),
  }),
  instances: [{ browser: 'chromium' as const, name: `${project} (chromium)` }],
  screenshotFailures: false,
});

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.{ts,tsx}', '**/node_modules/**', 'test/package/**'],
          setupFiles: ['test/setup.ts'],
          // A hang detector, not a speed check: a jsdom test that walks the wizard takes 1–3 s alone,
          // and has hit the default 5 s while the suite's projects share two cores.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.{ts,tsx}', 'src/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['test/browser-setup.ts'],
          browser: browser('browser'),
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The reference server (server/): contract tests over HTTP on 127.0.0.1 against PGlite and,
        // where PostgreSQL is installed, a throwaway PostgreSQL cluster; the Twilio provider against a
        // local stand-in; the example app's whole flow in Chromium.
        test: {
          name: 'server',
          root: './server',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      './vitest.react18.config.ts',
      {
        // Every story at 390 and 1280 px, light and dark, against committed baselines
        // (test/screenshots/__screenshots__). Update: `npm run test:screenshots -- --update`.
        extends: true,
        test: {
          name: 'screenshots',
          include: ['test/screenshots/**/*.screenshot.tsx'],
          setupFiles: ['test/browser-setup.ts'],
          browser: {
            // A window larger than any tested viewport, so the test frame is never scaled down.
            ...browser('screenshots', { viewport: { width: 1300, height: 2450 } }),
            viewport: { width: 1280, height: 800 },
            expect: {
              toMatchScreenshot: {
                comparatorName: 'pixelmatch',
                // Anti-aliasing noise only: a moved box or changed colour differs by far more.
                comparatorOptions: { threshold: 0.2, allowedMismatchedPixelRatio: 0.001 },
              },
            },
          },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          setupFiles: ['.storybook/vitest.setup.ts'],
          browser: browser('storybook'),
        },
      },
    ],
  },
});
