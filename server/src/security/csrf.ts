import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors';

export interface CsrfOptions {
  /**
   * Origins besides the API's own that may call it with the user's cookies (an app on another
   * subdomain). Compared exactly, e.g. `https://app.example.com`.
   * @default []
   */
  allowedOrigins?: readonly string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie sessions, without a token:
 * 1. a POST must be `Content-Type: application/json` (an HTML form cannot send that, and a
 *    cross-site script cannot without a CORS preflight the API does not grant);
 * 2. a state-changing request that carries `Origin` must come from the API's own origin (the
 *    `Host` it was sent to) or one of `allowedOrigins`; without `Origin`, `Sec-Fetch-Site:
 *    cross-site` is refused. Clients that are not browsers send neither and pass.
 * `createFetchAdapter` sends JSON with the page's origin, so it passes unchanged.
 */
export function csrfProtection(options: CsrfOptions = {}): MiddlewareHandler {
  const allowed = new Set(options.allowedOrigins ?? []);
  return async (c, next) => {
    const method = c.req.method.toUpperCase();
    if (SAFE_METHODS.has(method)) return next();
    if (method === 'POST') {
      const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') {
        throw new ApiError('unknown', { status: 415, message: 'requests must be application/json' });
      }
    }
    const origin = c.req.header('Origin');
    if (origin !== undefined) {
      if (!isSameOrigin(origin, c.req.header('Host'), c.req.url) && !allowed.has(origin)) {
        throw new ApiError('unknown', { status: 403, message: 'cross-origin request refused' });
      }
    } else if (c.req.header('Sec-Fetch-Site') === 'cross-site') {
      throw new ApiError('unknown', { status: 403, message: 'cross-site request refused' });
    }
    return next();
  };
}

function isSameOrigin(origin: string, host: string | undefined, requestUrl: string): boolean {
  try {
    const from = new URL(origin);
    if (host !== undefined) return from.host === host;
    return from.host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}
