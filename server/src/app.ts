import { randomBytes } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { systemClock } from './clock';
import { DEFAULT_LIMITS } from './context';
import type { AppDeps, AppEnv, TwoFactorAppOptions } from './context';
import { ApiError } from './errors';
import { registerEmailCodeRoutes } from './routes/email-code';
import { registerPhoneRoutes } from './routes/phone';
import { registerTwoFactorRoutes } from './routes/two-factor';
import { csrfProtection } from './security/csrf';
import { sessionKeyOf } from './security/step-up';

/** The document's fixed parts; the paths and components come from the routes. */
export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'react-2fa-phone REST API',
    version: '1.1.0',
    summary: 'The backend contract of createFetchAdapter, as the reference server implements it.',
    description: [
      'Generated from the routes of react-2fa-phone-server (`npm run openapi`); do not edit by hand.',
      'Routes are relative to the adapter’s `baseUrl`. The user is identified by the session (cookie or headers',
      'added through the adapter’s `headers` option). Codes and phone numbers travel only in JSON request bodies,',
      'never in URLs. Every answer carries `Cache-Control: no-store`. Routes answer directly (no redirects).',
      'A recognised `error.code` in an error body always wins; otherwise the status decides (docs/rest-api.md).',
    ].join('\n'),
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '{baseUrl}', variables: { baseUrl: { default: '/api/account/2fa', description: 'The adapter’s `baseUrl`.' } } }],
} as const;

/** The status and code of a request that failed validation, by the field that failed. */
function validationError(fields: ReadonlyArray<PropertyKey>): ApiError {
  if (fields.includes('phoneNumber')) return new ApiError('invalid_phone_number', { message: 'phoneNumber must be E.164' });
  if (fields.includes('code')) return new ApiError('invalid_code', { message: 'code must be ASCII digits' });
  return new ApiError('unknown', { status: 400, message: 'malformed request body' });
}

function errorAnswer(c: Context, error: ApiError): Response {
  if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
  c.header('Cache-Control', 'no-store');
  return c.json(error.toBody(), error.status as 400);
}

/** Statuses Hono itself may raise (malformed JSON, …), as the vocabulary's `unknown`. */
function fromHttpException(error: HTTPException): ApiError {
  return new ApiError('unknown', { status: error.status, message: error.status === 400 ? 'malformed request body' : 'request refused' });
}

function defaultClientIp(c: Context): string | undefined {
  // @hono/node-server puts the socket on the env; other runtimes pass getClientIp.
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

const NO_CLIENT_IP_WARNING =
  'react-2fa-phone-server: the client IP is unknown (no getClientIp, and not served by @hono/node-server), so the per-IP send limit is skipped. Pass getClientIp to createTwoFactorApp.';

/** Whether this runtime is Node (where @hono/node-server can give the socket). */
function isNode(): boolean {
  const g = globalThis as { Bun?: unknown; Deno?: unknown; process?: { versions?: { node?: string } } };
  return g.Bun === undefined && g.Deno === undefined && typeof g.process?.versions?.node === 'string';
}

/** A usable client IP, or undefined (the per-IP limit is then skipped). */
function knownIp(ip: string | null | undefined): string | undefined {
  return typeof ip === 'string' && ip !== '' && ip !== 'unknown' ? ip : undefined;
}

/** The largest request body accepted (every documented body is well under 1 KB). */
export const MAX_BODY_BYTES = 16 * 1024;

const MIN_SECRET_BYTES = 32;

/**
 * The server secret as bytes. Outside development and test a missing or short secret is an error:
 * a per-process random one would split the rate-limit keys and break the replay across processes
 * and restarts, without a sign.
 */
function resolveSecret(secret: string | Uint8Array | undefined, environment: string): Uint8Array {
  const lenient = environment === 'development' || environment === 'test';
  if (secret === undefined) {
    if (lenient) return randomBytes(MIN_SECRET_BYTES);
    throw new Error(
      `react-2fa-phone-server: createTwoFactorApp needs a secret (at least ${MIN_SECRET_BYTES} random bytes, the same on every process and across restarts) outside development and test`,
    );
  }
  const bytes = typeof secret === 'string' ? Buffer.from(secret) : secret;
  if (bytes.length < MIN_SECRET_BYTES && !lenient) {
    throw new Error(`react-2fa-phone-server: the secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  return bytes;
}

/**
 * Builds the REST API that `createFetchAdapter` speaks, as a Hono app to mount under the adapter's
 * `baseUrl`. The host brings the database, the provider, its authentication and its mail.
 *
 * @example
 * const { db } = await openDatabase();
 * const app = createTwoFactorApp({ db, provider: createFakeProvider({ db, secret }), getUser, sendEmail, secret });
 * host.route('/api/account/2fa', app);
 */
export function createTwoFactorApp(options: TwoFactorAppOptions): OpenAPIHono<AppEnv> {
  const environment = options.environment ?? process.env.NODE_ENV ?? 'production';
  const secret = resolveSecret(options.secret, environment);
  const deps: AppDeps = {
    db: options.db,
    provider: options.provider,
    sendEmail: options.sendEmail,
    clock: options.clock ?? systemClock,
    secret,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    stepUpTtlSeconds: options.stepUpTtlSeconds ?? 600,
    emailCodeTtlSeconds: options.emailCodeTtlSeconds ?? 600,
    phoneCodeTtlSeconds: options.phoneCodeTtlSeconds ?? 600,
    allowImmediateReset: options.allowImmediateReset === true,
  };
  const getClientIp = options.getClientIp ?? defaultClientIp;
  // Without getClientIp, the IP is known only under @hono/node-server: say so once, at creation
  // where the runtime tells (Bun, Deno, Workers), else at the first request without a socket.
  let warnedNoIp = false;
  const warnNoIp = () => {
    if (warnedNoIp || options.getClientIp) return;
    warnedNoIp = true;
    console.warn(NO_CLIENT_IP_WARNING);
  };
  if (!isNode()) warnNoIp();

  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues.map((issue) => issue.path[0] ?? ''));
    },
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorAnswer(c, error);
    if (error instanceof HTTPException) return errorAnswer(c, fromHttpException(error));
    // A fault: the answer says nothing about it (no stack, no provider text).
    return errorAnswer(c, new ApiError('unknown'));
  });
  app.notFound((c) => errorAnswer(c, new ApiError('unknown', { status: 404, message: 'no such route' })));

  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  // Before anything reads a body: every documented body is tiny.
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError('unknown', { status: 413, message: 'request body too large' });
      },
    }),
  );

  if (options.csrf !== false) app.use('*', csrfProtection(options.csrf ?? {}));
  app.use('*', async (c, next) => {
    const user = await options.getUser(c.req.raw);
    if (!user) throw new ApiError('unknown', { status: 401, message: 'not signed in' });
    c.set('user', user);
    c.set('sessionKey', sessionKeyOf(secret, user.sessionId));
    const clientIp = knownIp(getClientIp(c));
    if (clientIp === undefined) warnNoIp();
    c.set('clientIp', clientIp);
    await next();
  });

  if (options.devInbox && environment === 'development') {
    const inbox = options.devInbox;
    // Development only, and only to a signed-in user: it shows the codes the fake provider and the
    // demo's sendEmail "sent".
    app.get('/dev/inbox', (c) => c.json({ messages: inbox.list() }));
  }

  registerEmailCodeRoutes(app, deps);
  registerTwoFactorRoutes(app, deps);
  registerPhoneRoutes(app, deps);
  return app;
}

/** The OpenAPI 3.1 document of an app built by `createTwoFactorApp`, generated from its routes. */
export function createOpenApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document(OPENAPI_INFO as unknown as Parameters<typeof app.getOpenAPI31Document>[0]);
}

/** The API's OpenAPI document without a running server (declaring routes touches no dependency). */
export function openApiDocument() {
  const inert = (): never => {
    throw new Error('openApiDocument(): this app only describes its routes');
  };
  const app = createTwoFactorApp({
    db: {} as TwoFactorAppOptions['db'],
    provider: { name: 'none', start: inert, check: inert, cancel: inert },
    getUser: () => null,
    sendEmail: () => undefined,
    secret: randomBytes(MIN_SECRET_BYTES),
    getClientIp: () => undefined,
  });
  return createOpenApiDocument(app);
}
