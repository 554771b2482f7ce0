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

/**
 * The adapter over the REST API documented in docs/rest-api.md (docs/openapi.yaml). Codes and
 * phone numbers travel only in JSON bodies, never in URLs, so they stay out of access logs,
 * proxies and browser history. Success bodies are checked by hand; anything unexpected becomes
 * `unknown` rather than half-filled data, and no response body is ever copied into an error
 * (it may hold a recovery code).
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

/** A parsed response body: nothing, JSON, or something that is not JSON (an HTML error page…). */
type ResponseBody = { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'invalid' };

interface Route {
  /** Which adapter method this is, to pick the fallback error for a refused input. */
  method: AdapterMethod;
  http: HttpMethod;
  path: string;
}

const ROUTES = {
  sendEmailCode: { method: 'sendEmailCode', http: 'POST', path: '/email-code' },
  verifyEmailCode: { method: 'verifyEmailCode', http: 'POST', path: '/email-code/verify' },
  getTwoFactorStatus: { method: 'getTwoFactorStatus', http: 'GET', path: '/status' },
  resetPhone: { method: 'resetPhone', http: 'DELETE', path: '/phone' },
  sendPhoneCode: { method: 'sendPhoneCode', http: 'POST', path: '/phone/code' },
  verifyPhoneCode: { method: 'verifyPhoneCode', http: 'POST', path: '/phone/verify' },
  disableTwoFactor: { method: 'disableTwoFactor', http: 'DELETE', path: '/two-factor' },
} as const satisfies { [M in AdapterMethod]: Route & { method: M } };

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

  /** One round trip: resolves with the parsed body of a 2xx answer, rejects with a TwoFactorError or an AbortError. */
  async function send(route: Route, signal: AbortSignal, body?: Record<string, string>): Promise<ResponseBody> {
    if (signal.aborted) throw abortError(signal);
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
    const label = `${route.http} ${route.path}`;

    try {
      const headers = await buildHeaders(body !== undefined);
      if (signal.aborted) throw abortError(signal);
      let status: number;
      let responseHeaders: Headers;
      let text: string;
      try {
        const fetchImpl = customFetch ?? globalThis.fetch;
        const response = await fetchImpl(baseUrl + route.path, {
          method: route.http,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          credentials,
          // Answers carry account state (and once, a recovery code): never from or into a cache.
          cache: 'no-store',
          signal: controller.signal,
        });
        status = response.status;
        responseHeaders = response.headers;
        text = await response.text();
      } catch (thrown) {
        if (signal.aborted) throw isAbortError(thrown) ? thrown : abortError(signal);
        if (timedOut) {
          throw new TwoFactorError('network', { message: `${label}: no answer within ${timeoutMs} ms`, cause: thrown });
        }
        // fetch rejects only with a TypeError (offline, DNS, refused, CORS), or an abort handled above.
        throw new TwoFactorError('network', { message: `${label}: request failed`, cause: thrown });
      }

      const parsed = parseBody(text);
      if (status >= 200 && status < 300) return parsed;
      throw errorFromResponse(route, status, responseHeaders, parsed);
    } finally {
      if (timer !== null) clearTimeout(timer);
      signal.removeEventListener('abort', onCallerAbort);
    }
  }

  /** A 2xx answer that is not the documented shape (an HTML page from a wrong baseUrl, a missing field). */
  function malformed(route: Route): TwoFactorError {
    // The body is deliberately not attached: it might hold a recovery code.
    return new TwoFactorError('unknown', { message: `${route.http} ${route.path}: malformed response body` });
  }

  /** For answers whose body is not used: anything but a non-JSON body counts as success. */
  function expectNothing(route: Route, body: ResponseBody): void {
    if (body.kind === 'invalid') throw malformed(route);
  }

  return {
    async sendEmailCode({ signal }: AdapterRequest): Promise<SendEmailCodeResult> {
      const route = ROUTES.sendEmailCode;
      const body = await send(route, signal, {});
      const value = body.kind === 'json' ? body.value : undefined;
      if (!isRecord(value) || typeof value.maskedEmail !== 'string' || value.maskedEmail === '') throw malformed(route);
      const hints = readCodeHints(value);
      if (hints === null) throw malformed(route);
      return { maskedEmail: value.maskedEmail, ...hints };
    },

    async verifyEmailCode({ signal, code }: VerifyEmailCodeRequest): Promise<void> {
      const route = ROUTES.verifyEmailCode;
      expectNothing(route, await send(route, signal, { code }));
    },

    async getTwoFactorStatus({ signal }: AdapterRequest): Promise<TwoFactorStatus> {
      const route = ROUTES.getTwoFactorStatus;
      const body = await send(route, signal);
      const value = body.kind === 'json' ? body.value : undefined;
      if (!isRecord(value) || typeof value.canDisable !== 'boolean') throw malformed(route);
      const phone = value.phone;
      if (phone === null) return { phone: null, canDisable: value.canDisable };
      if (!isRecord(phone) || typeof phone.maskedNumber !== 'string' || phone.maskedNumber === '') {
        throw malformed(route);
      }
      return { phone: { maskedNumber: phone.maskedNumber }, canDisable: value.canDisable };
    },

    async resetPhone({ signal }: AdapterRequest): Promise<void> {
      const route = ROUTES.resetPhone;
      expectNothing(route, await send(route, signal));
    },

    async sendPhoneCode({ signal, phoneNumber, channel }: SendPhoneCodeRequest): Promise<SendPhoneCodeResult> {
      const route = ROUTES.sendPhoneCode;
      const body = await send(route, signal, { phoneNumber, channel });
      // 202/204 with no body is fine here: both hints are optional.
      if (body.kind === 'empty') return {};
      if (body.kind === 'invalid' || !isRecord(body.value)) throw malformed(route);
      const hints = readCodeHints(body.value);
      if (hints === null) throw malformed(route);
      return hints;
    },

    async verifyPhoneCode({ signal, phoneNumber, code }: VerifyPhoneCodeRequest): Promise<VerifyPhoneCodeResult> {
      const route = ROUTES.verifyPhoneCode;
      const body = await send(route, signal, { phoneNumber, code });
      const value = body.kind === 'json' ? body.value : undefined;
      if (!isRecord(value) || typeof value.recoveryCode !== 'string' || value.recoveryCode.trim() === '') {
        throw malformed(route);
      }
      return { recoveryCode: value.recoveryCode };
    },

    async disableTwoFactor({ signal }: AdapterRequest): Promise<void> {
      const route = ROUTES.disableTwoFactor;
      expectNothing(route, await send(route, signal));
    },
  };
}

function parseBody(text: string): ResponseBody {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid' };
  }
}

/** The optional `resendAfterSeconds` / `codeLength` of a send; `null` when present but wrong. */
function readCodeHints(value: Record<string, unknown>): SendPhoneCodeResult | null {
  const hints: SendPhoneCodeResult = {};
  const { resendAfterSeconds, codeLength } = value;
  if (resendAfterSeconds !== undefined && resendAfterSeconds !== null) {
    if (!isNonNegativeNumber(resendAfterSeconds)) return null;
    hints.resendAfterSeconds = resendAfterSeconds;
  }
  if (codeLength !== undefined && codeLength !== null) {
    if (typeof codeLength !== 'number' || !Number.isInteger(codeLength) || codeLength < 1 || codeLength > 64) {
      return null;
    }
    hints.codeLength = codeLength;
  }
  return hints;
}

/**
 * Maps a non-2xx answer to the error vocabulary. A recognised `error.code` in the body wins; the
 * status decides otherwise (table in docs/rest-api.md).
 */
function errorFromResponse(route: Route, status: number, headers: Headers, body: ResponseBody): TwoFactorError {
  const detail = readErrorBody(body);
  const code = detail.code ?? codeForStatus(route.method, status);
  const retryAfterSeconds = detail.retryAfterSeconds ?? parseRetryAfter(headers.get('Retry-After'));
  const serverMessage = detail.message === undefined ? '' : `: ${detail.message.slice(0, MAX_MESSAGE_LENGTH)}`;
  return new TwoFactorError(code, {
    message: `${route.http} ${route.path} answered ${status}${serverMessage}`,
    retryAfterSeconds,
    attemptsRemaining: detail.attemptsRemaining,
  });
}

interface ErrorDetail {
  code?: TwoFactorErrorCode;
  message?: string;
  retryAfterSeconds?: number;
  attemptsRemaining?: number;
}

/** Reads `{ error: { code, message?, retryAfterSeconds?, attemptsRemaining? } }` (or `{ error: 'code' }`). */
function readErrorBody(body: ResponseBody): ErrorDetail {
  if (body.kind !== 'json' || !isRecord(body.value)) return {};
  const error = body.value.error;
  if (isTwoFactorErrorCode(error)) return { code: error };
  if (!isRecord(error)) return {};
  const detail: ErrorDetail = {};
  if (isTwoFactorErrorCode(error.code)) detail.code = error.code;
  if (typeof error.message === 'string' && error.message !== '') detail.message = error.message;
  if (isNonNegativeNumber(error.retryAfterSeconds)) detail.retryAfterSeconds = error.retryAfterSeconds;
  if (isNonNegativeNumber(error.attemptsRemaining)) detail.attemptsRemaining = error.attemptsRemaining;
  return detail;
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
