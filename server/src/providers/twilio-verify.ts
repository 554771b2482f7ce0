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
   * `Retry-After` to report for a Twilio rate limit that does not send one (but 60203, max send
   * attempts, which lasts until the verification expires: 600 seconds).
   * @default 60
   */
  defaultRetryAfterSeconds?: number;
  /**
   * Digits in the Verify Service's codes (its `code_length`, 4–10), reported to the client as
   * `codeLength` so the code field takes exactly that many.
   * @default 6
   */
  codeLength?: number;
};

/** Which Verify call failed: the same Twilio code means different things on each. */
export type TwilioCall = 'start' | 'check' | 'cancel';

/** How long Twilio blocks sends after 60203 (max send attempts): until the verification expires. */
const MAX_SEND_ATTEMPTS_BLOCK_SECONDS = 600;

/**
 * Twilio's error codes, mapped onto the API's vocabulary (https://www.twilio.com/docs/api/errors),
 * by the call that failed: 20404 resource not found (on a check or cancel: the verification expired,
 * was approved or ran out of checks; on a start: the Service SID is wrong, a configuration error),
 * 60202 max check attempts, 60203 max send attempts (blocked until the verification expires),
 * 60212 too many concurrent requests for the number, 20429 too many requests, 60200 invalid
 * parameter (on `To`: the number; on a check: the code, e.g. not 4–10 digits),
 * 60205 SMS not supported by a landline, 60605 geo-permissions block the country,
 * 60410 the number's prefix is blocked (fraud guard), 60220 the channel is not available for it.
 * Without `call`, 20404 reads as a check's.
 */
export function mapTwilioError(
  status: number,
  body: unknown,
  retryAfterHeader: string | null,
  defaultRetryAfter = 60,
  call?: TwilioCall,
): ProviderError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.code === 'number' ? record.code : Number(record.code);
  const message = typeof record.message === 'string' ? record.message : '';
  const header = /^\d+$/.test(retryAfterHeader ?? '') ? Number(retryAfterHeader) : undefined;
  const retryAfter = header ?? defaultRetryAfter;
  const fail = (errorCode: ErrorCode, extra: { retryAfterSeconds?: number } = {}) =>
    // The developer message names Twilio's code only: Twilio's text can quote the number.
    new ProviderError(errorCode, { message: `twilio ${Number.isFinite(code) ? code : status}`, ...extra });
  switch (code) {
    case 20404:
      // No such Service on a start is a configuration error, not an expired code.
      return fail(call === 'start' ? 'unknown' : 'expired_code');
    case 60202:
      return fail('too_many_attempts');
    case 60203:
      return fail('rate_limited', { retryAfterSeconds: header ?? MAX_SEND_ATTEMPTS_BLOCK_SECONDS });
    case 60212:
    case 20429:
      return fail('rate_limited', { retryAfterSeconds: retryAfter });
    case 60200:
      if (call === 'check') return fail('invalid_code');
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
  const codeLength = options.codeLength ?? 6;
  if (!Number.isInteger(codeLength) || codeLength < 4 || codeLength > 10) {
    throw new RangeError('createTwilioVerifyProvider: codeLength must be an integer from 4 to 10 (the Verify Service’s code_length)');
  }

  async function post(call: TwilioCall, url: string, form: Record<string, string>): Promise<TwilioVerification> {
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
      throw mapTwilioError(response.status, body, response.headers.get('Retry-After'), defaultRetryAfter, call);
    }
    if (typeof body !== 'object' || body === null) throw new ProviderError('unknown', { message: 'twilio answered without JSON' });
    return body as TwilioVerification;
  }

  async function cancel(ref: string): Promise<void> {
    try {
      await post('cancel', `${service}/Verifications/${encodeURIComponent(ref)}`, { Status: 'canceled' });
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
      const verification = await post('start', `${service}/Verifications`, { To: to, Channel: channel });
      if (typeof verification.sid !== 'string') throw new ProviderError('unknown', { message: 'twilio answered without a sid' });
      if (isRefusedLineType(verification.lookup?.carrier?.type, channel)) {
        // In the background: the caller's request should take one Twilio call, not two (each may
        // take the whole timeout). Best effort; an unsent cancel lets the verification expire.
        void cancel(verification.sid).catch(() => undefined);
        throw new ProviderError('unsupported_phone_number', { message: 'twilio lookup: line type not accepted' });
      }
      return { ref: verification.sid, codeLength };
    },

    async check({ ref, code }) {
      const result = await post('check', `${service}/VerificationCheck`, { VerificationSid: ref, Code: code });
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
