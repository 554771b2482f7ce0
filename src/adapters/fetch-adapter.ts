import type {
  AdapterMethod,
  AdapterRequest,
  SendEmailCodeResult,
  SendPhoneCodeRequest,
  SendPhoneCodeResult,
  TwoFactorAdapter,
  TwoFactorStatus,
  VerifyEmailCodeRequest,
  VerifyPhoneCodeRequest,
  VerifyPhoneCodeResult,
} from '../core/adapter';
import { TwoFactorError, isAbortError, isTwoFactorErrorCode } from '../core/errors';
import type { TwoFactorErrorCode } from '../core/errors';
import {
  isNonNegativeNumber,
  isRecord,
  isSendEmailCodeResult,
  isSendPhoneCodeResult,
  isTwoFactorStatus,
  isVerifyPhoneCodeResult,
} from '../core/results';

/**
 * The adapter over the REST API documented in docs/rest-api.md (docs/openapi.yaml). Codes and
 * phone numbers travel only in JSON bodies, never in URLs, so they stay out of access logs,
 * proxies and browser history. Success bodies are checked with the guards the hooks apply to any
 * adapter (core/results.ts); anything unexpected becomes `unknown` rather than half-filled data.
 * No response body is attached to an error (a success body may hold a recovery code); of an error
 * body, only its own `error.message` goes into the error's message, cut to 200 characters. Redirects
 * are not followed, so a code is never sent on to another address.
 */

/** Extra request headers, or a function that returns them on every request (e.g. a CSRF token). */
export type FetchAdapterHeaders = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface FetchAdapterOptions {
  /** Where the API lives, absolute or relative to the page, e.g. `/api/account/2fa` (no trailing slash needed). */
  baseUrl: string;
  /**
   * The fetch to use (an instrumented one, or a polyfill).
   * @default globalThis.fetch, looked up on every call
   */
  fetch?: typeof fetch;
  /**
   * Headers added to every request; a function is called per request, so a rotating CSRF token stays fresh.
   * @default {}
   */
  headers?: FetchAdapterHeaders;
  /**
   * Passed to fetch: `include` for a cross-origin API that authenticates with cookies.
   * @default 'same-origin'
   */
  credentials?: RequestCredentials;
  /**
   * Milliseconds before a request (including reading its body) is abandoned and fails with
   * `network`. A value that is not a positive finite number turns the timeout off.
   * @default 15000
   */
  timeoutMs?: number;
}

/** A fetch adapter always has `disableTwoFactor`: the server decides through `canDisable`. */
export type FetchAdapter = Required<TwoFactorAdapter>;

/** Default request timeout, shorter than the hooks' own so the adapter's `network` error wins. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** Each method's HTTP method and path under `baseUrl` (docs/rest-api.md). */
const ROUTES: { readonly [M in AdapterMethod]: readonly [HttpMethod, string] } = {
  sendEmailCode: ['POST', '/email-code'],
  verifyEmailCode: ['POST', '/email-code/verify'],
  getTwoFactorStatus: ['GET', '/status'],
  resetPhone: ['DELETE', '/phone'],
  sendPhoneCode: ['POST', '/phone/code'],
  verifyPhoneCode: ['POST', '/phone/verify'],
  acknowledgeRecoveryCode: ['POST', '/phone/recovery-code/acknowledge'],
  disableTwoFactor: ['DELETE', '/two-factor'],
};

/** What `parseBody` returns for a body that is not JSON (an HTML error page…). */
const NOT_JSON: unique symbol = Symbol('not JSON');

/** Longest server `message` kept in an error, so a runaway body cannot bloat logs. */
const MAX_MESSAGE_LENGTH = 200;

/** Largest `codeLength` the REST API documents. */
const MAX_CODE_LENGTH = 64;

/**
 * Creates an adapter that talks to the documented REST API.
 *
 * @example
 * const adapter = createFetchAdapter({
 *   baseUrl: '/api/account/2fa',
 *   headers: () => ({ 'X-CSRF-Token': readCsrfToken() }),
 * });
 */
export function createFetchAdapter(options: FetchAdapterOptions): FetchAdapter {
  if (typeof options.baseUrl !== 'string' || options.baseUrl === '') {
    throw new TypeError('createFetchAdapter: `baseUrl` must be a non-empty string');
  }
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const credentials = options.credentials ?? 'same-origin';
  const headersOption = options.headers;
  // Kept in a local and called bare: a browser's fetch called as `options.fetch(...)` throws
  // "Illegal invocation" because `this` is not the window.
  const customFetch = options.fetch;

  async function buildHeaders(hasBody: boolean): Promise<Headers> {
    const headers = new Headers({ Accept: 'application/json' });
    let extra: HeadersInit | undefined;
    try {
      extra = typeof headersOption === 'function' ? await headersOption() : headersOption;
    } catch (thrown) {
      throw new TwoFactorError('unknown', { message: 'The `headers` function failed', cause: thrown });
    }
    new Headers(extra).forEach((value, name) => headers.set(name, value));
    if (hasBody) headers.set('Content-Type', 'application/json');
    return headers;
  }

  /**
   * One round trip: resolves with the JSON body of a 2xx answer (`undefined` when empty),
   * rejects with a TwoFactorError or an AbortError.
   */
  async function send(method: AdapterMethod, signal: AbortSignal, body?: Record<string, string | boolean>): Promise<unknown> {
    if (signal.aborted) throw abortError(signal);
    const [http, path] = ROUTES[method];
    const label = `${http} ${path}`;
    const controller = new AbortController();
    let timedOut = false;
    const onCallerAbort = (): void => controller.abort();
    signal.addEventListener('abort', onCallerAbort, { once: true });
    const timer =
      Number.isFinite(timeoutMs) && timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs)
        : null;

    try {
      const headers = await buildHeaders(body !== undefined);
      if (signal.aborted) throw abortError(signal);
      let response: Response;
      let text: string;
      try {
        response = await (customFetch ?? globalThis.fetch)(baseUrl + path, {
          method: http,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          credentials,
          // Answers carry account state (and once, a recovery code): never from or into a cache.
          cache: 'no-store',
          // A followed redirect would send the body (a code, a number) again to wherever it points.
          redirect: 'manual',
          signal: controller.signal,
        });
        text = await response.text();
      } catch (thrown) {
        if (signal.aborted) throw isAbortError(thrown) ? thrown : abortError(signal);
        // fetch rejects only with a TypeError (offline, DNS, refused, CORS), or an abort.
        const message = timedOut ? `no answer within ${timeoutMs} ms` : 'request failed';
        throw new TwoFactorError('network', { message: `${label}: ${message}`, cause: thrown });
      }

      // Browsers answer a redirect that is not followed with an opaque response of status 0.
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status <= 399)) {
        throw new TwoFactorError('unknown', { message: `${label}: the API answered with a redirect, which is not followed` });
      }
      const parsed = parseBody(text);
      const { status } = response;
      if (status < 200 || status > 299) throw errorFromResponse(method, label, status, response.headers, parsed);
      // The body is deliberately not attached: it might hold a recovery code.
      if (parsed === NOT_JSON) throw malformed(label);
      return parsed;
    } finally {
      if (timer !== null) clearTimeout(timer);
      signal.removeEventListener('abort', onCallerAbort);
    }
  }

  /** A 2xx JSON answer of the documented shape, else `unknown` (a wrong baseUrl, a renamed field). */
  async function read<T>(
    method: AdapterMethod,
    signal: AbortSignal,
    isValid: (value: unknown) => value is T,
    body?: Record<string, string | boolean>,
  ): Promise<T> {
    const value = await send(method, signal, body);
    if (!isValid(value)) throw malformed(ROUTES[method].join(' '));
    return value;
  }

  return {
    async sendEmailCode({ signal }: AdapterRequest): Promise<SendEmailCodeResult> {
      const value = await read('sendEmailCode', signal, isSendEmailCodeAnswer, {});
      return { maskedEmail: value.maskedEmail, ...codeHints(value) };
    },

    async verifyEmailCode({ signal, code }: VerifyEmailCodeRequest): Promise<void> {
      await send('verifyEmailCode', signal, { code });
    },

    async getTwoFactorStatus({ signal }: AdapterRequest): Promise<TwoFactorStatus> {
      const { phone, canDisable } = await read('getTwoFactorStatus', signal, isTwoFactorStatus);
      return { phone: phone && { maskedNumber: phone.maskedNumber }, canDisable };
    },

    async resetPhone({ signal }: AdapterRequest): Promise<void> {
      await send('resetPhone', signal);
    },

    async sendPhoneCode({ signal, phoneNumber, channel }: SendPhoneCodeRequest): Promise<SendPhoneCodeResult> {
      const value = await read('sendPhoneCode', signal, isSendPhoneCodeAnswer, { phoneNumber, channel });
      return codeHints(value ?? {});
    },

    async verifyPhoneCode({ signal, phoneNumber, code, replacesCurrent }: VerifyPhoneCodeRequest): Promise<VerifyPhoneCodeResult> {
      const value = await read('verifyPhoneCode', signal, isVerifyPhoneCodeResult, {
        phoneNumber,
        code,
        replacesCurrent: replacesCurrent === true,
      });
      return { recoveryCode: value.recoveryCode };
    },

    async acknowledgeRecoveryCode({ signal }: AdapterRequest): Promise<void> {
      await send('acknowledgeRecoveryCode', signal, {});
    },

    async disableTwoFactor({ signal }: AdapterRequest): Promise<void> {
      await send('disableTwoFactor', signal);
    },
  };
}

/** The body as JSON: `undefined` when empty, `NOT_JSON` when it does not parse. */
function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** A 2xx answer that is not the documented shape. */
function malformed(label: string): TwoFactorError {
  return new TwoFactorError('unknown', { message: `${label}: malformed response body` });
}

/** `codeLength`, when given, within the documented 1–64 (the shared guards ask only for ≥ 1). */
function hasDocumentedCodeLength(value: SendPhoneCodeResult): boolean {
  return !(Number(value.codeLength) > MAX_CODE_LENGTH);
}

/** `sendEmailCode`'s answer: the masked email and the hints. */
function isSendEmailCodeAnswer(value: unknown): value is SendEmailCodeResult {
  return isSendEmailCodeResult(value) && hasDocumentedCodeLength(value);
}

/** No body (202/204: both hints are optional), or the hints. */
function isSendPhoneCodeAnswer(value: unknown): value is SendPhoneCodeResult | undefined {
  return value === undefined || (isSendPhoneCodeResult(value) && hasDocumentedCodeLength(value));
}

/** The hints that are present, without `null`s or any other field of the answer. */
function codeHints({ resendAfterSeconds, codeLength }: SendPhoneCodeResult): SendPhoneCodeResult {
  const hints: SendPhoneCodeResult = {};
  if (resendAfterSeconds != null) hints.resendAfterSeconds = resendAfterSeconds;
  if (codeLength != null) hints.codeLength = codeLength;
  return hints;
}

/**
 * Maps a non-2xx answer to the error vocabulary. A recognised code in the body
 * (`{ error: { code, message?, retryAfterSeconds?, attemptsRemaining? } }` or `{ error: 'code' }`)
 * wins; the status decides otherwise (table in docs/rest-api.md).
 */
function errorFromResponse(
  method: AdapterMethod,
  label: string,
  status: number,
  headers: Headers,
  body: unknown,
): TwoFactorError {
  const error = isRecord(body) ? body.error : undefined;
  const detail: Record<string, unknown> = isRecord(error) ? error : { code: error };
  const { message, retryAfterSeconds, attemptsRemaining } = detail;
  const serverMessage = typeof message === 'string' && message !== '' ? `: ${message.slice(0, MAX_MESSAGE_LENGTH)}` : '';
  return new TwoFactorError(isTwoFactorErrorCode(detail.code) ? detail.code : codeForStatus(method, status), {
    message: `${label} answered ${status}${serverMessage}`,
    retryAfterSeconds: isNonNegativeNumber(retryAfterSeconds) ? retryAfterSeconds : parseRetryAfter(headers.get('Retry-After')),
    attemptsRemaining: isNonNegativeNumber(attemptsRemaining) ? attemptsRemaining : undefined,
  });
}

/** The error for a status whose body named no known code. */
function codeForStatus(method: AdapterMethod, status: number): TwoFactorErrorCode {
  switch (status) {
    case 400:
    case 422:
      return refusedInputCode(method);
    case 401:
    case 403:
      return 'reverification_required';
    case 408:
    case 502:
    case 503:
    case 504:
      // Transient on the way to the server (gateway, overload, maintenance): worth retrying.
      return 'network';
    case 409:
    case 410:
      // 409: the code was superseded by a newer one or none is pending; 410: it expired.
      // Either way the user needs a new code.
      return 'expired_code';
    case 423:
      return 'too_many_attempts';
    case 429:
      return 'rate_limited';
    default:
      // 404 (wrong baseUrl), 500 and anything unexpected: the generic, retryable failure.
      return 'unknown';
  }
}

/** What a 400/422 without a body code most likely means, given which input the method sent. */
function refusedInputCode(method: AdapterMethod): TwoFactorErrorCode {
  switch (method) {
    case 'verifyEmailCode':
    case 'verifyPhoneCode':
      return 'invalid_code';
    case 'sendPhoneCode':
      return 'invalid_phone_number';
    case 'sendEmailCode':
    case 'getTwoFactorStatus':
    case 'resetPhone':
    case 'acknowledgeRecoveryCode':
    case 'disableTwoFactor':
      return 'unknown';
    default: {
      const unreachable: never = method;
      return unreachable;
    }
  }
}

/**
 * `Retry-After` as whole seconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Cross-origin, the server must list it in `Access-Control-Expose-Headers` for the browser to show it.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function abortError(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  return isAbortError(reason) ? reason : new DOMException('The operation was aborted.', 'AbortError');
}
