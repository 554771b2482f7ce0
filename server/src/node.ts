import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface ListeningServer {
  /** `http://host:port`, the port resolved when 0 was asked for. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves a Hono app with Node's http module (`@hono/node-server`).
 *
 * @example
 * const server = await listen(host, { port: 8787 });
 * console.log(`listening on ${server.url}`);
 */
export function listen(app: { fetch: Parameters<typeof serve>[0]['fetch'] }, options: { port?: number; hostname?: string } = {}): Promise<ListeningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}
