// @vitest-environment node
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFetchAdapter } from '../src/adapters/fetch-adapter';
import { TwoFactorError } from '../src/core/errors';

/** What the server saw of one request. */
interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the server answers the next requests; `hang` never answers. */
type Reply =
  | { status: number; body?: unknown; rawBody?: string; headers?: Record<string, string> }
  | { hang: true };

let server: Server;
let baseUrl: string;
let received: ReceivedRequest[] = [];
let reply: Reply = { status: 204 };

function respond(res: ServerResponse, answer: Reply): void {
  if ('hang' in answer) return;
  const text = answer.rawBody ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.rawBody === undefined && answer.body !== undefined) headers['Content-Type'] = 'application/json';
  res.writeHead(answer.status, headers);
  res.end(text);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      respond(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}/api/2fa`;
});

afterEach(() => {
  received = [];
  reply = { status: 204 };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function signal(): AbortSignal {
  return new AbortController().signal;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (thrown) {
    return thrown;
  }
  throw new Error('expected the promise to reject');
}

async function errorOf(promise: Promise<unknown>): Promise<TwoFactorError> {
  const thrown = await rejectionOf(promise);
  expect(thrown).toBeInstanceOf(TwoFactorError);
  return thrown as TwoFactorError;
}

function onlyRequest(): ReceivedRequest {
  expect(received).toHaveLength(1);
  return received[0] as ReceivedRequest;
}

describe('createFetchAdapter: routes and bodies', () => {
  it('sends the email code with POST /email-code and returns the documented fields only', async () => {
    reply = { status: 200, body: { maskedEmail: 'j•••@example.com', resendAfterSeconds: 30, codeLength: 6, extra: 'x' } };
    const adapter = createFetchAdapter({ baseUrl });
    const result = await adapter.sendEmailCode({ signal: signal() });
    expect(result).toEqual({ maskedEmail: 'j•••@example.com', resendAfterSeconds: 30, codeLength: 6 });
    const request = onlyRequest();
    expect(request).toMatchObject({ method: 'POST', url: '/api/2fa/email-code', body: '{}' });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.accept).toBe('application/json');
  });

  it('verifies the email code with the code in the JSON body, never in the URL', async () => {
    const adapter = createFetchAdapter({ baseUrl });
    await adapter.verifyEmailCode({ signal: signal(), code: '482913' });
    const request = onlyRequest();
    expect(request).toMatchObject({ method: 'POST', url: '/api/2fa/email-code/verify' });
    expect(JSON.parse(request.body)).toEqual({ code: '482913' });
    expect(request.url).not.toContain('482913');
  });

  it('reads the status with GET /status', async () => {
    reply = { status: 200, body: { phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: false } };
    const adapter = createFetchAdapter({ baseUrl });
    expect(await adapter.getTwoFactorStatus({ signal: signal() })).toEqual({
      phone: { maskedNumber: '+1 ••• ••• 0123' },
      canDisable: false,
    });
    expect(onlyRequest()).toMatchObject({ method: 'GET', url: '/api/2fa/status', body: '' });
  });

  it('reads a status with no phone', async () => {
    reply = { status: 200, body: { phone: null, canDisable: true } };
    const adapter = createFetchAdapter({ baseUrl });
    expect(await adapter.getTwoFactorStatus({ signal: signal() })).toEqual({ phone: null, canDisable: true });
  });

  it('resets the phone with DELETE /phone and disables 2FA with DELETE /two-factor', async () => {
    const adapter = createFetchAdapter({ baseUrl });
    await adapter.resetPhone({ signal: signal() });
    await adapter.disableTwoFactor({ signal: signal() });
    expect(received.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'DELETE /api/2fa/phone',
      'DELETE /api/2fa/two-factor',
    ]);
  });

  it('sends the phone code with the number and channel in the body, and accepts an empty 202', async () => {
    reply = { status: 202 };
    const adapter = createFetchAdapter({ baseUrl: `${baseUrl}/` });
    expect(await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'call' })).toEqual({});
    const request = onlyRequest();
    expect(request).toMatchObject({ method: 'POST', url: '/api/2fa/phone/code' });
    expect(JSON.parse(request.body)).toEqual({ phoneNumber: '+14155550199', channel: 'call' });
  });

  it('returns the resend hints of a phone code send', async () => {
    reply = { status: 200, body: { resendAfterSeconds: 60, codeLength: 8 } };
    const adapter = createFetchAdapter({ baseUrl });
    expect(await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' })).toEqual({
      resendAfterSeconds: 60,
      codeLength: 8,
    });
  });

  it('acknowledges the saved recovery code with a bodiless POST', async () => {
    reply = { status: 204 };
    const adapter = createFetchAdapter({ baseUrl });
    await adapter.acknowledgeRecoveryCode({ signal: signal() });
    expect(onlyRequest()).toMatchObject({ method: 'POST', url: '/api/2fa/phone/recovery-code/acknowledge' });
  });

  it('verifies the phone code with number, code and replacesCurrent in the body, never in the URL, and returns the recovery code', async () => {
    reply = { status: 200, body: { recoveryCode: 'ABCD-EFGH-JKMN-PQRS' } };
    const adapter = createFetchAdapter({ baseUrl });
    const result = await adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: true, phoneNumber: '+14155550199', code: '771204' });
    expect(result).toEqual({ recoveryCode: 'ABCD-EFGH-JKMN-PQRS' });
    const request = onlyRequest();
    expect(request).toMatchObject({ method: 'POST', url: '/api/2fa/phone/verify' });
    expect(JSON.parse(request.body)).toEqual({ phoneNumber: '+14155550199', code: '771204', replacesCurrent: true });
    expect(request.url).not.toMatch(/771204|4155550199/);
  });
});

describe('createFetchAdapter: headers and credentials', () => {
  it('adds static headers to every request', async () => {
    const adapter = createFetchAdapter({ baseUrl, headers: { 'X-Requested-With': 'react-2fa-phone' } });
    await adapter.resetPhone({ signal: signal() });
    expect(onlyRequest().headers['x-requested-with']).toBe('react-2fa-phone');
  });

  it('calls a headers function on every request, so a rotating CSRF token stays fresh', async () => {
    let token = 0;
    const adapter = createFetchAdapter({
      baseUrl,
      headers: async () => {
        token += 1;
        return { 'X-CSRF-Token': `token-${token}` };
      },
    });
    await adapter.resetPhone({ signal: signal() });
    await adapter.verifyEmailCode({ signal: signal(), code: '123456' });
    expect(received.map((request) => request.headers['x-csrf-token'])).toEqual(['token-1', 'token-2']);
    // A caller's Content-Type cannot break the JSON body.
    expect(received[1]?.headers['content-type']).toBe('application/json');
  });

  it('fails with unknown and sends nothing when the headers function throws', async () => {
    const adapter = createFetchAdapter({
      baseUrl,
      headers: () => {
        throw new Error('no token');
      },
    });
    expect((await errorOf(adapter.resetPhone({ signal: signal() }))).code).toBe('unknown');
    expect(received).toEqual([]);
  });

  it('passes credentials (same-origin by default) and no-store caching to the given fetch', async () => {
    const inits: RequestInit[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    };
    await createFetchAdapter({ baseUrl, fetch: recordingFetch, credentials: 'include' }).resetPhone({ signal: signal() });
    await createFetchAdapter({ baseUrl, fetch: recordingFetch }).resetPhone({ signal: signal() });
    expect(inits.map((init) => init.credentials)).toEqual(['include', 'same-origin']);
    expect(inits.map((init) => init.cache)).toEqual(['no-store', 'no-store']);
    expect(received).toHaveLength(2);
  });
});

describe('createFetchAdapter: status mapping', () => {
  it('uses a recognised error.code from the body, with its hints and message', async () => {
    reply = {
      status: 400,
      body: { error: { code: 'unsupported_phone_number', message: 'VoIP numbers cannot receive codes' } },
    };
    const adapter = createFetchAdapter({ baseUrl });
    const error = await errorOf(adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' }));
    expect(error.code).toBe('unsupported_phone_number');
    expect(error.message).toContain('VoIP numbers cannot receive codes');
  });

  it('maps 400 without a known code to invalid_phone_number on a phone send and unknown elsewhere', async () => {
    reply = { status: 400, body: { error: { code: 'not_in_vocabulary' } } };
    const adapter = createFetchAdapter({ baseUrl });
    const send = await errorOf(adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+1', channel: 'sms' }));
    expect(send.code).toBe('invalid_phone_number');
    expect((await errorOf(adapter.sendEmailCode({ signal: signal() }))).code).toBe('unknown');
  });

  it('maps 401 and 403 to reverification_required', async () => {
    const adapter = createFetchAdapter({ baseUrl });
    reply = { status: 401 };
    expect((await errorOf(adapter.getTwoFactorStatus({ signal: signal() }))).code).toBe('reverification_required');
    reply = { status: 403, body: { error: { message: 'step-up required' } } };
    expect((await errorOf(adapter.resetPhone({ signal: signal() }))).code).toBe('reverification_required');
  });

  it('maps 404 to unknown', async () => {
    reply = { status: 404, rawBody: 'Not Found', headers: { 'Content-Type': 'text/plain' } };
    const adapter = createFetchAdapter({ baseUrl });
    expect((await errorOf(adapter.getTwoFactorStatus({ signal: signal() }))).code).toBe('unknown');
  });

  it('maps 409 (superseded or no pending code) and 410 (expired) to expired_code', async () => {
    const adapter = createFetchAdapter({ baseUrl });
    reply = { status: 409 };
    const conflict = await errorOf(adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: false, phoneNumber: '+14155550199', code: '123456' }));
    expect(conflict.code).toBe('expired_code');
    reply = { status: 410 };
    expect((await errorOf(adapter.verifyEmailCode({ signal: signal(), code: '123456' }))).code).toBe('expired_code');
  });

  it('maps 422 to the body code, else invalid_code with attemptsRemaining', async () => {
    const adapter = createFetchAdapter({ baseUrl });
    reply = { status: 422, body: { error: { code: 'too_many_attempts', retryAfterSeconds: 900 } } };
    expect(await errorOf(adapter.verifyEmailCode({ signal: signal(), code: '123456' }))).toMatchObject({
      code: 'too_many_attempts',
      retryAfterSeconds: 900,
    });
    reply = { status: 422, body: { error: { attemptsRemaining: 2 } } };
    expect(await errorOf(adapter.verifyEmailCode({ signal: signal(), code: '123456' }))).toMatchObject({
      code: 'invalid_code',
      attemptsRemaining: 2,
    });
  });

  it('maps 423 to too_many_attempts', async () => {
    reply = { status: 423 };
    const adapter = createFetchAdapter({ baseUrl });
    expect((await errorOf(adapter.verifyEmailCode({ signal: signal(), code: '123456' }))).code).toBe('too_many_attempts');
  });

  it('maps 429 to rate_limited with Retry-After in seconds', async () => {
    reply = { status: 429, headers: { 'Retry-After': '42' } };
    const adapter = createFetchAdapter({ baseUrl });
    expect(await errorOf(adapter.sendEmailCode({ signal: signal() }))).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 42,
    });
  });

  it('maps 429 to rate_limited with Retry-After as an HTTP date', async () => {
    const retryAt = new Date(Date.now() + 120_000).toUTCString();
    reply = { status: 429, headers: { 'Retry-After': retryAt } };
    const adapter = createFetchAdapter({ baseUrl });
    const error = await errorOf(adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' }));
    expect(error.code).toBe('rate_limited');
    // toUTCString drops milliseconds, and the request takes a moment.
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(115);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it('prefers the body retryAfterSeconds over Retry-After, and tolerates a 429 with neither', async () => {
    const adapter = createFetchAdapter({ baseUrl });
    reply = { status: 429, headers: { 'Retry-After': '42' }, body: { error: { code: 'rate_limited', retryAfterSeconds: 7 } } };
    expect((await errorOf(adapter.sendEmailCode({ signal: signal() }))).retryAfterSeconds).toBe(7);
    reply = { status: 429 };
    const bare = await errorOf(adapter.sendEmailCode({ signal: signal() }));
    expect(bare.code).toBe('rate_limited');
    expect(bare.retryAfterSeconds).toBeUndefined();
  });

  it('maps 500 to unknown and 503 to network (with its Retry-After)', async () => {
    const adapter = createFetchAdapter({ baseUrl });
    reply = { status: 500, body: { error: { message: 'boom' } } };
    expect((await errorOf(adapter.getTwoFactorStatus({ signal: signal() }))).code).toBe('unknown');
    reply = { status: 503, headers: { 'Retry-After': '5' }, rawBody: '<html>maintenance</html>' };
    expect(await errorOf(adapter.getTwoFactorStatus({ signal: signal() }))).toMatchObject({
      code: 'network',
      retryAfterSeconds: 5,
    });
  });

  it('maps a non-JSON error body by status alone', async () => {
    reply = { status: 429, rawBody: '<html><body>Too many</body></html>', headers: { 'Content-Type': 'text/html', 'Retry-After': '9' } };
    const adapter = createFetchAdapter({ baseUrl });
    expect(await errorOf(adapter.sendEmailCode({ signal: signal() }))).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 9,
    });
  });
});

describe('createFetchAdapter: malformed success bodies', () => {
  it('fails with unknown when verify succeeds without a recovery code, without copying the body into the error', async () => {
    reply = { status: 200, body: { recovery: 'ABCD-EFGH-JKMN-PQRS' } };
    const adapter = createFetchAdapter({ baseUrl });
    const error = await errorOf(adapter.verifyPhoneCode({ signal: signal(), replacesCurrent: false, phoneNumber: '+14155550199', code: '123456' }));
    expect(error.code).toBe('unknown');
    expect(error.message).not.toContain('ABCD');
  });

  it('fails with unknown on a 200 HTML page (a wrong baseUrl served by an SPA fallback)', async () => {
    reply = { status: 200, rawBody: '<!doctype html><title>App</title>', headers: { 'Content-Type': 'text/html' } };
    const adapter = createFetchAdapter({ baseUrl });
    expect((await errorOf(adapter.verifyEmailCode({ signal: signal(), code: '123456' }))).code).toBe('unknown');
    expect((await errorOf(adapter.sendEmailCode({ signal: signal() }))).code).toBe('unknown');
  });

  it('fails with unknown on a status without canDisable, or with a wrongly typed hint', async () => {
    const adapter = createFetchAdapter({ baseUrl });
    reply = { status: 200, body: { phone: null } };
    expect((await errorOf(adapter.getTwoFactorStatus({ signal: signal() }))).code).toBe('unknown');
    reply = { status: 200, body: { phone: '+14155550123', canDisable: false } };
    expect((await errorOf(adapter.getTwoFactorStatus({ signal: signal() }))).code).toBe('unknown');
    reply = { status: 200, body: { resendAfterSeconds: 'soon' } };
    const send = await errorOf(adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' }));
    expect(send.code).toBe('unknown');
  });
});

describe('createFetchAdapter: code hints', () => {
  it('drops hints sent as null and fields it does not know', async () => {
    reply = { status: 200, body: { resendAfterSeconds: null, codeLength: 6, debug: 'x' } };
    const adapter = createFetchAdapter({ baseUrl });
    const result = await adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' });
    expect(result).toEqual({ codeLength: 6 });
  });

  it('fails with unknown on a codeLength outside the documented 1–64', async () => {
    const adapter = createFetchAdapter({ baseUrl });
    reply = { status: 200, body: { maskedEmail: 'j•••@example.com', codeLength: 65 } };
    expect((await errorOf(adapter.sendEmailCode({ signal: signal() }))).code).toBe('unknown');
    reply = { status: 200, body: { codeLength: 0 } };
    const send = await errorOf(adapter.sendPhoneCode({ signal: signal(), phoneNumber: '+14155550199', channel: 'sms' }));
    expect(send.code).toBe('unknown');
    reply = { status: 200, body: { maskedEmail: 'j•••@example.com', codeLength: 64 } };
    expect(await adapter.sendEmailCode({ signal: signal() })).toEqual({ maskedEmail: 'j•••@example.com', codeLength: 64 });
  });

  it('fails with unknown on a blank masked email', async () => {
    reply = { status: 200, body: { maskedEmail: '  ' } };
    const adapter = createFetchAdapter({ baseUrl });
    expect((await errorOf(adapter.sendEmailCode({ signal: signal() }))).code).toBe('unknown');
  });
});

describe('createFetchAdapter: redirects', () => {
  it('does not follow a redirect to another origin: the code goes nowhere else, and it fails with unknown', async () => {
    const elsewhere: string[] = [];
    const other = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        elsewhere.push(`${req.method ?? ''} ${req.url ?? ''} ${body}`);
        res.writeHead(204);
        res.end();
      });
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = other.address() as AddressInfo;
      // localhost and 127.0.0.1 are different origins.
      reply = { status: 307, headers: { Location: `http://localhost:${port}/collect` } };
      const adapter = createFetchAdapter({ baseUrl });
      const error = await errorOf(adapter.verifyEmailCode({ code: '482913', signal: signal() }));
      expect(error.code).toBe('unknown');
      expect(error.message).toMatch(/redirect/);
      expect(error.message).not.toContain('482913');
      expect(received).toHaveLength(1);
      expect(elsewhere).toEqual([]);
    } finally {
      other.closeAllConnections();
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it('asks fetch not to follow redirects, and fails with unknown on the opaque answer a browser gives then', async () => {
    const inits: RequestInit[] = [];
    // What a browser's fetch resolves with for `redirect: 'manual'` when the server redirects.
    const browserLikeFetch: typeof fetch = (_input, init) => {
      inits.push(init ?? {});
      return Promise.resolve({ type: 'opaqueredirect', status: 0, headers: new Headers(), text: () => Promise.resolve('') } as Response);
    };
    const adapter = createFetchAdapter({ baseUrl, fetch: browserLikeFetch });
    const error = await errorOf(adapter.verifyPhoneCode({ replacesCurrent: false, phoneNumber: '+14155550123', code: '482913', signal: signal() }));
    expect(error.code).toBe('unknown');
    expect(inits.map((init) => init.redirect)).toEqual(['manual']);
  });
});

describe('createFetchAdapter: transport failures and aborts', () => {
  it('fails with network when nothing listens on the port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const adapter = createFetchAdapter({ baseUrl: `http://127.0.0.1:${port}/api/2fa` });
    const error = await errorOf(adapter.getTwoFactorStatus({ signal: signal() }));
    expect(error.code).toBe('network');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('fails with network when the server does not answer within timeoutMs', async () => {
    reply = { hang: true };
    const adapter = createFetchAdapter({ baseUrl, timeoutMs: 150 });
    const startedAt = Date.now();
    const error = await errorOf(adapter.getTwoFactorStatus({ signal: signal() }));
    expect(error.code).toBe('network');
    expect(error.message).toContain('150 ms');
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(received).toHaveLength(1);
  });

  it('rethrows the AbortError when the caller aborts a request in flight', async () => {
    reply = { hang: true };
    const adapter = createFetchAdapter({ baseUrl, timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = rejectionOf(adapter.verifyEmailCode({ signal: controller.signal, code: '123456' }));
    // Abort once the server has the request, so the abort happens mid-flight.
    while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const thrown = await pending;
    expect(thrown).not.toBeInstanceOf(TwoFactorError);
    expect((thrown as Error).name).toBe('AbortError');
  });

  it('rejects with an AbortError and sends nothing when the signal is already aborted', async () => {
    const adapter = createFetchAdapter({ baseUrl });
    const controller = new AbortController();
    controller.abort();
    const thrown = await rejectionOf(adapter.resetPhone({ signal: controller.signal }));
    expect((thrown as Error).name).toBe('AbortError');
    expect(received).toEqual([]);
  });

  it('refuses to be created without a baseUrl', () => {
    expect(() => createFetchAdapter({ baseUrl: '' })).toThrow(TypeError);
  });
});
