import type {
  AdapterMethod,
  SendPhoneCodeRequest,
  TwoFactorAdapter,
  VerifyPhoneCodeRequest,
} from '../core/adapter';
import { TwoFactorError, abortError, isAbortError, isTwoFactorErrorCode } from '../core/errors';
import type { TwoFactorErrorCode } from '../core/errors';
import {
  codeHints,
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

/** JSON request body. */
type Body = Record<string, string | boolean>;

/** Every field any method's request may carry (each method reads its own). */
type AnyRequest = SendPhoneCodeRequest & VerifyPhoneCodeRequest;

/**
 * One method's route (docs/rest-api.md): HTTP method, path under `baseUrl`, what a 400/422 whose
 * body names no known code means for the input this method sends, the JSON body, and the answer:
 * checked with the guards the hooks apply to any adapter (core/results.ts) and copied without the
 * fields the contract does not name; `undefined` when it is not the documented shape. A method
 * without an answer resolves with nothing.
 */
type Route = readonly [
  HttpMethod,
  string,
  TwoFactorErrorCode,
  ((request: AnyRequest) => Body)?,
  ((value: unknown) => unknown)?,
];

const ROUTES: { readonly [M in AdapterMethod]: Route } = {
  sendEmailCode: [
    'POST',
    '/email-code',
    'unknown',
    () => ({}),
    (value) => (isSendEmailCodeResult(value) ? { maskedEmail: value.maskedEmail, ...codeHints(value) } : undefined),
  ],
  verifyEmailCode: ['POST', '/email-code/verify', 'invalid_code', ({ code }) => ({ code })],
  getTwoFactorStatus: [
    'GET',
    '/status',
    'unknown',
    undefined,
    (value) =>
      isTwoFactorStatus(value)
        ? { phone: value.phone && { maskedNumber: value.phone.maskedNumber }, canDisable: value.canDisable }
        : undefined,
  ],
  resetPhone: ['DELETE', '/phone', 'unknown'],
  sendPhoneCode: [
    'POST',
    '/phone/code',
    'invalid_phone_number',
    ({ phoneNumber, channel }) => ({ phoneNumber, channel }),
    // No body (202/204: both hints are optional), or the hints.
    (value) => (value === undefined ? {} : isSendPhoneCodeResult(value) ? codeHints(value) : undefined),
  ],
  verifyPhoneCode: [
    'POST',
    '/phone/verify',
    'invalid_code',
    ({ phoneNumber, code, replacesCurrent }) => ({ phoneNumber, code, replacesCurrent: replacesCurrent === true }),
    (value) => (isVerifyPhoneCodeResult(value) ? { recoveryCode: value.recoveryCode } : undefined),
  ],
  acknowledgeRecoveryCode: ['POST', '/phone/recovery-code/acknowledge', 'unknown', () => ({})],
  disableTwoFactor: ['DELETE', '/two-factor', 'unknown'],
};

/**
 * The error for a status whose body named no known code (table in docs/rest-api.md); 400 and 422
 * depend on the method, anything else unlisted (404: a wrong baseUrl, 500…) is `unknown`, the
 * generic, retryable failure.
 */
const STATUS_CODES: Readonly<Record<number, TwoFactorErrorCode>> = {
  401: 'reverification_required',
  403: 'reverification_required',
  // Transient on the way to the server (gateway, overload, maintenance): worth retrying.
  408: 'network',
  502: 'network',
  503: 'network',
  504: 'network',
  // 409: the code was superseded by a newer one or none is pending; 410: it expired. Either way
  // the user needs a new code.
  409: 'expired_code',
  410: 'expired_code',
  423: 'too_many_attempts',
  429: 'rate_limited',
};

/** A body that is not JSON (an HTML error page…). */
const NOT_JSON: unique symbol = Symbol('not JSON');

/** Longest server `message` kept in an error, so a runaway body cannot bloat logs. */
const MAX_MESSAGE_LENGTH = 200;

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

  const adapter = {} as Record<AdapterMethod, (request: AnyRequest) => Promise<unknown>>;
  for (const method of Object.keys(ROUTES) as AdapterMethod[]) {
    const [http, path, refused, toBody, toAnswer] = ROUTES[method];
    const label = `${http} ${path}`;

    /**
     * One round trip: resolves with the checked answer of a 2xx (nothing for a method without
     * one), rejects with a TwoFactorError or an AbortError.
     */
    adapter[method] = async (request) => {
      const { signal } = request;
      if (signal.aborted) throw abortError(signal.reason);
      const body = toBody ? JSON.stringify(toBody(request)) : undefined;
      // Aborted by the caller or by the timeout: `signal.aborted` tells which.
      const controller = new AbortController();
      const abortFetch = (): void => controller.abort();
      signal.addEventListener('abort', abortFetch);
      const timer = Number.isFinite(timeoutMs) && timeoutMs > 0 ? setTimeout(abortFetch, timeoutMs) : undefined;

      try {
        let extra: HeadersInit | undefined;
        try {
          extra = typeof headersOption === 'function' ? await headersOption() : headersOption;
        } catch (thrown) {
          throw new TwoFactorError('unknown', { message: 'The `headers` function failed', cause: thrown });
        }
        // The host's headers, with JSON accepted unless they ask for something else.
        const headers = new Headers(extra);
        if (!headers.has('Accept')) headers.set('Accept', 'application/json');
        if (body !== undefined) headers.set('Content-Type', 'application/json');
        if (signal.aborted) throw abortError(signal.reason);
        let response: Response;
        let text: string;
        try {
          response = await (customFetch ?? globalThis.fetch)(baseUrl + path, {
            method: http,
            headers,
            body,
            credentials,
            // Answers carry account state (and once, a recovery code): never from or into a cache.
            cache: 'no-store',
            // A followed redirect would send the body (a code, a number) again to wherever it points.
            redirect: 'manual',
            signal: controller.signal,
          });
          text = await response.text();
        } catch (thrown) {
          if (signal.aborted) throw isAbortError(thrown) ? thrown : abortError(signal.reason);
          // fetch rejects only with a TypeError (offline, DNS, refused, CORS), or an abort: ours,
          // at the timeout.
          const message = controller.signal.aborted ? `no answer within ${timeoutMs} ms` : 'request failed';
          throw new TwoFactorError('network', { message: `${label}: ${message}`, cause: thrown });
        }

        const { status } = response;
        // Browsers answer a redirect that is not followed with an opaque response of status 0.
        if (response.type === 'opaqueredirect' || (status >= 300 && status <= 399)) {
          throw new TwoFactorError('unknown', { message: `${label}: redirect not followed` });
        }
        // The body as JSON: `undefined` when empty, `NOT_JSON` when it does not parse.
        let parsed: unknown = NOT_JSON;
        try {
          parsed = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
        } catch {
          // Stays NOT_JSON.
        }
        if (!response.ok) {
          // A recognised code in the body (`{ error: { code, message?, retryAfterSeconds?,
          // attemptsRemaining? } }` or `{ error: 'code' }`) wins; the status decides otherwise.
          // TwoFactorError drops hints that are not believable numbers.
          const error = isRecord(parsed) ? parsed.error : undefined;
          const { code, message, retryAfterSeconds, attemptsRemaining }: Record<string, unknown> = isRecord(error)
            ? error
            : { code: error };
          const serverMessage = typeof message === 'string' && message !== '' ? `: ${message.slice(0, MAX_MESSAGE_LENGTH)}` : '';
          throw new TwoFactorError(
            isTwoFactorErrorCode(code) ? code : status === 400 || status === 422 ? refused : (STATUS_CODES[status] ?? 'unknown'),
            {
              message: `${label} answered ${status}${serverMessage}`,
              retryAfterSeconds: isNonNegativeNumber(retryAfterSeconds)
                ? retryAfterSeconds
                : parseRetryAfter(response.headers.get('Retry-After')),
              attemptsRemaining: attemptsRemaining as number | undefined,
            },
          );
        }
        // A 2xx body of another shape (a wrong baseUrl, a renamed field; not JSON at all, which no
        // check accepts) is `unknown` rather than half-filled data; a method without an answer
        // only needs the body to be JSON or empty. The body is deliberately not attached: it might
        // hold a recovery code.
        const answer = toAnswer?.(parsed);
        if (toAnswer ? answer === undefined : parsed === NOT_JSON) {
          throw new TwoFactorError('unknown', { message: `${label}: malformed response body` });
        }
        return answer;
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', abortFetch);
      }
    };
  }
  return adapter as unknown as FetchAdapter;
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
