// `npm run demo`: the example console (Vite + React) with the reference server inside the same dev
// server, on one port. Fake SMS provider, PGlite data in examples/console/data (delete it to start over).
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.env.PORT ?? 5190);
// Vite bundles vite.config.ts with the server source it imports (extensionless TypeScript imports,
// which its future 'native' config loader would not take; the notice about that is not for demo users).
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
const server = await createServer({ configFile: `${here}vite.config.ts`, server: { port, host: '127.0.0.1' } });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
process.stdout.write(
  [
    '',
    '  react-2fa-phone console',
    `  settings page + dev inbox:  ${url}`,
    `  REST API (createFetchAdapter baseUrl):  ${url}api/2fa`,
    '  data: examples/console/data (PGlite); Ctrl+C to stop',
    '',
  ].join('\n') + '\n',
);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
