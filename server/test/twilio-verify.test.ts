import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTwoFactorApp } from '../src/app';
import { openDatabase } from '../src/db/connection';
import type { OpenedDatabase } from '../src/db/connection';
import { listen } from '../src/node';
import { ProviderError } from '../src/providers/provider';
import { createTwilioVerifyProvider } from '../src/providers/twilio-verify';
import { clientFor, createTestClock, latestCode, stepUp, TEST_SECRET } from './helpers';
import { createDevInbox } from '../src/providers/dev-inbox';
import { ACCOUNT_SID, SERVICE_SID, VERIFICATION_SID, startTwilioStandIn, twilioError, verification } from './twilio-stand-in';

type StandIn = Awaited<ReturnType<typeof startTwilioStandIn>>;

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startTwilioStandIn(() => ({ status: 201, body: verification() }));
});
afterAll(async () => {
  await standIn.close();
});
afterEach(() => {
  standIn.requests.length = 0;
  standIn.answerWith(() => ({ status: 201, body: verification() }));
});

function provider(extra: Partial<Parameters<typeof createTwilioVerifyProvider>[0]> = {}) {
  return createTwilioVerifyProvider({ serviceSid: SERVICE_SID, accountSid: ACCOUNT_SID, authToken: 'token', baseUrl: standIn.url, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('Twilio Verify provider (against a local stand-in)', () => {
  it('starts a verification with a form-encoded To and Channel and basic auth with the account SID', async () => {
    const started = await provider().start({ to: '+15017122661', channel: 'call' });
    expect(started).toEqual({ ref: VERIFICATION_SID, codeLength: 6 });
    expect(standIn.requests).toEqual([
      {
        method: 'POST',
        path: `/v2/Services/${SERVICE_SID}/Verifications`,
        authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:token`).toString('base64')}`,
        contentType: 'application/x-www-form-urlencoded',
        form: { To: '+15017122661', Channel: 'call' },
      },
    ]);
  });

  it('authenticates with an API key when given one', async () => {
    await createTwilioVerifyProvider({ serviceSid: SERVICE_SID, apiKeySid: 'SKkey', apiKeySecret: 'shh', baseUrl: standIn.url }).start({
      to: '+15017122661',
      channel: 'sms',
    });
    expect(standIn.requests[0]!.authorization).toBe(`Basic ${Buffer.from('SKkey:shh').toString('base64')}`);
  });

  it('refuses a landline for SMS and a VoIP number for any channel, cancelling the verification', async () => {
    // The cancel goes out in the background: the test waits for it to reach the stand-in.
    let cancelArrived!: () => void;
    let cancelled = new Promise<void>((resolve) => (cancelArrived = resolve));
    let lineType = 'landline';
    standIn.answerWith((request) => {
      if (request.path.endsWith('/Verifications')) {
        return { status: 201, body: verification({ lookup: { carrier: { type: lineType, error_code: null, name: 'Carrier' } } }) };
      }
      cancelArrived();
      return { status: 200, body: verification({ status: 'canceled' }) };
    });
    expect((await failure(provider().start({ to: '+15017122661', channel: 'sms' }))).code).toBe('unsupported_phone_number');
    await cancelled;
    expect(standIn.requests[1]).toMatchObject({ path: `/v2/Services/${SERVICE_SID}/Verifications/${VERIFICATION_SID}`, form: { Status: 'canceled' } });
    // A landline can take a voice call.
    expect(await provider().start({ to: '+15017122661', channel: 'call' })).toEqual({ ref: VERIFICATION_SID, codeLength: 6 });
    expect(standIn.requests).toHaveLength(3);
    lineType = 'voip';
    cancelled = new Promise<void>((resolve) => (cancelArrived = resolve));
    expect((await failure(provider().start({ to: '+15017122661', channel: 'call' }))).code).toBe('unsupported_phone_number');
    await cancelled;
    expect(standIn.requests.map((request) => request.form.Status ?? request.form.Channel)).toEqual(['sms', 'canceled', 'call', 'call', 'canceled']);
  });

  it('refuses a refused line type without waiting for the cancel, which still goes out', async () => {
    // Twilio holds the cancel until the test lets it answer: the refusal must not wait for it.
    let answerCancel!: () => void;
    const cancelHeld = new Promise<void>((resolve) => (answerCancel = resolve));
    let cancelAnswered!: () => void;
    const cancelDone = new Promise<void>((resolve) => (cancelAnswered = resolve));
    standIn.answerWith(async (request) => {
      if (request.path.endsWith('/Verifications')) {
        return { status: 201, body: verification({ lookup: { carrier: { type: 'voip' } } }) };
      }
      await cancelHeld;
      setImmediate(cancelAnswered);
      return { status: 200, body: verification({ status: 'canceled' }) };
    });
    // Longer than the test's own limit: only a start that does not wait for the cancel settles.
    const refused = await failure(provider({ timeoutMs: 120_000 }).start({ to: '+15017122661', channel: 'sms' }));
    expect(refused.code).toBe('unsupported_phone_number');
    answerCancel();
    await cancelDone;
    expect(standIn.requests.map((request) => request.form)).toEqual([{ To: '+15017122661', Channel: 'sms' }, { Status: 'canceled' }]);
    expect(standIn.requests[1]!.path).toBe(`/v2/Services/${SERVICE_SID}/Verifications/${VERIFICATION_SID}`);
  });

  it('refuses a refused line type even when the cancel fails', async () => {
    let cancelArrived!: () => void;
    const cancelled = new Promise<void>((resolve) => (cancelArrived = resolve));
    standIn.answerWith((request) => {
      if (request.path.endsWith('/Verifications')) return { status: 201, body: verification({ lookup: { carrier: { type: 'voip' } } }) };
      cancelArrived();
      return twilioError(500, 20500, 'Internal Server Error');
    });
    expect((await failure(provider().start({ to: '+15017122661', channel: 'call' }))).code).toBe('unsupported_phone_number');
    await cancelled;
    expect(standIn.requests).toHaveLength(2);
  });

  it('checks a code by verification SID: approved, or still pending on a wrong code', async () => {
    standIn.answerWith(() => ({ status: 200, body: verification({ status: 'approved', valid: true }) }));
    expect(await provider().check({ ref: VERIFICATION_SID, to: '+15017122661', code: '123456' })).toEqual({ status: 'approved' });
    expect(standIn.requests[0]).toMatchObject({
      path: `/v2/Services/${SERVICE_SID}/VerificationCheck`,
      form: { VerificationSid: VERIFICATION_SID, Code: '123456' },
    });
    standIn.answerWith(() => ({ status: 200, body: verification({ status: 'pending', valid: false }) }));
    expect(await provider().check({ ref: VERIFICATION_SID, to: '+15017122661', code: '000000' })).toEqual({ status: 'wrong_code' });
  });

  it('reports the Verify Service’s code length (codeLength, 4–10) from start', async () => {
    expect(await provider({ codeLength: 8 }).start({ to: '+15017122661', channel: 'sms' })).toEqual({ ref: VERIFICATION_SID, codeLength: 8 });
    expect(await provider({ codeLength: 4 }).start({ to: '+15017122661', channel: 'sms' })).toEqual({ ref: VERIFICATION_SID, codeLength: 4 });
    for (const codeLength of [3, 11, 6.5]) expect(() => provider({ codeLength })).toThrow(RangeError);
  });

  it.each([
    [twilioError(404, 20404, 'The requested resource /Services/VA/VerificationCheck was not found'), 'expired_code'],
    [twilioError(429, 60202, 'Max check attempts reached'), 'too_many_attempts'],
    [twilioError(400, 60200, 'Invalid parameter `Code`: 12'), 'invalid_code'],
    [twilioError(401, 20003, 'Authenticate'), 'unknown'],
    [twilioError(503, 20500, 'Internal Server Error'), 'network'],
  ] as const)('maps Twilio %j on a check to %s', async (answer, code) => {
    standIn.answerWith(() => answer);
    const error = await failure(provider().check({ ref: VERIFICATION_SID, to: '+15017122661', code: '12' }));
    expect(error.code).toBe(code);
  });

  it.each([
    // On a start, no such resource means the Service SID is wrong: a configuration error.
    [twilioError(404, 20404, 'The requested resource /Services/VAxx/Verifications was not found'), 'unknown', undefined],
    [{ ...twilioError(429, 60203, 'Max send attempts reached'), headers: { 'Retry-After': '120' } }, 'rate_limited', 120],
    // Without Retry-After, 60203 lasts until the verification expires (10 minutes).
    [twilioError(429, 60203, 'Max send attempts reached'), 'rate_limited', 600],
    [twilioError(429, 60212, 'Too many concurrent requests for phone number'), 'rate_limited', 60],
    [{ ...twilioError(429, 20429, 'Too Many Requests'), headers: { 'Retry-After': '3' } }, 'rate_limited', 3],
    [twilioError(400, 60200, 'Invalid parameter `To`: +1555'), 'invalid_phone_number', undefined],
    [twilioError(400, 60200, 'Invalid parameter: Channel'), 'unknown', undefined],
    [twilioError(400, 60205, 'SMS is not supported by landline phone number'), 'unsupported_phone_number', undefined],
    [twilioError(403, 60605, 'Verification delivery attempt blocked (geo permissions)'), 'unsupported_phone_number', undefined],
    [twilioError(403, 60410, 'Verification delivery attempt blocked'), 'unsupported_phone_number', undefined],
    [twilioError(400, 60220, 'Use case vetting in progress'), 'unsupported_phone_number', undefined],
    [twilioError(401, 20003, 'Authenticate'), 'unknown', undefined],
    [twilioError(503, 20500, 'Internal Server Error'), 'network', undefined],
    [{ status: 502, body: undefined }, 'network', undefined],
  ] as const)('maps Twilio %j on a start to %s', async (answer, code, retryAfterSeconds) => {
    standIn.answerWith(() => answer);
    const error = await failure(provider().start({ to: '+15017122661', channel: 'sms' }));
    expect(error.code).toBe(code);
    expect(error.retryAfterSeconds).toBe(retryAfterSeconds);
    // Twilio's text can quote the number: it never becomes the error's message.
    expect(error.message).not.toContain('+1555');
    expect(error.message).not.toContain('+15017122661');
  });

  it('reports a refused connection and a timeout as network', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect((await failure(provider({ baseUrl: `http://127.0.0.1:${port}` }).start({ to: '+15017122661', channel: 'sms' }))).code).toBe('network');

    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    const slow = provider({ baseUrl: `http://127.0.0.1:${silentPort}`, timeoutMs: 200 });
    expect((await failure(slow.check({ ref: VERIFICATION_SID, to: '+15017122661', code: '1' }))).code).toBe('network');
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('cancels with Status=canceled and ignores a verification that is already gone', async () => {
    standIn.answerWith(() => twilioError(404, 20404, 'not found'));
    await expect(provider().cancel({ ref: VERIFICATION_SID, to: '+15017122661' })).resolves.toBeUndefined();
    expect(standIn.requests[0]).toMatchObject({ form: { Status: 'canceled' } });
  });
});

describe('the server with the Twilio Verify provider', () => {
  let opened: OpenedDatabase;
  beforeAll(async () => {
    opened = await openDatabase({ dataDir: 'memory://', url: '' });
  });
  afterAll(async () => {
    await opened.close();
  });

  it('answers the API vocabulary from Twilio’s answers: invalid_code with attempts, too_many_attempts, rate_limited, success', async () => {
    const inbox = createDevInbox();
    const clock = createTestClock();
    const app = createTwoFactorApp({
      db: opened.db,
      provider: provider({ codeLength: 8 }),
      getUser: (request) => ({ id: request.headers.get('x-test-user') ?? 'u', email: 'twilio-user@example.com' }),
      sendEmail: (message) => {
        if (message.kind === 'step-up-code') inbox.add({ channel: 'email', to: message.to, code: message.code, text: '' });
      },
      clock: clock.now,
      secret: TEST_SECRET,
      getClientIp: () => '127.0.0.1',
    });
    const server = await listen(app);
    try {
      const client = clientFor(server, 'twilio-user');
      await stepUp({ ...server, clock, inbox, emails: [] }, client, 'twilio-user');
      expect(latestCode(inbox, 'email', 'twilio-user@example.com')).toMatch(/^\d{6}$/);

      const sent = await client.post('/phone/code', { phoneNumber: '+14155550123', channel: 'sms' });
      expect(sent.status).toBe(200);
      // The Service sends 8-digit codes: the client is told so.
      expect(sent.body.codeLength).toBe(8);

      standIn.answerWith(() => ({ status: 200, body: verification({ status: 'pending' }) }));
      const wrong = await client.post('/phone/verify', { phoneNumber: '+14155550123', code: '00000000', replacesCurrent: false });
      expect(wrong.status).toBe(422);
      expect(wrong.body.error).toEqual({ code: 'invalid_code', attemptsRemaining: 4 });
      // A code Twilio refuses as a parameter (not 4–10 digits) is a wrong code, counted.
      standIn.answerWith(() => twilioError(400, 60200, 'Invalid parameter `Code`: 123'));
      const malformed = await client.post('/phone/verify', { phoneNumber: '+14155550123', code: '123', replacesCurrent: false });
      expect(malformed.status).toBe(422);
      expect(malformed.body.error).toEqual({ code: 'invalid_code', attemptsRemaining: 3 });

      standIn.answerWith(() => ({ status: 200, body: verification({ status: 'approved', valid: true }) }));
      const ok = await client.post('/phone/verify', { phoneNumber: '+14155550123', code: '123456', replacesCurrent: false });
      expect(ok.status).toBe(200);
      expect(typeof ok.body.recoveryCode).toBe('string');

      clock.advance(31);
      await stepUp({ ...server, clock, inbox, emails: [] }, client, 'twilio-user');
      standIn.answerWith(() => ({ ...twilioError(429, 60203, 'Max send attempts reached'), headers: { 'Retry-After': '120' } }));
      const limited = await client.post('/phone/code', { phoneNumber: '+14155550199', channel: 'sms' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('120');
      expect(limited.body.error.code).toBe('rate_limited');

      standIn.answerWith(() => ({ status: 201, body: verification() }));
      await client.post('/phone/code', { phoneNumber: '+14155550199', channel: 'call' });
      standIn.answerWith(() => twilioError(429, 60202, 'Max check attempts reached'));
      const locked = await client.post('/phone/verify', { phoneNumber: '+14155550199', code: '000000', replacesCurrent: true });
      expect(locked.status).toBe(423);
      expect(locked.body.error.code).toBe('too_many_attempts');
      expect((await client.get('/status')).body.phone).toEqual({ maskedNumber: '+1 ••• ••• 0123' });
    } finally {
      await server.close();
    }
  });
});
