// Finds a Chromium for the browser tests, in order: the CHROMIUM_PATH environment variable,
// Debian's /usr/bin/chromium, then Playwright's own download. Returns undefined when none exists.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const CHROMIUM_ENV = 'CHROMIUM_PATH';
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** @returns {{ path: string | undefined, source: 'env' | 'debian' | 'playwright' | 'none' }} */
export function findChromium() {
  const fromEnv = process.env[CHROMIUM_ENV];
  if (fromEnv) return { path: fromEnv, source: 'env' };
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian' };
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: undefined, source: 'playwright' };
  } catch {
    // playwright not installed or no browser downloaded: fall through
  }
  return { path: undefined, source: 'none' };
}

/** Launch flags that keep Chromium quiet on a closed network and working as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
