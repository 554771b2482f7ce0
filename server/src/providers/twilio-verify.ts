import type { ErrorCode } from '../errors';
import { ProviderError } from './provider';
import type { PhoneChannel, VerificationProvider } from './provider';

/** Credentials: the account's auth token, or an API key (recommended for production). */
export type TwilioCredentials =
  | { accountSid: string; authToken: string }
  | { apiKeySid: string; apiKeySecret: string };

export type TwilioVerifyOptions = TwilioCredentials & {
  /** The Verify Service (`VA…`). */
  serviceSid: string;
  /**
   * Where the Verify API lives; tests point it at a local stand-in.
   * @default 'https://verify.twilio.com'
   */
  baseUrl?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Milliseconds before a request to Twilio is abandoned (`network`).
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * `Retry-After` to report for a Twilio rate limit that does not send one.
   * @default 60
   */
  defaultRetryAfterSeconds?: number;
};

/**
 * Twilio's error codes, mapped onto the API's vocabulary (https://www.twilio.com/docs/api/errors):
 * 20404 resource not found (the verification expired, was approved or ran out of checks),
 * 60202 max check attempts, 60203 max send attempts, 60212 too many concurrent requests for the
 * number, 20429 too many requests, 60200 invalid parameter (on `To`: the number),
 * 60205 SMS not supported by a landline, 60605 geo-permissions block the country,
 * 60410 the number's prefix is blocked (fraud guard), 60220 the channel is not available for it.
 */
export function mapTwilioError(status: number, body: unknown, retryAfterHeader: string | null, defaultRetryAfter = 60): ProviderError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.code === 'number' ? record.code : Number(record.code);
  const message = typeof record.message === 'string' ? record.message : '';
  const retryAfter = /^\d+$/.test(retryAfterHeader ?? '') ? Number(retryAfterHeader) : defaultRetryAfter;
  const fail = (errorCode: ErrorCode, extra: { retryAfterSeconds?: number } = {}) =>
    // The developer message names Twilio's code only: Twilio's text can quote the number.
    new ProviderError(errorCode, { message: `twilio ${Number.isFinite(code) ? code : status}`, ...extra });
  switch (code) {
    case 20404:
      return fail('expired_code');
    case 60202:
      return fail('too_many_attempts');
    case 60203:
    case 60212:
    case 20429:
      return fail('rate_limited', { retryAfterSeconds: retryAfter });
    case 60200:
      return fail(/\bTo\b/.test(message) ? 'invalid_phone_number' : 'unknown');
    case 60205:
    case 60605:
    case 60410:
    case 60220:
      return fail('unsupported_phone_number');
    default:
      if (status === 429) return fail('rate_limited', { retryAfterSeconds: retryAfter });
      if (status >= 500) return fail('network');
      return fail('unknown');
  }
}

interface TwilioVerification {
  sid?: unknown;
  status?: unknown;
  lookup?: { carrier?: { type?: unknown } | null } | null;
}

/**
 * Twilio Verify v2 over plain `fetch`: `POST /v2/Services/{sid}/Verifications` to send,
 * `POST …/VerificationCheck` to check, `POST …/Verifications/{VE…}` with `Status=canceled` to
 * cancel. Landlines (for SMS) and VoIP numbers, when the Service's carrier lookup reports them,
 * are refused as `unsupported_phone_number` and their verification cancelled.
 *
 * @example
 * const provider = createTwilioVerifyProvider({
 *   serviceSid: process.env.TWILIO_VERIFY_SERVICE_SID!,
 *   apiKeySid: process.env.TWILIO_API_KEY_SID!,
 *   apiKeySecret: process.env.TWILIO_API_KEY_SECRET!,
 * });
 */
export function createTwilioVerifyProvider(options: TwilioVerifyOptions): VerificationProvider {
  const baseUrl = (options.baseUrl ?? 'https://verify.twilio.com').replace(/\/+$/, '');
  const [user, password] = 'authToken' in options ? [options.accountSid, options.authToken] : [options.apiKeySid, options.apiKeySecret];
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const defaultRetryAfter = options.defaultRetryAfterSeconds ?? 60;
  const service = `${baseUrl}/v2/Services/${encodeURIComponent(options.serviceSid)}`;

  async function post(url: string, form: Record<string, string>): Promise<TwilioVerification> {
    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      throw new ProviderError('network', { message: 'twilio unreachable', cause });
    }
    let body: unknown = undefined;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (response.status < 200 || response.status > 299) {
      throw mapTwilioError(response.status, body, response.headers.get('Retry-After'), defaultRetryAfter);
    }
    if (typeof body !== 'object' || body === null) throw new ProviderError('unknown', { message: 'twilio answered without JSON' });
    return body as TwilioVerification;
  }

  async function cancel(ref: string): Promise<void> {
    try {
      await post(`${service}/Verifications/${encodeURIComponent(ref)}`, { Status: 'canceled' });
    } catch (error) {
      // Already approved, expired or cancelled: nothing left to cancel.
      if (error instanceof ProviderError && error.code === 'expired_code') return;
      throw error;
    }
  }

  function isRefusedLineType(type: unknown, channel: PhoneChannel): boolean {
    return type === 'voip' || (type === 'landline' && channel === 'sms');
  }

  return {
    name: 'twilio-verify',

    async start({ to, channel }) {
      const verification = await post(`${service}/Verifications`, { To: to, Channel: channel });
      if (typeof verification.sid !== 'string') throw new ProviderError('unknown', { message: 'twilio answered without a sid' });
      if (isRefusedLineType(verification.lookup?.carrier?.type, channel)) {
        await cancel(verification.sid).catch(() => undefined);
        throw new ProviderError('unsupported_phone_number', { message: 'twilio lookup: line type not accepted' });
      }
      return { ref: verification.sid };
    },

    async check({ ref, code }) {
      const result = await post(`${service}/VerificationCheck`, { VerificationSid: ref, Code: code });
      switch (result.status) {
        case 'approved':
          return { status: 'approved' };
        case 'pending':
          return { status: 'wrong_code' };
        case 'max_attempts_reached':
          throw new ProviderError('too_many_attempts', { message: 'twilio max_attempts_reached' });
        case 'canceled':
        case 'expired':
        case 'deleted':
        case 'failed':
          throw new ProviderError('expired_code', { message: `twilio ${String(result.status)}` });
        default:
          throw new ProviderError('unknown', { message: 'twilio answered an unknown status' });
      }
    },

    async cancel({ ref }) {
      await cancel(ref);
    },
  };
}
