import { createTwoFactorApp } from '../src/app';
import type { TwoFactorAppOptions, TwoFactorEmail } from '../src/context';
import type { Database } from '../src/db/connection';
import { createDevInbox } from '../src/providers/dev-inbox';
import type { DevInbox } from '../src/providers/dev-inbox';
import { createFakeProvider } from '../src/providers/fake';
import type { FakeProviderOptions } from '../src/providers/fake';
import type { VerificationProvider } from '../src/providers/provider';
import { listen } from '../src/node';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

/** A clock the test moves by hand. */
export function createTestClock(start = Date.UTC(2026, 0, 1, 12)) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}

export interface TestServer {
  url: string;
  clock: ReturnType<typeof createTestClock>;
  inbox: DevInbox;
  emails: TwoFactorEmail[];
  close(): Promise<void>;
}

export interface TestServerOptions extends Partial<Omit<TwoFactorAppOptions, 'db'>> {
  failures?: FakeProviderOptions['failures'];
  /** The fake provider's own check limit (a large one leaves only the server's limit). */
  providerMaxChecks?: number;
  /** Wraps the fake provider (tests that hold checks back). */
  wrapProvider?: (provider: VerificationProvider) => VerificationProvider;
  /** Where the clock starts (ms); by default each server starts two hours after the last one. */
  clockStart?: number;
}

// Each server's clock starts in its own rate-limit windows, so the tests sharing one database do not
// count against each other's per-number and per-IP limits.
let nextClockStart = Date.UTC(2026, 0, 1, 12);

/**
 * The app over the fake provider, served on 127.0.0.1. Tests name the user with `x-test-user`
 * (with `x-test-can-disable: true` and `x-test-session`), and the client IP with `x-test-ip`.
 */
export async function startTestServer(db: Database, options: TestServerOptions = {}): Promise<TestServer> {
  const clock = createTestClock(options.clockStart ?? (nextClockStart += 2 * 3600 * 1000));
  const inbox = createDevInbox(500);
  const emails: TwoFactorEmail[] = [];
  const { failures, providerMaxChecks, wrapProvider, clockStart: _clockStart, ...appOptions } = options;
  const fake = createFakeProvider({ db, secret: TEST_SECRET, inbox, clock: clock.now, failures, maxChecks: providerMaxChecks });
  const app = createTwoFactorApp({
    db,
    provider: wrapProvider ? wrapProvider(fake) : fake,
    getUser: (request) => {
      const id = request.headers.get('x-test-user');
      const sessionId = request.headers.get('x-test-session') ?? undefined;
      return id ? { id, email: `${id}@example.com`, canDisable: request.headers.get('x-test-can-disable') === 'true', sessionId } : null;
    },
    sendEmail: (message) => {
      emails.push(message);
      if (message.kind === 'step-up-code') inbox.add({ channel: 'email', to: message.to, code: message.code, text: 'step-up code' });
    },
    clock: clock.now,
    secret: TEST_SECRET,
    getClientIp: (c) => c.req.header('x-test-ip') ?? '127.0.0.1',
    environment: 'test',
    ...appOptions,
  });
  const server = await listen(app);
  return { url: server.url, clock, inbox, emails, close: server.close };
}

/** Every field any answer of the API may carry; a test reads the ones its route documents. */
export interface AnswerBody {
  error: { code: string; message?: string; retryAfterSeconds?: number; attemptsRemaining?: number };
  recoveryCode: string;
  maskedEmail: string;
  resendAfterSeconds: number;
  codeLength: number;
  phone: { maskedNumber: string } | null;
  canDisable: boolean;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: AnswerBody;
}

/** A signed-in client for one test user. */
export function clientFor(server: Pick<TestServer, 'url'>, user: string, extraHeaders: Record<string, string> = {}) {
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(server.url + path, {
      method,
      headers: {
        'x-test-user': user,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...extraHeaders,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text === '' ? undefined : JSON.parse(text)) as AnswerBody };
  }
  return {
    call,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}, headers?: Record<string, string>) => call('POST', path, body, headers),
    del: (path: string, headers?: Record<string, string>) => call('DELETE', path, undefined, headers),
  };
}

export type Client = ReturnType<typeof clientFor>;

/** The latest code the inbox holds for `to` on `channel`. */
export function latestCode(inbox: DevInbox, channel: 'email' | 'sms' | 'call', to: string): string {
  const message = inbox.list().find((m) => m.channel === channel && m.to === to);
  if (!message) throw new Error(`no ${channel} message for ${to}`);
  return message.code;
}

/** Sends and verifies the email step-up code. */
export async function stepUp(server: TestServer, client: Client, user: string): Promise<void> {
  const sent = await client.post('/email-code');
  if (sent.status !== 200) throw new Error(`email-code answered ${sent.status}`);
  const verified = await client.post('/email-code/verify', { code: latestCode(server.inbox, 'email', `${user}@example.com`) });
  if (verified.status !== 204) throw new Error(`email-code/verify answered ${verified.status}`);
}

/** Gives the user a verified phone through the API (step-up, send, verify), then steps up again unless told not to. */
export async function addPhone(
  server: TestServer,
  client: Client,
  user: string,
  phoneNumber: string,
  replacesCurrent = false,
  options: { stepUpAfter?: boolean } = {},
) {
  await stepUp(server, client, user);
  const sent = await client.post('/phone/code', { phoneNumber, channel: 'sms' });
  if (sent.status !== 200) throw new Error(`phone/code answered ${sent.status}`);
  const verified = await client.post('/phone/verify', { phoneNumber, code: latestCode(server.inbox, 'sms', phoneNumber), replacesCurrent });
  if (verified.status !== 200) throw new Error(`phone/verify answered ${verified.status}`);
  if (options.stepUpAfter !== false) {
    // The swap narrowed the grant to finishing: a further change needs a new email code (after the cooldown).
    server.clock.advance(31);
    await stepUp(server, client, user);
  }
  return verified.body.recoveryCode as string;
}

let counter = 0;
/** A user id no other test uses. */
export function newUser(): string {
  counter += 1;
  return `user-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
