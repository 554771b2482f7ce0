import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../src/db/connection';
import { emailCodes, fakeVerifications, pendingChanges, phoneFactors, stepUpGrants, recoveryCodes, recoveryReplays, securityEvents } from '../src/db/schema';
import { createDevInbox } from '../src/providers/dev-inbox';
import { ProviderError } from '../src/providers/provider';
import { consumeRecoveryCode } from '../src/security/recovery-codes';
import { TEST_SECRET, addPhone, clientFor, latestCode, newUser, startTestServer, stepUp } from './helpers';
import type { TestServer, TestServerOptions } from './helpers';

const PHONE_A = '+14155550123';
const PHONE_B = '+14155550199';
const PHONE_C = '+442071838750';

export interface SuiteDatabase {
  db: Database;
  /** Closes the connection and opens the same database again (a restart). */
  reopen(): Promise<Database>;
  close(): Promise<void>;
}

/** The REST contract, over real HTTP on 127.0.0.1, against one database engine. */
export function defineContractSuite(open: () => Promise<SuiteDatabase>): void {
  let database: SuiteDatabase;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    database = await open();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  afterAll(async () => {
    await database?.close();
  });

  async function serve(options: TestServerOptions = {}): Promise<TestServer> {
    const server = await startTestServer(database.db, options);
    servers.push(server);
    return server;
  }

  async function activePhones(userId: string) {
    return database.db
      .select({ phoneNumber: phoneFactors.phoneNumber })
      .from(phoneFactors)
      .where(and(eq(phoneFactors.userId, userId), isNull(phoneFactors.retiredAt)));
  }

  async function activeRecoveryCodes(userId: string) {
    return database.db.select().from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.revokedAt)));
  }

  async function events(userId: string, type: string) {
    const rows = await database.db.select().from(securityEvents).where(eq(securityEvents.userId, userId));
    return rows.filter((row) => row.type === type);
  }

  describe('authentication and CSRF', () => {
    it('answers 401 to a request without a signed-in user', async () => {
      const server = await serve();
      const response = await fetch(`${server.url}/status`);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'unknown', message: 'not signed in' } });
    });

    it('refuses a POST that is not application/json (an HTML form cannot forge the API)', async () => {
      const server = await serve();
      const answer = await clientFor(server, newUser()).call('POST', '/email-code', 'code=1', { 'Content-Type': 'text/plain' });
      expect(answer.status).toBe(415);
      expect(answer.body.error.code).toBe('unknown');
    });

    it('refuses a state-changing request from another origin, and accepts its own and allowed ones', async () => {
      const server = await serve({ csrf: { allowedOrigins: ['https://app.example.com'] } });
      const user = newUser();
      const client = clientFor(server, user);
      const foreign = await client.post('/email-code', {}, { Origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.code).toBe('unknown');
      const crossSite = await client.del('/phone', { 'Sec-Fetch-Site': 'cross-site' });
      expect(crossSite.status).toBe(403);
      const own = await client.post('/email-code', {}, { Origin: server.url });
      expect(own.status).toBe(200);
      server.clock.advance(31);
      const allowed = await client.post('/email-code', {}, { Origin: 'https://app.example.com' });
      expect(allowed.status).toBe(200);
    });

    it('serves the dev inbox only in development, and only to a signed-in user', async () => {
      const inbox = createDevInbox();
      inbox.add({ channel: 'sms', to: PHONE_A, code: '123456', text: '' });
      const development = await serve({ devInbox: inbox, environment: 'development' });
      const anonymous = await fetch(`${development.url}/dev/inbox`);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.text()).not.toContain('123456');
      const shown = await clientFor(development, newUser()).get('/dev/inbox');
      expect(shown.status).toBe(200);
      expect((shown.body as unknown as { messages: unknown[] }).messages).toHaveLength(1);
      const production = await serve({ devInbox: inbox, environment: 'production' });
      const hidden = await clientFor(production, newUser()).get('/dev/inbox');
      expect(hidden.status).toBe(404);
      expect(JSON.stringify(hidden.body)).not.toContain('123456');
    });

    it('refuses a body over 16 KB with 413 unknown before reading it, signed in or not', async () => {
      const server = await serve();
      const big = JSON.stringify({ code: '1'.repeat(20_000) });
      const signedIn = await clientFor(server, newUser()).call('POST', '/email-code/verify', big, { 'Content-Type': 'application/json' });
      expect(signedIn.status).toBe(413);
      expect(signedIn.body).toEqual({ error: { code: 'unknown', message: 'request body too large' } });
      expect(signedIn.headers.get('cache-control')).toBe('no-store');
      const anonymous = await fetch(`${server.url}/email-code`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: big });
      expect(anonymous.status).toBe(413);
      // A body of ordinary size still gets through to validation.
      const small = await clientFor(server, newUser()).post('/email-code/verify', { code: 'abc' });
      expect(small.status).toBe(422);
    });

    it('requires a secret of at least 32 bytes outside development and test', async () => {
      const { createTwoFactorApp } = await import('../src/app');
      const { createFakeProvider } = await import('../src/providers/fake');
      const base = {
        db: database.db,
        provider: createFakeProvider({ db: database.db, secret: TEST_SECRET }),
        getUser: () => null,
        sendEmail: () => undefined,
        getClientIp: () => '127.0.0.1',
      };
      for (const environment of ['production', 'staging']) {
        expect(() => createTwoFactorApp({ ...base, environment })).toThrow(/secret/);
        expect(() => createTwoFactorApp({ ...base, environment, secret: 'short' })).toThrow(/secret/);
        expect(() => createTwoFactorApp({ ...base, environment, secret: new Uint8Array(16) })).toThrow(/secret/);
        expect(() => createTwoFactorApp({ ...base, environment, secret: TEST_SECRET })).not.toThrow();
      }
      for (const environment of ['development', 'test']) expect(() => createTwoFactorApp({ ...base, environment })).not.toThrow();
    });

    it('answers malformed JSON and unknown fields with 400 unknown, never a stack', async () => {
      const server = await serve();
      const client = clientFor(server, newUser());
      const broken = await client.call('POST', '/email-code', '{"code":', { 'Content-Type': 'application/json' });
      expect(broken.status).toBe(400);
      expect(broken.body).toEqual({ error: { code: 'unknown', message: 'malformed request body' } });
      const extra = await client.post('/email-code', { admin: true });
      expect(extra.status).toBe(400);
      expect(extra.body.error.code).toBe('unknown');
    });

    it('answers an unknown route with 404 and the error body, and every answer with Cache-Control: no-store', async () => {
      const server = await serve();
      const answer = await clientFor(server, newUser()).get('/nope');
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('unknown');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('email step-up', () => {
    it('emails a code and answers the masked email, the cooldown and the length', async () => {
      const server = await serve();
      const user = newUser();
      const answer = await clientFor(server, user).post('/email-code');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ maskedEmail: 'u•••@example.com', resendAfterSeconds: 30, codeLength: 6 });
      expect(latestCode(server.inbox, 'email', `${user}@example.com`)).toMatch(/^\d{6}$/);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    });

    it('refuses a resend within the cooldown with 429 and Retry-After, then accepts it', async () => {
      const server = await serve();
      const client = clientFor(server, newUser());
      await client.post('/email-code');
      server.clock.advance(10);
      const early = await client.post('/email-code');
      expect(early.status).toBe(429);
      expect(early.body.error).toEqual({ code: 'rate_limited', message: 'resend cooldown', retryAfterSeconds: 20 });
      expect(early.headers.get('retry-after')).toBe('20');
      server.clock.advance(20);
      expect((await client.post('/email-code')).status).toBe(200);
    });

    it('caps step-up emails per user with Retry-After at the end of the window', async () => {
      const server = await serve({ limits: { emailsPerUser: { max: 2, windowSeconds: 3600 }, emailCooldownSeconds: 0 } });
      const client = clientFor(server, newUser());
      expect((await client.post('/email-code')).status).toBe(200);
      expect((await client.post('/email-code')).status).toBe(200);
      const third = await client.post('/email-code');
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe('rate_limited');
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(third.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
    });

    it('counts wrong codes down, then burns the code and records a lockout', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      await client.post('/email-code');
      const right = latestCode(server.inbox, 'email', `${user}@example.com`);
      const wrong = right === '000000' ? '111111' : '000000';
      for (const remaining of [4, 3, 2, 1]) {
        const answer = await client.post('/email-code/verify', { code: wrong });
        expect(answer.status).toBe(422);
        expect(answer.body.error).toEqual({ code: 'invalid_code', attemptsRemaining: remaining });
      }
      const last = await client.post('/email-code/verify', { code: wrong });
      expect(last.status).toBe(423);
      expect(last.body.error.code).toBe('too_many_attempts');
      const afterwards = await client.post('/email-code/verify', { code: right });
      expect(afterwards.status).toBe(409);
      expect(afterwards.body.error.code).toBe('expired_code');
      expect(await events(user, 'lockout')).toHaveLength(1);
    });

    it('holds the email code attempt limit under a burst of parallel guesses with the right code among them', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      await client.post('/email-code');
      const right = latestCode(server.inbox, 'email', `${user}@example.com`);
      const wrong = Array.from({ length: 100 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'));
      // The wrong guesses go out first, the right code last: only the first five may be compared.
      const answers = await Promise.all([...wrong, right].map((code) => client.post('/email-code/verify', { code })));
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 204)).toEqual([]);
      expect(statuses.filter((status) => status === 422).length).toBeLessThanOrEqual(4);
      for (const status of statuses) expect([409, 422, 423]).toContain(status);
      const after = await client.post('/email-code/verify', { code: right });
      expect(after.status).toBe(409);
      expect((await client.get('/status')).status).toBe(403);
      expect(await events(user, 'lockout')).toHaveLength(1);
    });

    it('refuses an expired code with 410 expired_code and a code that is not digits with 422 invalid_code', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      await client.post('/email-code');
      const malformed = await client.post('/email-code/verify', { code: 'abc' });
      expect(malformed.status).toBe(422);
      expect(malformed.body.error.code).toBe('invalid_code');
      server.clock.advance(601);
      const expired = await client.post('/email-code/verify', { code: latestCode(server.inbox, 'email', `${user}@example.com`) });
      expect(expired.status).toBe(410);
      expect(expired.body.error.code).toBe('expired_code');
    });

    it('keeps every route after the gate closed (403) until the code verifies, and again after the window', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      const closed = [
        await client.get('/status'),
        await client.del('/phone'),
        await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' }),
        await client.post('/phone/verify', { phoneNumber: PHONE_A, code: '123456', replacesCurrent: false }),
        await client.post('/phone/recovery-code/acknowledge'),
        await client.del('/two-factor'),
      ];
      for (const answer of closed) {
        expect(answer.status).toBe(403);
        expect(answer.body.error.code).toBe('reverification_required');
      }
      await stepUp(server, client, user);
      expect((await client.get('/status')).body).toEqual({ phone: null, canDisable: false });
      server.clock.advance(599);
      expect((await client.get('/status')).status).toBe(200);
      server.clock.advance(2);
      const stale = await client.get('/status');
      expect(stale.status).toBe(403);
      expect(stale.body.error.code).toBe('reverification_required');
    });
  });

  describe('step-up per session', () => {
    it('opens the routes only for the session that verified the email code', async () => {
      const server = await serve();
      const user = newUser();
      const mine = clientFor(server, user, { 'x-test-session': 'session-mine' });
      const stolen = clientFor(server, user, { 'x-test-session': 'session-stolen' });
      await mine.post('/email-code');
      const code = latestCode(server.inbox, 'email', `${user}@example.com`);
      // The code emailed for one session does not verify in another.
      const elsewhere = await stolen.post('/email-code/verify', { code });
      expect(elsewhere.status).toBe(409);
      expect(elsewhere.body.error.code).toBe('expired_code');
      expect((await mine.post('/email-code/verify', { code })).status).toBe(204);
      expect((await mine.get('/status')).status).toBe(200);
      // The user's own step-up opens nothing for the other session.
      for (const answer of [
        await stolen.get('/status'),
        await stolen.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' }),
        await stolen.del('/two-factor'),
      ]) {
        expect(answer.status).toBe(403);
        expect(answer.body.error.code).toBe('reverification_required');
      }
      // A second session's own email code does not supersede the first one's.
      server.clock.advance(31);
      await stolen.post('/email-code');
      server.clock.advance(31);
      await mine.post('/email-code');
      const mineCode = latestCode(server.inbox, 'email', `${user}@example.com`);
      const stolenCode = server.inbox.list().filter((m) => m.channel === 'email' && m.to === `${user}@example.com`)[1]!.code;
      expect((await stolen.post('/email-code/verify', { code: stolenCode })).status).toBe(204);
      expect((await mine.post('/email-code/verify', { code: mineCode })).status).toBe(204);
    });

    it('ends the grant after a swap (other sessions lose theirs; this one may only finish) and after a disable (status only)', async () => {
      const server = await serve();
      const user = newUser();
      const mine = clientFor(server, user, { 'x-test-session': 'session-a' });
      const other = clientFor(server, user, { 'x-test-session': 'session-b' });
      await stepUp(server, other, user);
      server.clock.advance(31);
      await addPhone(server, mine, user, PHONE_A, false, { stepUpAfter: false });
      expect((await other.get('/status')).status).toBe(403);
      // This session may repeat the verify whose answer was lost, and acknowledge.
      const again = await mine.post('/phone/verify', { phoneNumber: PHONE_A, code: latestCode(server.inbox, 'sms', PHONE_A), replacesCurrent: false });
      expect(again.status).toBe(200);
      expect((await mine.post('/phone/recovery-code/acknowledge')).status).toBe(204);
      // But not start another change without a new email code.
      for (const answer of [
        await mine.get('/status'),
        await mine.post('/phone/code', { phoneNumber: PHONE_B, channel: 'sms' }),
        await mine.del('/phone'),
        await mine.del('/two-factor'),
      ]) {
        expect(answer.status).toBe(403);
        expect(answer.body.error.code).toBe('reverification_required');
      }

      const trial = clientFor(server, user, { 'x-test-session': 'session-a', 'x-test-can-disable': 'true' });
      server.clock.advance(31);
      await stepUp(server, trial, user);
      expect((await trial.del('/two-factor')).status).toBe(204);
      expect((await trial.get('/status')).body).toEqual({ phone: null, canDisable: true });
      const after = await trial.post('/phone/code', { phoneNumber: PHONE_B, channel: 'sms' });
      expect(after.status).toBe(403);
      expect(after.body.error.code).toBe('reverification_required');
    });

    it('stores a keyed hash of the session id, never the id itself', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user, { 'x-test-session': 'bearer-token-value-123' });
      await stepUp(server, client, user);
      const grants = await database.db.select().from(stepUpGrants).where(eq(stepUpGrants.userId, user));
      const codes = await database.db.select().from(emailCodes).where(eq(emailCodes.userId, user));
      expect(grants).toHaveLength(1);
      expect(JSON.stringify([grants, codes])).not.toContain('bearer-token-value-123');
      expect(grants[0]!.sessionKey).not.toBe('');
      expect(codes[0]!.sessionKey).toBe(grants[0]!.sessionKey);
    });
  });

  describe('adding and changing the phone', () => {
    it('adds a first phone: send, verify, status shows it masked, the recovery code is stored only as a scrypt hash', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      const sent = await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual({ resendAfterSeconds: 30, codeLength: 6 });
      expect(await activePhones(user)).toEqual([]);
      const code = latestCode(server.inbox, 'sms', PHONE_A);
      const verified = await client.post('/phone/verify', { phoneNumber: PHONE_A, code, replacesCurrent: false });
      expect(verified.status).toBe(200);
      expect(verified.body.recoveryCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
      // The swap ended the step-up: reading the settings again starts at the email gate.
      expect((await client.get('/status')).status).toBe(403);
      server.clock.advance(31);
      await stepUp(server, client, user);
      expect((await client.get('/status')).body).toEqual({ phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: false });

      const stored = await activeRecoveryCodes(user);
      expect(stored).toHaveLength(1);
      expect(stored[0]!.codeHash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(stored[0]!.codeHash).not.toContain(verified.body.recoveryCode.replace(/-/g, ''));
      const [verification] = await database.db.select().from(fakeVerifications).where(eq(fakeVerifications.to, PHONE_A)).limit(1);
      expect(verification!.codeHash).not.toContain(code);
      const [replay] = await database.db.select().from(recoveryReplays).where(eq(recoveryReplays.userId, user));
      expect(JSON.stringify(replay)).not.toContain(verified.body.recoveryCode);
      expect(await events(user, 'factor_added')).toMatchObject([{ maskedNumber: '+1 ••• ••• 0123' }]);
      expect(server.emails.filter((e) => e.kind === 'phone-changed')).toHaveLength(1);
      // The hash is a working one: the host's sign-in fallback accepts the code once.
      expect(await consumeRecoveryCode(database.db, user, verified.body.recoveryCode.toLowerCase(), server.clock.now())).toBe(true);
      expect(await consumeRecoveryCode(database.db, user, verified.body.recoveryCode, server.clock.now())).toBe(false);
    });

    it('answers a repeated verify with the same recovery code until acknowledged (a lost answer)', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      const body = { phoneNumber: PHONE_A, code: latestCode(server.inbox, 'sms', PHONE_A), replacesCurrent: false };
      const first = await client.post('/phone/verify', body);
      const again = await client.post('/phone/verify', body);
      expect(again.status).toBe(200);
      expect(again.body.recoveryCode).toBe(first.body.recoveryCode);
      expect(await activeRecoveryCodes(user)).toHaveLength(1);
      // After the swap the grant only finishes it: another code is not checked at all.
      const wrongCode = await client.post('/phone/verify', { ...body, code: body.code === '000000' ? '111111' : '000000' });
      expect(wrongCode.status).toBe(403);
      expect(wrongCode.body.error.code).toBe('reverification_required');
      expect((await client.post('/phone/recovery-code/acknowledge')).status).toBe(204);
      expect((await client.post('/phone/verify', body)).status).toBe(403);
      server.clock.advance(31);
      await stepUp(server, client, user);
      const afterAck = await client.post('/phone/verify', body);
      expect(afterAck.status).toBe(409);
      expect(afterAck.body.error.code).toBe('expired_code');
    });

    it('forgets the replay copy after five wrong codes, so it cannot be guessed (also in parallel)', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      const right = latestCode(server.inbox, 'sms', PHONE_A);
      const body = { phoneNumber: PHONE_A, code: right, replacesCurrent: false };
      const first = await client.post('/phone/verify', body);
      expect(first.status).toBe(200);
      // Repeats of the right code do not use up the tries.
      for (let i = 0; i < 6; i += 1) expect((await client.post('/phone/verify', body)).body.recoveryCode).toBe(first.body.recoveryCode);
      // Another number is not a guess at this copy.
      expect((await client.post('/phone/verify', { ...body, phoneNumber: PHONE_B })).status).toBe(403);
      expect((await client.post('/phone/verify', body)).status).toBe(200);
      // A fresh step-up (the swap narrowed the grant) does not reset the count either.
      server.clock.advance(31);
      await stepUp(server, client, user);
      const wrong = Array.from({ length: 40 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'));
      const guesses = await Promise.all(wrong.map((code) => client.post('/phone/verify', { ...body, code })));
      for (const guess of guesses) expect(guess.status).toBe(409);
      const after = await client.post('/phone/verify', body);
      expect(after.status).toBe(409);
      expect(after.body.error.code).toBe('expired_code');
      expect(await database.db.select().from(recoveryReplays).where(eq(recoveryReplays.userId, user))).toEqual([]);
      // The swap itself stands.
      expect(await activePhones(user)).toEqual([{ phoneNumber: PHONE_A }]);
    });

    it('forgets the replay copy after 15 minutes', async () => {
      const server = await serve({ stepUpTtlSeconds: 3600 });
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      const body = { phoneNumber: PHONE_A, code: latestCode(server.inbox, 'sms', PHONE_A), replacesCurrent: false };
      expect((await client.post('/phone/verify', body)).status).toBe(200);
      server.clock.advance(15 * 60 + 1);
      await stepUp(server, client, user);
      const late = await client.post('/phone/verify', body);
      expect(late.status).toBe(409);
      expect(await database.db.select().from(recoveryReplays).where(eq(recoveryReplays.userId, user))).toEqual([]);
    });

    it('swaps the phone on verify with replacesCurrent, revoking the old recovery code, in one step', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      const oldRecovery = await addPhone(server, client, user, PHONE_A);
      server.clock.advance(31);
      await client.post('/phone/code', { phoneNumber: PHONE_B, channel: 'sms' });
      expect(await activePhones(user)).toEqual([{ phoneNumber: PHONE_A }]);
      const code = latestCode(server.inbox, 'sms', PHONE_B);

      const silent = await client.post('/phone/verify', { phoneNumber: PHONE_B, code, replacesCurrent: false });
      expect(silent.status).toBe(409);
      expect(silent.body.error.code).toBe('unknown');
      expect(await activePhones(user)).toEqual([{ phoneNumber: PHONE_A }]);

      const swapped = await client.post('/phone/verify', { phoneNumber: PHONE_B, code, replacesCurrent: true });
      expect(swapped.status).toBe(200);
      expect(swapped.body.recoveryCode).not.toBe(oldRecovery);
      expect(await activePhones(user)).toEqual([{ phoneNumber: PHONE_B }]);
      expect(await activeRecoveryCodes(user)).toHaveLength(1);
      expect(await consumeRecoveryCode(database.db, user, oldRecovery, server.clock.now())).toBe(false);
      expect(await events(user, 'factor_changed')).toMatchObject([{ maskedNumber: '+1 ••• ••• 0199' }]);
    });

    it('accepts a code only for the number it was sent to, and only the latest code', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      const firstCode = latestCode(server.inbox, 'sms', PHONE_A);
      const otherNumber = await client.post('/phone/verify', { phoneNumber: PHONE_B, code: firstCode, replacesCurrent: false });
      expect(otherNumber.status).toBe(409);
      expect(otherNumber.body.error.code).toBe('expired_code');
      await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'call' });
      const callCode = latestCode(server.inbox, 'call', PHONE_A);
      if (callCode !== firstCode) {
        const superseded = await client.post('/phone/verify', { phoneNumber: PHONE_A, code: firstCode, replacesCurrent: false });
        expect(superseded.status).toBe(422);
        expect(superseded.body.error.code).toBe('invalid_code');
      }
      const ok = await client.post('/phone/verify', { phoneNumber: PHONE_A, code: callCode, replacesCurrent: false });
      expect(ok.status).toBe(200);
    });

    it('counts wrong phone codes down and burns the change on the last one', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      const right = latestCode(server.inbox, 'sms', PHONE_A);
      const wrong = right === '000000' ? '111111' : '000000';
      for (const remaining of [4, 3, 2, 1]) {
        const answer = await client.post('/phone/verify', { phoneNumber: PHONE_A, code: wrong, replacesCurrent: false });
        expect(answer.status).toBe(422);
        expect(answer.body.error).toEqual({ code: 'invalid_code', attemptsRemaining: remaining });
      }
      const burnt = await client.post('/phone/verify', { phoneNumber: PHONE_A, code: wrong, replacesCurrent: false });
      expect(burnt.status).toBe(423);
      expect(burnt.body.error.code).toBe('too_many_attempts');
      const late = await client.post('/phone/verify', { phoneNumber: PHONE_A, code: right, replacesCurrent: false });
      expect(late.status).toBe(409);
      expect(await activePhones(user)).toEqual([]);
      expect(await events(user, 'lockout')).toHaveLength(1);
    });

    it('enforces the phone code attempt limit itself under parallel guesses, even when the provider has none', async () => {
      // The provider (no check limit of its own) holds every check until each of the 100 wrong
      // guesses is either waiting in a check or answered: all of them are in flight together.
      const guesses = 100;
      let holding = true;
      let reached = 0;
      let answered = 0;
      const held: Array<() => void> = [];
      let allIn!: () => void;
      const allInFlight = new Promise<void>((resolve) => (allIn = resolve));
      const settle = () => {
        if (held.length + answered === guesses) allIn();
      };
      const server = await serve({
        providerMaxChecks: 1000,
        wrapProvider: (fake) => ({
          ...fake,
          async check(request) {
            reached += 1;
            if (holding) {
              await new Promise<void>((resolve) => {
                held.push(resolve);
                settle();
              });
            }
            return fake.check(request);
          },
        }),
      });
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      const right = latestCode(server.inbox, 'sms', PHONE_A);
      const verify = (code: string) => client.post('/phone/verify', { phoneNumber: PHONE_A, code, replacesCurrent: false });
      const wrong = Array.from({ length: guesses }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'));
      const burst = Promise.all(
        wrong.map(async (code) => {
          const answer = await verify(code);
          answered += 1;
          settle();
          return answer;
        }),
      );
      await allInFlight;
      // Five attempts are taken (their checks still out): the right code gets no sixth.
      holding = false;
      const rightAnswer = await verify(right);
      for (const go of held.splice(0)) go();
      const statuses = (await burst).map((answer) => answer.status);
      expect(reached).toBe(5);
      expect(rightAnswer.status).toBe(409);
      expect(rightAnswer.body.error.code).toBe('expired_code');
      // The five checks finish in any order: the fifth attempt burns the change (423); one that
      // finishes after that finds the verification cancelled (409) instead of wrong (422).
      expect(statuses.filter((status) => status === 423)).toHaveLength(1);
      expect(statuses.filter((status) => status === 422).length).toBeLessThanOrEqual(4);
      expect(statuses.filter((status) => status === 409).length).toBeGreaterThanOrEqual(guesses - 5);
      for (const status of statuses) expect([409, 422, 423]).toContain(status);
      const late = await verify(right);
      expect(late.status).toBe(409);
      expect(await activePhones(user)).toEqual([]);
      expect(await events(user, 'lockout')).toHaveLength(1);
    });

    it('refuses an expired phone code with 410', async () => {
      const server = await serve({ stepUpTtlSeconds: 3600 });
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      server.clock.advance(601);
      const answer = await client.post('/phone/verify', { phoneNumber: PHONE_A, code: latestCode(server.inbox, 'sms', PHONE_A), replacesCurrent: false });
      expect(answer.status).toBe(410);
      expect(answer.body.error.code).toBe('expired_code');
    });

    it('refuses invalid and unsupported numbers, and reports an unreachable provider as network', async () => {
      const server = await serve({ failures: { [PHONE_B]: 'unsupported_phone_number', [PHONE_C]: 'network' } });
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      for (const phoneNumber of ['4155550123', '+1415', '+14155550123x', '+11234567890']) {
        const answer = await client.post('/phone/code', { phoneNumber, channel: 'sms' });
        expect(answer.status, phoneNumber).toBe(400);
        expect(answer.body.error.code, phoneNumber).toBe('invalid_phone_number');
      }
      const bad = await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'fax' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('unknown');
      const unsupported = await client.post('/phone/code', { phoneNumber: PHONE_B, channel: 'sms' });
      expect(unsupported.status).toBe(400);
      expect(unsupported.body.error.code).toBe('unsupported_phone_number');
      const down = await client.post('/phone/code', { phoneNumber: PHONE_C, channel: 'sms' });
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe('network');
    });
  });

  describe('send limits against SMS pumping', () => {
    it('enforces the resend cooldown per number and channel with Retry-After', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      expect((await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' })).status).toBe(200);
      server.clock.advance(5);
      const again = await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      expect(again.status).toBe(429);
      expect(again.headers.get('retry-after')).toBe('25');
      expect(again.body.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 25 });
      expect((await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'call' })).status).toBe(200);
      server.clock.advance(25);
      expect((await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' })).status).toBe(200);
    });

    it('caps sends per user, per number (across users) and per IP', async () => {
      const server = await serve({
        stepUpTtlSeconds: 7200,
        limits: {
          resendCooldownSeconds: 0,
          sendsPerUser: { max: 3, windowSeconds: 3600 },
          sendsPerNumber: { max: 4, windowSeconds: 3600 },
          sendsPerIp: { max: 6, windowSeconds: 3600 },
        },
      });
      const numbers = ['+14155550101', '+14155550102', '+14155550103', '+14155550104'];
      const alice = newUser();
      const aliceClient = clientFor(server, alice, { 'x-test-ip': '10.0.0.1' });
      await stepUp(server, aliceClient, alice);
      for (const phoneNumber of numbers.slice(0, 3)) {
        expect((await aliceClient.post('/phone/code', { phoneNumber, channel: 'sms' })).status).toBe(200);
      }
      const perUser = await aliceClient.post('/phone/code', { phoneNumber: numbers[3], channel: 'sms' });
      expect(perUser.status).toBe(429);
      expect(perUser.body.error.code).toBe('rate_limited');
      expect(Number(perUser.headers.get('retry-after'))).toBeGreaterThan(0);

      // One number pumped from several accounts and addresses.
      const target = '+14155550177';
      let refused = null;
      for (let i = 0; i < 5; i += 1) {
        const user = newUser();
        const client = clientFor(server, user, { 'x-test-ip': `10.1.0.${i}` });
        await stepUp(server, client, user);
        const answer = await client.post('/phone/code', { phoneNumber: target, channel: 'sms' });
        if (answer.status !== 200) refused = { i, answer };
      }
      expect(refused?.i).toBe(4);
      expect(refused?.answer.status).toBe(429);
      expect(refused?.answer.headers.get('retry-after')).toMatch(/^\d+$/);

      // Many accounts from one address: email and phone sends both count against it (6 here).
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const user = newUser();
        const client = clientFor(server, user, { 'x-test-ip': '10.2.0.1' });
        await stepUp(server, client, user);
        statuses.push((await client.post('/phone/code', { phoneNumber: `+1415555020${i}`, channel: 'sms' })).status);
      }
      expect(statuses).toEqual([200, 200, 200]);
      const fourth = await clientFor(server, newUser(), { 'x-test-ip': '10.2.0.1' }).post('/email-code');
      expect(fourth.status).toBe(429);
      expect(fourth.body.error.code).toBe('rate_limited');
      expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('per-IP limit when the client IP is unknown', () => {
    it('skips the per-IP limit instead of putting every user in one shared bucket', async () => {
      for (const getClientIp of [() => undefined, () => 'unknown', () => '']) {
        const server = await serve({ getClientIp, limits: { sendsPerIp: { max: 2, windowSeconds: 3600 } } });
        const statuses: number[] = [];
        for (let i = 0; i < 4; i += 1) {
          const user = newUser();
          const client = clientFor(server, user);
          statuses.push((await client.post('/email-code')).status);
          await stepUp(server, client, user).catch(() => undefined);
          server.clock.advance(31);
        }
        expect(statuses).toEqual([200, 200, 200, 200]);
      }
    });

    it('behind a host that gives no socket (a fetch handler), warns once and still serves', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        const { createTwoFactorApp } = await import('../src/app');
        const { createFakeProvider } = await import('../src/providers/fake');
        const { listen } = await import('../src/node');
        const { Hono } = await import('hono');
        const emails: string[] = [];
        const twoFactor = createTwoFactorApp({
          db: database.db,
          provider: createFakeProvider({ db: database.db, secret: TEST_SECRET }),
          getUser: (request) => ({ id: request.headers.get('x-test-user') ?? 'nobody', email: 'fetch-host@example.com' }),
          sendEmail: (message) => void emails.push(message.kind),
          secret: TEST_SECRET,
          environment: 'test',
          limits: { sendsPerIp: { max: 2, windowSeconds: 3600 } },
        });
        // Like a Next.js route handler or Bun.serve: only the Request reaches the app.
        const host = new Hono().all('*', (c) => twoFactor.fetch(c.req.raw));
        const server = await listen(host);
        try {
          const statuses: number[] = [];
          for (let i = 0; i < 4; i += 1) statuses.push((await clientFor(server, newUser()).post('/email-code')).status);
          expect(statuses).toEqual([200, 200, 200, 200]);
          expect(warn).toHaveBeenCalledTimes(1);
          expect(String(warn.mock.calls[0]![0])).toContain('getClientIp');
        } finally {
          await server.close();
        }
      } finally {
        warn.mockRestore();
      }
    });
  });

  describe('abandoning and removing', () => {
    it('leaves the old phone and its recovery code in place when the change is abandoned at any step', async () => {
      const server = await serve({ stepUpTtlSeconds: 7200 });
      const user = newUser();
      const client = clientFor(server, user);
      await addPhone(server, client, user, PHONE_A);
      const before = await activeRecoveryCodes(user);
      const unchanged = async () => {
        expect(await activePhones(user)).toEqual([{ phoneNumber: PHONE_A }]);
        expect((await activeRecoveryCodes(user)).map((row) => row.id)).toEqual(before.map((row) => row.id));
        expect((await client.get('/status')).body.phone).toEqual({ maskedNumber: '+1 ••• ••• 0123' });
      };
      // After the step-up only.
      server.clock.advance(31);
      await stepUp(server, client, user);
      await unchanged();
      // After a code went to the new number.
      await client.post('/phone/code', { phoneNumber: PHONE_B, channel: 'sms' });
      await unchanged();
      // After a wrong code.
      const right = latestCode(server.inbox, 'sms', PHONE_B);
      await client.post('/phone/verify', { phoneNumber: PHONE_B, code: right === '000000' ? '111111' : '000000', replacesCurrent: true });
      await unchanged();
      // After the code expired unused.
      server.clock.advance(601);
      const expired = await client.post('/phone/verify', { phoneNumber: PHONE_B, code: right, replacesCurrent: true });
      expect(expired.status).toBe(410);
      await unchanged();
      // After the change was burnt by wrong codes.
      server.clock.advance(31);
      await client.post('/phone/code', { phoneNumber: PHONE_B, channel: 'sms' });
      for (let i = 0; i < 5; i += 1) await client.post('/phone/verify', { phoneNumber: PHONE_B, code: '999999x'.slice(0, 6), replacesCurrent: true });
      await unchanged();
      expect(await events(user, 'factor_changed')).toEqual([]);
    });

    it('refuses DELETE /phone where 2FA is mandatory (409, like DELETE /two-factor), and allows it where it may be turned off', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      const recovery = await addPhone(server, client, user, PHONE_A);
      const refused = await client.del('/phone');
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('unknown');
      expect(await activePhones(user)).toEqual([{ phoneNumber: PHONE_A }]);
      expect(await activeRecoveryCodes(user)).toHaveLength(1);
      expect(await events(user, 'factor_reset')).toEqual([]);

      const trial = clientFor(server, user, { 'x-test-can-disable': 'true' });
      expect((await trial.del('/phone')).status).toBe(204);
      expect(await activePhones(user)).toEqual([]);
      expect(await consumeRecoveryCode(database.db, user, recovery, server.clock.now())).toBe(false);
    });

    it('removes the phone on DELETE /phone with allowImmediateReset (idempotent), with its pending change and replay copy', async () => {
      const server = await serve({ allowImmediateReset: true });
      const user = newUser();
      const client = clientFor(server, user);
      await addPhone(server, client, user, PHONE_A);
      // The replay copy of the verify that added PHONE_A is still there, and a change to PHONE_B is pending.
      const replayBefore = await database.db.select().from(recoveryReplays).where(eq(recoveryReplays.userId, user));
      expect(replayBefore).toHaveLength(1);
      server.clock.advance(31);
      await client.post('/phone/code', { phoneNumber: PHONE_B, channel: 'sms' });
      const pendingCode = latestCode(server.inbox, 'sms', PHONE_B);
      // A new send drops the replay copy already; put one back to see that DELETE /phone drops it too.
      await database.db.insert(recoveryReplays).values({ ...replayBefore[0]! });

      expect((await client.del('/phone')).status).toBe(204);
      expect((await client.get('/status')).body.phone).toBeNull();
      expect(await activeRecoveryCodes(user)).toEqual([]);
      expect(await database.db.select().from(recoveryReplays).where(eq(recoveryReplays.userId, user))).toEqual([]);
      const [change] = await database.db.select().from(pendingChanges).where(and(eq(pendingChanges.userId, user), eq(pendingChanges.phoneNumber, PHONE_B)));
      expect(change!.status).toBe('cancelled');
      const [verification] = await database.db.select().from(fakeVerifications).where(eq(fakeVerifications.id, change!.providerRef));
      expect(verification!.status).toBe('canceled');
      const stale = await client.post('/phone/verify', { phoneNumber: PHONE_B, code: pendingCode, replacesCurrent: false });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('expired_code');
      expect((await client.del('/phone')).status).toBe(204);
      expect(await events(user, 'factor_reset')).toHaveLength(1);
    });

    it('refuses DELETE /two-factor where 2FA is mandatory, and turns it off where it may', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      await addPhone(server, client, user, PHONE_A);
      const refused = await client.del('/two-factor');
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('unknown');
      expect(await activePhones(user)).toEqual([{ phoneNumber: PHONE_A }]);

      const trial = clientFor(server, user, { 'x-test-can-disable': 'true' });
      expect((await trial.get('/status')).body.canDisable).toBe(true);
      expect((await trial.del('/two-factor')).status).toBe(204);
      expect((await trial.get('/status')).body).toEqual({ phone: null, canDisable: true });
      expect(await activeRecoveryCodes(user)).toEqual([]);
      expect(await events(user, 'two_factor_disabled')).toHaveLength(1);
    });
  });

  describe('concurrency and restarts', () => {
    it('swaps exactly once when 50 verifies of one pending change race', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      await addPhone(server, client, user, PHONE_A);
      server.clock.advance(31);
      await client.post('/phone/code', { phoneNumber: PHONE_B, channel: 'sms' });
      const body = { phoneNumber: PHONE_B, code: latestCode(server.inbox, 'sms', PHONE_B), replacesCurrent: true };
      const answers = await Promise.all(Array.from({ length: 50 }, () => client.post('/phone/verify', body)));
      const ok = answers.filter((answer) => answer.status === 200);
      expect(ok.length).toBeGreaterThanOrEqual(1);
      expect(new Set(ok.map((answer) => answer.body.recoveryCode)).size).toBe(1);
      for (const answer of answers.filter((a) => a.status !== 200)) {
        expect(answer.status).toBe(409);
        expect(answer.body.error.code).toBe('expired_code');
      }
      expect(await activePhones(user)).toEqual([{ phoneNumber: PHONE_B }]);
      expect(await activeRecoveryCodes(user)).toHaveLength(1);
      expect(await events(user, 'factor_changed')).toHaveLength(1);
      expect(await consumeRecoveryCode(database.db, user, ok[0]!.body.recoveryCode, server.clock.now())).toBe(true);
    });

    it('keeps one pending change per user when two sends race, and cancels the replaced verification at the provider', async () => {
      // The provider holds each start until both sends are in it: neither has stored its change yet.
      let starts = 0;
      let bothIn!: () => void;
      const bothStarting = new Promise<void>((resolve) => (bothIn = resolve));
      const cancelled: string[] = [];
      let cancelDone!: () => void;
      const cancelFinished = new Promise<void>((resolve) => (cancelDone = resolve));
      const server = await serve({
        wrapProvider: (fake) => ({
          ...fake,
          async start(request) {
            starts += 1;
            if (starts === 2) bothIn();
            await bothStarting;
            return fake.start(request);
          },
          async cancel(request) {
            await fake.cancel(request);
            cancelled.push(request.ref);
            cancelDone();
          },
        }),
      });
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      const answers = await Promise.all([
        client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' }),
        client.post('/phone/code', { phoneNumber: PHONE_B, channel: 'sms' }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      const changes = await database.db.select().from(pendingChanges).where(eq(pendingChanges.userId, user));
      expect(changes).toHaveLength(2);
      const live = changes.filter((change) => change.status === 'pending');
      const replaced = changes.filter((change) => change.status === 'cancelled');
      expect(live).toHaveLength(1);
      expect(replaced).toHaveLength(1);
      // The replaced verification is cancelled at the provider too (in the background).
      await cancelFinished;
      expect(cancelled).toEqual([replaced[0]!.providerRef]);
      const verificationStatus = async (ref: string) =>
        (await database.db.select({ status: fakeVerifications.status }).from(fakeVerifications).where(eq(fakeVerifications.id, ref)))[0]!.status;
      expect(await verificationStatus(replaced[0]!.providerRef)).toBe('canceled');
      expect(await verificationStatus(live[0]!.providerRef)).toBe('pending');
      // Only the live change verifies.
      const stale = await client.post('/phone/verify', {
        phoneNumber: replaced[0]!.phoneNumber,
        code: latestCode(server.inbox, 'sms', replaced[0]!.phoneNumber),
        replacesCurrent: false,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('expired_code');
      const ok = await client.post('/phone/verify', {
        phoneNumber: live[0]!.phoneNumber,
        code: latestCode(server.inbox, 'sms', live[0]!.phoneNumber),
        replacesCurrent: false,
      });
      expect(ok.status).toBe(200);
      expect(await activePhones(user)).toEqual([{ phoneNumber: live[0]!.phoneNumber }]);
    });

    it('sends once when parallel sends of one number race: the others answer 429 with Retry-After', async () => {
      // The provider holds each start until every request is in flight: all that reach it have
      // passed the cooldown, none has stored its change. It lets go once every send has started or
      // all but one have answered, so it holds both with and without an atomic cooldown.
      const parallel = 5;
      let starts = 0;
      let letGo!: () => void;
      const allIn = new Promise<void>((resolve) => (letGo = resolve));
      const server = await serve({
        wrapProvider: (fake) => ({
          ...fake,
          async start(request) {
            starts += 1;
            if (starts === parallel) letGo();
            await allIn;
            return fake.start(request);
          },
        }),
      });
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      let answered = 0;
      const answers = await Promise.all(
        Array.from({ length: parallel }, () =>
          client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' }).then((answer) => {
            answered += 1;
            if (answered === parallel - 1) letGo();
            return answer;
          }),
        ),
      );
      expect(starts).toBe(1);
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      const refused = answers.filter((answer) => answer.status !== 200);
      expect(refused).toHaveLength(parallel - 1);
      for (const answer of refused) {
        expect(answer.status).toBe(429);
        expect(answer.headers.get('retry-after')).toBe('30');
        expect(answer.body.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 });
      }
      expect(server.inbox.list().filter((message) => message.to === PHONE_A)).toHaveLength(1);
      // The cooldown runs from the one send: a resend waits for it, then goes through.
      server.clock.advance(10);
      const early = await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      expect(early.status).toBe(429);
      expect(early.headers.get('retry-after')).toBe('20');
      server.clock.advance(20);
      expect((await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' })).status).toBe(200);
      expect(starts).toBe(2);
    });

    it('gives the cooldown back when the provider refuses or cannot be reached: a retry goes through at once', async () => {
      const outcomes: Array<'network' | 'rate_limited' | 'ok'> = ['network', 'rate_limited', 'ok'];
      let starts = 0;
      const server = await serve({
        wrapProvider: (fake) => ({
          ...fake,
          async start(request) {
            const outcome = outcomes[starts] ?? 'ok';
            starts += 1;
            if (outcome === 'network') throw new ProviderError('network', { message: 'scripted failure' });
            if (outcome === 'rate_limited') throw new ProviderError('rate_limited', { message: 'scripted refusal', retryAfterSeconds: 60 });
            return fake.start(request);
          },
        }),
      });
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      const down = await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe('network');
      // No time passes: the failed send did not keep the cooldown.
      const limited = await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('60');
      const sent = await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      expect(sent.status).toBe(200);
      expect(starts).toBe(3);
      expect(server.inbox.list().filter((message) => message.to === PHONE_A)).toHaveLength(1);
      // The send that went through holds the cooldown as usual.
      const again = await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      expect(again.status).toBe(429);
      expect(again.headers.get('retry-after')).toBe('30');
      expect(starts).toBe(3);
    });

    it('refuses a second pending change for one user in the database itself', async () => {
      const user = newUser();
      const row = (id: string, phoneNumber: string) => ({
        id,
        userId: user,
        phoneNumber,
        channel: 'sms' as const,
        providerRef: `ref-${id}`,
        status: 'pending' as const,
        createdAt: new Date(0),
        expiresAt: new Date(600_000),
      });
      await database.db.insert(pendingChanges).values(row(`${user}-1`, PHONE_A));
      await expect(database.db.insert(pendingChanges).values(row(`${user}-2`, PHONE_B))).rejects.toThrow();
      // Settled changes are history: any number of them.
      await database.db.update(pendingChanges).set({ status: 'cancelled' }).where(eq(pendingChanges.userId, user));
      await database.db.insert(pendingChanges).values(row(`${user}-2`, PHONE_B));
      expect(await database.db.select().from(pendingChanges).where(eq(pendingChanges.userId, user))).toHaveLength(2);
    });

    it('answers a send without waiting for the provider to cancel the verification it replaces', async () => {
      // A provider whose cancel does not finish until the test lets it (a slow Twilio call).
      const heldCancels: Array<() => void> = [];
      let cancelDone!: () => void;
      const cancelFinished = new Promise<void>((resolve) => (cancelDone = resolve));
      const server = await serve({
        wrapProvider: (fake) => ({
          ...fake,
          async cancel(request) {
            await new Promise<void>((resolve) => heldCancels.push(resolve));
            await fake.cancel(request);
            cancelDone();
          },
        }),
      });
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      expect((await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' })).status).toBe(200);
      const [first] = await database.db.select().from(pendingChanges).where(eq(pendingChanges.userId, user));
      const second = await client.post('/phone/code', { phoneNumber: PHONE_B, channel: 'sms' });
      expect(second.status).toBe(200);
      // The answer came while the cancel of the first verification was still held.
      expect(heldCancels).toHaveLength(1);
      for (const go of heldCancels.splice(0)) go();
      await cancelFinished;
      const [verification] = await database.db.select().from(fakeVerifications).where(eq(fakeVerifications.id, first!.providerRef));
      expect(verification!.status).toBe('canceled');
      const ok = await client.post('/phone/verify', { phoneNumber: PHONE_B, code: latestCode(server.inbox, 'sms', PHONE_B), replacesCurrent: false });
      expect(ok.status).toBe(200);
    });

    it('answers a send even when cancelling the replaced verification fails, and logs nothing', async () => {
      const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
      let cancelFailed!: () => void;
      const cancelRefused = new Promise<void>((resolve) => (cancelFailed = resolve));
      const server = await serve({
        wrapProvider: (fake) => ({
          ...fake,
          async cancel() {
            cancelFailed();
            throw new Error(`provider down while cancelling for ${PHONE_A}`);
          },
        }),
      });
      const user = newUser();
      const client = clientFor(server, user);
      await stepUp(server, client, user);
      expect((await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' })).status).toBe(200);
      expect((await client.post('/phone/code', { phoneNumber: PHONE_B, channel: 'sms' })).status).toBe(200);
      await cancelRefused;
      // Let the refused cancel settle (its rejection is handled in a later microtask).
      await new Promise<void>((resolve) => setImmediate(resolve));
      const printed = spies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(' '))).join('\n');
      expect(printed).not.toContain(PHONE_A.slice(1));
      for (const spy of spies) spy.mockRestore();
      expect((await client.get('/status')).status).toBe(200);
    });

    it('keeps the phone, the step-up grant and a pending change across a restart', async () => {
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      await addPhone(server, client, user, PHONE_A);
      server.clock.advance(31);
      await client.post('/phone/code', { phoneNumber: PHONE_B, channel: 'sms' });
      const code = latestCode(server.inbox, 'sms', PHONE_B);
      await server.close();
      servers.splice(servers.indexOf(server), 1);

      await database.reopen();
      // The same moment the first server had reached, plus a little.
      const restarted = await serve({ clockStart: server.clock.now().getTime() + 5000 });
      const again = clientFor(restarted, user);
      expect((await again.get('/status')).body.phone).toEqual({ maskedNumber: '+1 ••• ••• 0123' });
      const verified = await again.post('/phone/verify', { phoneNumber: PHONE_B, code, replacesCurrent: true });
      expect(verified.status).toBe(200);
      expect(await activePhones(user)).toEqual([{ phoneNumber: PHONE_B }]);
    });
  });

  describe('secret hygiene', () => {
    it('never writes a code, a recovery code or a number to the console, nor into an error message', async () => {
      const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
      const server = await serve();
      const user = newUser();
      const client = clientFor(server, user);
      const bodies: string[] = [];
      await client.post('/email-code');
      const emailCode = latestCode(server.inbox, 'email', `${user}@example.com`);
      bodies.push(JSON.stringify((await client.post('/email-code/verify', { code: emailCode === '000000' ? '111111' : '000000' })).body));
      await client.post('/email-code/verify', { code: emailCode });
      await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' });
      const code = latestCode(server.inbox, 'sms', PHONE_A);
      bodies.push(JSON.stringify((await client.post('/phone/verify', { phoneNumber: PHONE_A, code: code === '000000' ? '111111' : '000000', replacesCurrent: false })).body));
      const recovery = (await client.post('/phone/verify', { phoneNumber: PHONE_A, code, replacesCurrent: false })).body.recoveryCode as string;
      bodies.push(JSON.stringify((await client.post('/phone/code', { phoneNumber: PHONE_A, channel: 'sms' })).body));
      const printed = spies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(' '))).join('\n');
      for (const secret of [emailCode, code, recovery, PHONE_A, PHONE_A.slice(1)]) {
        expect(printed).not.toContain(secret);
        for (const body of bodies) expect(body).not.toContain(secret);
      }
      for (const spy of spies) spy.mockRestore();
    });
  });
}
