import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import react from '@vitejs/plugin-react';
import type { InlineConfig, Plugin } from 'vite';
import { createConsoleApi } from './api';
import type { ConsoleApiOptions } from './api';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Serves the reference server inside Vite's dev server: one port for the page and the API. */
function twoFactorApi(options: ConsoleApiOptions): Plugin {
  return {
    name: 'react-2fa-phone-server',
    async configureServer(server) {
      const api = await createConsoleApi(options);
      const listener = getRequestListener(api.app.fetch);
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/api/')) void listener(req, res);
        else next();
      });
      server.httpServer?.once('close', () => void api.database.close());
    },
  };
}

export interface ConsoleConfigOptions extends Partial<ConsoleApiOptions> {
  port?: number;
}

/**
 * The example app's Vite config: React, the library from this repository's source, and the API.
 * Used by vite.config.ts (`npm run demo`) and by the Chromium flow test.
 */
export function consoleConfig(options: ConsoleConfigOptions = {}): InlineConfig {
  return {
    configFile: false,
    root: here,
    logLevel: 'warn',
    plugins: [react(), twoFactorApi({ dataDir: options.dataDir ?? `${here}data/pglite`, limits: options.limits })],
    resolve: {
      alias: [
        { find: 'react-2fa-phone/styles.css', replacement: `${repoRoot}src/styles.css` },
        { find: /^react-2fa-phone$/, replacement: `${repoRoot}src/index.ts` },
      ],
    },
    server: { host: '127.0.0.1', port: options.port ?? 5190, strictPort: false, fs: { allow: [repoRoot] } },
  };
}
