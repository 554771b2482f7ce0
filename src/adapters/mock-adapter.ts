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
import { TwoFactorError, abortError, callSafely } from '../core/errors';
import { maskEmail, maskPhoneNumber } from '../core/mask';

/**
 * An in-memory backend for Storybook, demos and tests. It behaves like a careful real one: codes
 * expire, wrong codes count down to a lockout, resends are rate limited, and everything after the
 * email step-up is refused until the emailed code verifies. The current phone stays until a new
 * number verifies with `replacesCurrent: true` (swap on verify; `false` is refused while a phone
 * exists), and a verify repeated with the same number and code answers the same recovery code
 * until it is acknowledged or 15 minutes pass (lost-answer recovery). Codes live only in this
 * object (it is a development tool); it never logs.
 */

/** The request each adapter method receives, by method name. */
export interface MockRequestMap {
  /** Only the signal. */
  sendEmailCode: AdapterRequest;
  /** The typed email code. */
  verifyEmailCode: VerifyEmailCodeRequest;
  /** Only the signal. */
  getTwoFactorStatus: AdapterRequest;
  /** Only the signal. */
  resetPhone: AdapterRequest;
  /** The new number and the channel. */
  sendPhoneCode: SendPhoneCodeRequest;
  /** The new number and the typed code. */
  verifyPhoneCode: VerifyPhoneCodeRequest;
  /** Only the signal. */
  acknowledgeRecoveryCode: AdapterRequest;
  /** Only the signal. */
  disableTwoFactor: AdapterRequest;
}

/**
 * A scripted failure for one method: either a queue (each entry is used by one call, in order;
 * `undefined` lets that call through; once the queue is empty calls behave normally), or a function
 * asked on every call that returns the error to reject with, or `undefined` to proceed.
 */
export type MockFailureScript<M extends AdapterMethod> =
  | ReadonlyArray<Error | undefined>
  | ((request: MockRequestMap[M]) => Error | undefined);

/** Scripted failures by method name. */
export type MockFailures = { [M in AdapterMethod]?: MockFailureScript<M> };

export interface MockAdapterOptions {
  /**
   * The account email the step-up code goes to (shown masked).
   * @default 'jane.doe@example.com'
   */
  email?: string;
  /**
   * The phone currently receiving 2FA codes, E.164, or `null` for none yet.
   * @default '+14155550123'
   */
  phoneNumber?: string | null;
  /**
   * Whether 2FA may be disabled (free-trial accounts).
   * @default false
   */
  canDisable?: boolean;
  /**
   * Whether the adapter has `disableTwoFactor` at all.
   * @default true
   */
  supportsDisable?: boolean;
  /**
   * Whether the email step-up is already done, for stories that start past the gate.
   * @default false
   */
  emailVerified?: boolean;
  /**
   * Simulated round-trip time of every call, in milliseconds. Aborting the signal during it rejects
   * with an `AbortError`.
   * @default 0
   */
  latencyMs?: number;
  /**
   * The code every email, SMS and call carries. Tests and stories pass one; without it each send
   * makes a new random code.
   * @default undefined (random digits)
   */
  code?: string;
  /**
   * Digits in a random code, and the `codeLength` the sends report.
   * @default the length of `code`, else 6
   */
  codeLength?: number;
  /**
   * Seconds after a send before another send to the same destination is accepted.
   * @default 30
   */
  resendAfterSeconds?: number;
  /**
   * Seconds a code stays valid after it is sent.
   * @default 600
   */
  codeTtlSeconds?: number;
  /**
   * Wrong entries allowed per code; the last one fails with `too_many_attempts` and burns the code.
   * @default 5
   */
  maxAttempts?: number;
  /**
   * The recovery code `verifyPhoneCode` returns. Without it each success makes a new one like
   * `ABCD-EFGH-JKMN-PQRS`, from letters and digits that cannot be mistaken for one another.
   * @default undefined (generated)
   */
  recoveryCode?: string;
  /**
   * Failures to inject, by method, e.g.
   * `{ sendPhoneCode: [new TwoFactorError('rate_limited', { retryAfterSeconds: 30 })] }`.
   * @default {}
   */
  failures?: MockFailures;
}

/** A message the mock "sent", for a dev inbox. */
export interface MockMessage {
  /** Unique within this adapter, e.g. `msg-3`. */
  id: string;
  /** How it was delivered. */
  kind: 'email' | 'sms' | 'call';
  /** The masked email, or the E.164 number. */
  to: string;
  /** The code it carries. */
  code: string;
  /** When it was sent, epoch milliseconds. */
  sentAt: number;
  /** The message as the user would read (or hear) it. */
  text: string;
}

/** What a `subscribe` listener receives. */
export interface MockInboxChange {
  /** The new message, or `null` when `reset()` cleared the inbox. */
  message: MockMessage | null;
  /** All messages so far (the same array `messages` returns). */
  messages: readonly MockMessage[];
}

/** The mock backend's state, for assertions and dev panels. */
export interface MockAdapterState {
  /** The phone receiving 2FA codes, E.164, or `null`. */
  phoneNumber: string | null;
  /** True while a phone receives 2FA codes. */
  twoFactorEnabled: boolean;
  /** Whether the email step-up has been passed. */
  emailVerified: boolean;
  /** Whether 2FA may be disabled. */
  canDisable: boolean;
}

/** The adapter plus the extras a dev inbox and tests need. */
export interface MockAdapter extends TwoFactorAdapter {
  /** Every message sent so far, oldest first. The array is replaced (never mutated) on change. */
  readonly messages: readonly MockMessage[];
  /** Names of the methods called so far, in order (never their arguments). */
  readonly calls: readonly AdapterMethod[];
  /** Calls `listener` on every new message and on `reset()`. Returns the unsubscribe function. */
  subscribe(listener: (change: MockInboxChange) => void): () => void;
  /** A snapshot of the backend's state. */
  getState(): MockAdapterState;
  /** Back to the initial options: state, messages, calls and failure queues. Listeners stay. */
  reset(): void;
}

/** A method's scripted failures while the adapter runs: its own copy of a queue, or the function. */
type FailureScript = Array<Error | undefined> | ((request: AdapterRequest) => Error | undefined);

interface PendingCode {
  code: string;
  expiresAt: number;
  failedAttempts: number;
}

interface PendingPhoneCode extends PendingCode {
  phoneNumber: string;
}

/** How long a verify's answer can be replayed (same number and code) before it is acknowledged. */
const RECOVERY_REPLAY_MS = 15 * 60 * 1000;

interface VerifiedAnswer {
  phoneNumber: string;
  code: string;
  recoveryCode: string;
  expiresAt: number;
}

const DEFAULT_EMAIL = 'jane.doe@example.com';
const DEFAULT_PHONE = '+14155550123';
const E164 = /^\+[1-9]\d{6,14}$/;
// No 0/O, 1/I/L: a recovery code is copied by hand from paper.
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * Creates an in-memory adapter.
 *
 * @example
 * const adapter = createMockAdapter({ code: '123456', phoneNumber: null, latencyMs: 400 });
 * <TwoFactorPhoneWizard adapter={adapter} onComplete={goToDashboard} />
 */
export function createMockAdapter(options: MockAdapterOptions = {}): MockAdapter {
  const email = options.email ?? DEFAULT_EMAIL;
  const initialPhone = options.phoneNumber === undefined ? DEFAULT_PHONE : options.phoneNumber;
  const canDisable = options.canDisable ?? false;
  const latencyMs = options.latencyMs ?? 0;
  const fixedCode = options.code;
  const codeLength = options.codeLength ?? fixedCode?.length ?? 6;
  const resendAfterSeconds = Math.max(0, options.resendAfterSeconds ?? 30);
  const codeTtlMs = Math.max(0, options.codeTtlSeconds ?? 600) * 1000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const failureScripts: MockFailures = options.failures ?? {};

  // The backend's state; `reset()` puts all of it back with `restart()`.
  let phoneNumber: string | null;
  let emailVerified: boolean;
  let emailCode: PendingCode | null;
  let phoneCode: PendingPhoneCode | null;
  // The last successful verify, answered again to the same request until acknowledged.
  let lastVerified: VerifiedAnswer | null;
  // Resend cooldowns per destination ('email', or the E.164 number and channel): epoch ms of the
  // next allowed send.
  let nextSendAt: Map<string, number>;
  let messages: readonly MockMessage[];
  let calls: readonly AdapterMethod[];
  // The scripted failures: a copy of each queue (a call takes its entry off the front), functions as given.
  let failureQueues: Partial<Record<AdapterMethod, FailureScript>>;

  /** State, messages, calls and failure queues as the options describe them. */
  function restart(): void {
    phoneNumber = initialPhone;
    emailVerified = options.emailVerified ?? false;
    emailCode = phoneCode = lastVerified = null;
    nextSendAt = new Map();
    messages = [];
    calls = [];
    failureQueues = {};
    for (const [method, script] of Object.entries(failureScripts)) {
      failureQueues[method as AdapterMethod] = Array.isArray(script) ? [...script] : (script as FailureScript);
    }
  }
  restart();
  const listeners = new Set<(change: MockInboxChange) => void>();

  function notify(message: MockMessage | null): void {
    const change: MockInboxChange = { message, messages };
    // A broken inbox must not break the backend; its throw still surfaces, on its own task.
    for (const listener of [...listeners]) callSafely(() => listener(change));
  }


  /** Throws `rate_limited` while the destination's cooldown runs; otherwise starts a new one. */
  function startCooldown(destination: string, now: number): void {
    const allowedAt = nextSendAt.get(destination);
    if (allowedAt !== undefined && now < allowedAt) {
      throw new TwoFactorError('rate_limited', {
        message: 'A code was sent moments ago',
        retryAfterSeconds: Math.ceil((allowedAt - now) / 1000),
      });
    }
    nextSendAt.set(destination, now + resendAfterSeconds * 1000);
  }

  /** Checks a typed code against a pending one, counting wrong attempts. Throws on any mismatch. */
  function checkCode(pending: PendingCode | null, typed: string, now: number): void {
    if (pending === null || now >= pending.expiresAt) {
      throw new TwoFactorError('expired_code', { message: 'No valid code: request a new one' });
    }
    // Once the attempts are used up the code is dead, even for the right digits.
    if (pending.failedAttempts < maxAttempts) {
      if (typed === pending.code) return;
      pending.failedAttempts += 1;
    }
    const attemptsRemaining = maxAttempts - pending.failedAttempts;
    throw attemptsRemaining > 0
      ? new TwoFactorError('invalid_code', { attemptsRemaining })
      : new TwoFactorError('too_many_attempts', { message: 'This code is locked: request a new one' });
  }

  /** A new pending code for a send at `now`, delivered on `kind` to `to`. */
  function issueCode(kind: MockMessage['kind'], to: string, now: number): PendingCode {
    const code = fixedCode ?? randomSymbols(codeLength, '0123456789');
    // A call reads the digits one by one.
    const spoken = code.split('').join(', ');
    const message: MockMessage = {
      id: `msg-${messages.length + 1}`,
      kind,
      to,
      code,
      sentAt: now,
      // The message as the user would read (or hear) it.
      text:
        kind === 'sms'
          ? `${code} is your verification code. Never share it with anyone.`
          : kind === 'email'
            ? `Your verification code is ${code}. It expires soon. If you did not ask for it, you can ignore this email.`
            : `Your verification code is ${spoken}. Again: ${spoken}.`,
    };
    messages = [...messages, message];
    notify(message);
    return { code, expiresAt: now + codeTtlMs, failedAttempts: 0 };
  }

  /**
   * What each method does once the call is through: latency, abort, the call log, scripted
   * failures and (past the email step) the step-up check come first, for all of them alike.
   */
  const methods: { [M in AdapterMethod]: (request: MockRequestMap[M], now: number) => unknown } = {
    sendEmailCode(_request, now): SendEmailCodeResult {
      startCooldown('email', now);
      const maskedEmail = maskEmail(email);
      emailCode = issueCode('email', maskedEmail, now);
      return { maskedEmail, resendAfterSeconds, codeLength };
    },

    verifyEmailCode(request, now): void {
      checkCode(emailCode, request.code, now);
      emailCode = null;
      emailVerified = true;
    },

    getTwoFactorStatus(): TwoFactorStatus {
      return { phone: phoneNumber === null ? null : { maskedNumber: maskPhoneNumber(phoneNumber) }, canDisable };
    },

    resetPhone(): void {
      // Idempotent, like a DELETE: removing a phone that is already gone succeeds.
      phoneNumber = null;
    },

    sendPhoneCode({ phoneNumber: to, channel }, now): SendPhoneCodeResult {
      if (!E164.test(to)) {
        throw new TwoFactorError('invalid_phone_number', { message: 'Expected an E.164 number' });
      }
      // Per number and channel: a second SMS waits like a resend, but "Receive a call" right after
      // the SMS is the alternative the screen offers, so it goes through.
      startCooldown(`${to} ${channel}`, now);
      // One pending phone code at a time: sending to another number replaces it.
      phoneCode = { ...issueCode(channel, to, now), phoneNumber: to };
      return { resendAfterSeconds, codeLength };
    },

    verifyPhoneCode({ phoneNumber: to, code, replacesCurrent }, now): VerifyPhoneCodeResult {
      // Lost-answer recovery: the same verify again gets the same answer, without a second swap.
      if (lastVerified !== null && now < lastVerified.expiresAt && lastVerified.phoneNumber === to && lastVerified.code === code) {
        return { recoveryCode: lastVerified.recoveryCode };
      }
      if (replacesCurrent !== true && phoneNumber !== null) {
        // Never a silent replace: the client must say it means to swap the current phone.
        throw new TwoFactorError('unknown', { message: 'The account has a phone: verify with replacesCurrent' });
      }
      // A code proves control of the number it went to, and only that one.
      checkCode(phoneCode?.phoneNumber === to ? phoneCode : null, code, now);
      phoneCode = null;
      // One step: the new number becomes the 2FA phone, the old one is retired, a new code issued.
      phoneNumber = to;
      // Four groups of four, like ABCD-EFGH-JKMN-PQRS.
      const recoveryCode = options.recoveryCode ?? [1, 2, 3, 4].map(() => randomSymbols(4, RECOVERY_ALPHABET)).join('-');
      lastVerified = { phoneNumber: to, code, recoveryCode, expiresAt: now + RECOVERY_REPLAY_MS };
      return { recoveryCode };
    },

    acknowledgeRecoveryCode(): void {
      lastVerified = null;
    },

    disableTwoFactor(): void {
      if (!canDisable) {
        // Not in the UI's vocabulary on purpose: the UI only offers this when `canDisable`.
        throw new TwoFactorError('unknown', { message: 'Two-factor authentication is mandatory on this account' });
      }
      phoneNumber = phoneCode = lastVerified = null;
    },
  };

  // The extras a dev inbox and tests need; the adapter methods are added below, one per entry of
  // `methods`, as the fetch adapter builds its own.
  const adapter: Record<string, unknown> = {
    get messages() {
      return messages;
    },
    get calls() {
      return calls;
    },

    subscribe(listener: (change: MockInboxChange) => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    getState(): MockAdapterState {
      return { phoneNumber, twoFactorEnabled: phoneNumber !== null, emailVerified, canDisable };
    },

    reset() {
      restart();
      notify(null);
    },
  };

  for (const method of Object.keys(methods) as AdapterMethod[]) {
    // Without `supportsDisable` the adapter has no `disableTwoFactor` at all.
    if (method === 'disableTwoFactor' && !(options.supportsDisable ?? true)) continue;
    adapter[method] = async (request: AdapterRequest): Promise<unknown> => {
      calls = [...calls, method];
      await wait(latencyMs, request.signal);
      // A scripted failure: the function's answer, or the queue's next entry.
      const script = failureQueues[method];
      const scripted = typeof script === 'function' ? script(request) : script?.shift();
      if (scripted) throw scripted;
      // Everything after the email step-up is refused until the emailed code verifies.
      if (!emailVerified && method !== 'sendEmailCode' && method !== 'verifyEmailCode') {
        throw new TwoFactorError('reverification_required', { message: 'Verify the emailed code first' });
      }
      return (methods[method] as (request: AdapterRequest, now: number) => unknown)(request, Date.now());
    };
  }

  return adapter as unknown as MockAdapter;
}

/**
 * Resolves after `ms`, or rejects with an `AbortError` as soon as `signal` aborts. No timer at all
 * without latency, so tests on fake timers need not advance the clock.
 */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    if (signal.aborted) return onAbort();
    if (ms <= 0) return resolve();
    timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort);
  });
}

/**
 * `count` symbols drawn at random from `alphabet`. The modulo bias of 32-bit values over an
 * alphabet of at most 31 symbols is below 1 in 100 million: invisible in a development backend.
 */
function randomSymbols(count: number, alphabet: string): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(count)), (value) => alphabet.charAt(value % alphabet.length)).join('');
}
