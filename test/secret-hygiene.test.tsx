import { StrictMode } from 'react';
import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import {
  TwoFactorError,
  TwoFactorPhoneWizard,
  createMockAdapter,
  en,
  useCodeVerification,
  useEmailCodeGate,
  usePhoneEntry,
  useResetPhone,
  useTwoFactorSection,
} from '../src';
import type {
  AdapterMethod,
  BaseHookOptions,
  MockAdapter,
  MockAdapterOptions,
  TwoFactorAdapter,
  TwoFactorPhoneWizardProps,
} from '../src';
import { createDeferredAdapter } from './deferred-adapter';
import { findAlertDialog } from './find-alert-dialog';

/**
 * Codes are secrets. After a complete flow, and after every failure path, none of the email code,
 * the phone code or the recovery code (nor a wrong code the user typed) may be found in Web
 * Storage, cookies, the URL, `history.state`, anything written to the console, or any argument
 * the host's callbacks received — including what was written and removed again along the way.
 */

const RECOVERY_CODE = 'RCVR-7Q4K-M2XZ-9PTW';
const MASKED_EMAIL = 'j•••@example.com';

type User = ReturnType<typeof userEvent.setup>;

// ---------------------------------------------------------------------------------------------
// Everything a secret could leak into, recorded as it happens
// ---------------------------------------------------------------------------------------------

interface Sinks {
  /** Calls of `Storage.prototype.setItem` (local and session), which still write. */
  storageWrites: { mock: { calls: unknown[][] } };
  pushState: { mock: { calls: unknown[][] } };
  replaceState: { mock: { calls: unknown[][] } };
  cookieWrites: string[];
  console: unknown[][];
}

let sinks: Sinks;
const cookieDescriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  sinks = {
    storageWrites: vi.spyOn(Storage.prototype, 'setItem'),
    pushState: vi.spyOn(window.history, 'pushState'),
    replaceState: vi.spyOn(window.history, 'replaceState'),
    cookieWrites: [],
    console: [],
  };
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'table', 'dir'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      sinks.console.push([method, ...args]);
    });
  }
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => cookieDescriptor?.get?.call(document) as string,
    set: (value: string) => {
      sinks.cookieWrites.push(value);
      cookieDescriptor?.set?.call(document, value);
    },
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  // Back to the prototype's accessor.
  delete (document as { cookie?: string }).cookie;
});

/**
 * Every string inside a value: object keys and values, recursively; for an error also its hidden
 * own properties (message, stack, cause, anything an adapter attached), so a whole cause chain is
 * searched.
 */
function stringsIn(value: unknown, seen: Set<unknown> = new Set()): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'bigint') return [String(value)];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const found: string[] = [];
  if (value instanceof Error) {
    found.push(value.message, value.stack ?? '', ...stringsIn(value.cause, seen));
    for (const key of Object.getOwnPropertyNames(value)) {
      found.push(key, ...stringsIn((value as unknown as Record<string, unknown>)[key], seen));
    }
  }
  for (const [key, entry] of Object.entries(value)) found.push(key, ...stringsIn(entry, seen));
  return found;
}

function storageContents(storage: Storage): string[] {
  const found: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key !== null) found.push(key, storage.getItem(key) ?? '');
  }
  return found;
}

/** The wizard's host callbacks, as spies. */
interface HostCallbacks {
  onComplete: Mock<TwoFactorPhoneWizardProps['onComplete']>;
  onCancel: Mock<NonNullable<TwoFactorPhoneWizardProps['onCancel']>>;
  onStepChange: Mock<NonNullable<TwoFactorPhoneWizardProps['onStepChange']>>;
  onError: Mock<NonNullable<TwoFactorPhoneWizardProps['onError']>>;
}

/** Where each secret was found; an empty list is the goal. */
function leaksOf(secrets: ReadonlySet<string>, callbacks: HostCallbacks): string[] {
  const places: Record<string, string[]> = {
    localStorage: storageContents(localStorage),
    sessionStorage: storageContents(sessionStorage),
    'storage writes': stringsIn(sinks.storageWrites.mock.calls),
    cookies: [document.cookie, ...sinks.cookieWrites],
    location: [window.location.href],
    'history.state': stringsIn(window.history.state),
    'history writes': stringsIn([sinks.pushState.mock.calls, sinks.replaceState.mock.calls]),
    console: stringsIn(sinks.console),
  };
  for (const [name, callback] of Object.entries(callbacks)) places[`${name} arguments`] = stringsIn(callback.mock.calls);
  const leaks: string[] = [];
  for (const secret of secrets) {
    for (const [place, strings] of Object.entries(places)) {
      if (strings.some((text) => text.includes(secret))) leaks.push(`${secret} in ${place}`);
    }
  }
  return leaks;
}

// ---------------------------------------------------------------------------------------------
// The backend: the mock, with a way to make one call hang or answer in the wrong shape
// ---------------------------------------------------------------------------------------------

type Interception = { kind: 'hang' } | { kind: 'resolve'; value: unknown };

interface Backend {
  adapter: TwoFactorAdapter;
  mock: MockAdapter;
  /** The next call of `method` hangs or resolves with `value` instead of reaching the mock. */
  intercept: (method: AdapterMethod, interception: Interception) => void;
  /** Every code the backend sent so far (email, SMS, call). */
  sentCodes: () => string[];
}

function createBackend(options: MockAdapterOptions = {}): Backend {
  const mock = createMockAdapter({ resendAfterSeconds: 0, recoveryCode: RECOVERY_CODE, ...options });
  const pending = new Map<AdapterMethod, Interception>();

  function through<T>(method: AdapterMethod, call: () => Promise<T>): Promise<T> {
    const interception = pending.get(method);
    if (!interception) return call();
    pending.delete(method);
    if (interception.kind === 'hang') return new Promise<T>(() => {});
    return Promise.resolve(interception.value as T);
  }

  const adapter: TwoFactorAdapter = {
    sendEmailCode: (request) => through('sendEmailCode', () => mock.sendEmailCode(request)),
    verifyEmailCode: (request) => through('verifyEmailCode', () => mock.verifyEmailCode(request)),
    getTwoFactorStatus: (request) => through('getTwoFactorStatus', () => mock.getTwoFactorStatus(request)),
    resetPhone: (request) => through('resetPhone', () => mock.resetPhone!(request)),
    sendPhoneCode: (request) => through('sendPhoneCode', () => mock.sendPhoneCode(request)),
    verifyPhoneCode: (request) => through('verifyPhoneCode', () => mock.verifyPhoneCode(request)),
  };
  return {
    adapter,
    mock,
    intercept: (method, interception) => pending.set(method, interception),
    sentCodes: () => mock.messages.map((message) => message.code),
  };
}

function lastCode(backend: Backend, kind: 'email' | 'sms' | 'call'): string {
  const message = backend.mock.messages.filter((entry) => entry.kind === kind).at(-1);
  if (!message) throw new Error(`No ${kind} was sent`);
  return message.code;
}

/** A six-digit code that is not `code`, as a user's typo would be. */
function wrongCode(code: string): string {
  return code.split('').map((digit) => String((Number(digit) + 1) % 10)).join('');
}

function renderWizard(backend: Backend, timeoutMs?: number) {
  const callbacks: HostCallbacks = {
    onComplete: vi.fn(),
    onCancel: vi.fn(),
    onStepChange: vi.fn(),
    onError: vi.fn(),
  };
  const view = render(
    <StrictMode>
      <TwoFactorPhoneWizard adapter={backend.adapter} defaultCountry="US" timeoutMs={timeoutMs} {...callbacks} />
    </StrictMode>,
  );
  return { ...view, callbacks };
}

async function emailCodeArrives(backend: Backend, count: number): Promise<string> {
  await screen.findByText(en.emailGateSent(MASKED_EMAIL), { selector: '.tfa-lead' });
  await waitFor(() => expect(backend.mock.messages.filter((message) => message.kind === 'email')).toHaveLength(count));
  return lastCode(backend, 'email');
}

async function submitEmailCode(user: User, code: string): Promise<void> {
  const input = screen.getByLabelText(en.emailCodeLabel);
  await user.clear(input);
  await user.type(input, code);
  await user.click(screen.getByRole('button', { name: en.verify }));
}

async function typePhoneCode(user: User, code: string): Promise<void> {
  const input = await screen.findByLabelText(en.phoneCodeLabel);
  await user.clear(input);
  await user.type(input, code);
}

async function sendToNewNumber(user: User): Promise<void> {
  await user.type(await screen.findByLabelText(en.phoneLabel), '6502530000');
  await user.click(screen.getByRole('button', { name: en.sendSms }));
}

describe('secret hygiene', () => {
  it('finds a code in every place it looks (so the checks below can fail)', () => {
    const secret = '918273';
    const callbacks: HostCallbacks = { onComplete: vi.fn(), onCancel: vi.fn(), onStepChange: vi.fn(), onError: vi.fn() };
    localStorage.setItem('a', secret);
    localStorage.removeItem('a');
    sessionStorage.setItem(secret, 'b');
    document.cookie = `c=${secret}`;
    window.history.pushState({ code: secret }, '', `?code=${secret}`);
    console.info('code', Number(secret));
    callbacks.onError({ error: new TwoFactorError('unknown', { cause: new Error(`rejected ${secret}`) }) });
    expect(leaksOf(new Set([secret]), callbacks)).toEqual([
      `${secret} in sessionStorage`,
      `${secret} in storage writes`,
      `${secret} in cookies`,
      `${secret} in location`,
      `${secret} in history.state`,
      `${secret} in history writes`,
      `${secret} in console`,
      `${secret} in onError arguments`,
    ]);
    window.history.replaceState(null, '', '/');
    document.cookie = 'c=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('searches errors down to their stacks, hidden properties and cause chains (so the onError checks can fail)', () => {
    const secret = '918273';
    const renamed = new Error(`code ${secret} rejected`);
    // V8 writes the stack on its first read: one read before the message was redacted keeps the
    // code there, and only there.
    void renamed.stack;
    renamed.message = 'rejected';
    const attached = new Error('rejected');
    Object.defineProperty(attached, 'detail', { value: { body: `code ${secret}` }, enumerable: false });
    const chained = new TwoFactorError('unknown', {
      cause: new Error('wrapped', { cause: new Error(`rejected ${secret}`) }),
    });
    for (const error of [renamed, attached, chained]) {
      expect(stringsIn([{ error }]).some((text) => text.includes(secret))).toBe(true);
    }
  });

  it('leaves no code anywhere after a complete flow', async () => {
    const user = userEvent.setup();
    const backend = createBackend();
    const { callbacks } = renderWizard(backend);

    const emailCode = await emailCodeArrives(backend, 1);
    await submitEmailCode(user, emailCode);
    await user.click(await screen.findByRole('button', { name: en.edit }));
    await user.click(screen.getByRole('button', { name: en.reset }));
    const dialog = await findAlertDialog();
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: en.resetConfirm }));
    await user.click(await screen.findByRole('button', { name: en.addPhone }));
    await sendToNewNumber(user);
    await typePhoneCode(user, lastCode(backend, 'sms'));

    expect(await screen.findByRole('heading', { name: en.recoveryHeading })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: en.recoveryAcknowledge }));
    await user.click(screen.getByRole('button', { name: en.finish }));
    expect(callbacks.onComplete).toHaveBeenCalledTimes(1);

    const secrets = new Set([...backend.sentCodes(), RECOVERY_CODE]);
    expect(secrets.size).toBe(3);
    expect(callbacks.onStepChange.mock.calls.length).toBeGreaterThan(4);
    expect(leaksOf(secrets, callbacks)).toEqual([]);
    // Finish drops the recovery code from the page as well.
    expect(document.body.textContent).not.toContain(RECOVERY_CODE.slice(0, 4));
    // Seven steps of typing through jsdom: more than the default 5 s on a busy machine.
  }, 20_000);

  it('leaves no code anywhere after each failure on the way', async () => {
    const user = userEvent.setup();
    const backend = createBackend({
      phoneNumber: null,
      failures: {
        verifyEmailCode: [undefined, new TwoFactorError('network')],
        sendPhoneCode: [new TwoFactorError('rate_limited', { retryAfterSeconds: 0 })],
        verifyPhoneCode: [undefined, new TwoFactorError('reverification_required')],
      },
    });
    // Short, so the verify that never answers times out quickly; the mock answers in microtasks.
    const { callbacks } = renderWizard(backend, 500);
    const secrets = new Set<string>([RECOVERY_CODE]);
    const expectClean = (): void => {
      for (const code of backend.sentCodes()) secrets.add(code);
      expect(leaksOf(secrets, callbacks)).toEqual([]);
    };

    // A wrong email code (the backend's own invalid_code), then a network failure.
    const emailCode = await emailCodeArrives(backend, 1);
    secrets.add(wrongCode(emailCode));
    await submitEmailCode(user, wrongCode(emailCode));
    await screen.findByText(en.errors.invalid_code, { selector: '.tfa-field-error' });
    expectClean();
    await submitEmailCode(user, emailCode);
    await screen.findByText(en.errors.network, { selector: '.tfa-error' });
    expectClean();
    await user.click(screen.getByRole('button', { name: en.verify }));

    // A rate-limited send.
    await user.click(await screen.findByRole('button', { name: en.edit }));
    await user.click(screen.getByRole('button', { name: en.addPhone }));
    await sendToNewNumber(user);
    await screen.findByText(en.errors.rate_limited, { selector: '.tfa-error' });
    expectClean();
    await user.click(screen.getByRole('button', { name: en.sendSms }));

    // A wrong phone code, then the backend asking for a fresh step-up mid-verify.
    const phoneCode = lastCode(backend, 'sms');
    secrets.add(wrongCode(phoneCode));
    await typePhoneCode(user, wrongCode(phoneCode));
    await screen.findByText(en.errors.invalid_code, { selector: '.tfa-field-error' });
    expectClean();
    await typePhoneCode(user, phoneCode);
    const secondEmailCode = await emailCodeArrives(backend, 2);
    expectClean();
    await submitEmailCode(user, secondEmailCode);

    // A verify that never answers (timed out), then one whose answer hides the recovery code
    // under the wrong name: neither may carry it anywhere.
    backend.intercept('verifyPhoneCode', { kind: 'hang' });
    await typePhoneCode(user, phoneCode);
    await screen.findByText(en.errors.network, { selector: '.tfa-error' }, { timeout: 3000 });
    expectClean();
    const misplaced = 'MSPL-4CED-RCVR-C0DE';
    secrets.add(misplaced);
    backend.intercept('verifyPhoneCode', { kind: 'resolve', value: { recovery_code: misplaced } });
    await user.click(screen.getByRole('button', { name: en.verify }));
    await screen.findByText(en.errors.unknown, { selector: '.tfa-error' });
    expect(document.body.textContent).not.toContain(misplaced);
    expectClean();

    await user.click(screen.getByRole('button', { name: en.verify }));
    expect(await screen.findByRole('heading', { name: en.recoveryHeading })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: en.recoveryAcknowledge }));
    await user.click(screen.getByRole('button', { name: en.finish }));
    expectClean();
    // Every failure above reached the host, with codes from the vocabulary and nothing else.
    expect(callbacks.onError.mock.calls.map(([details]) => details.error.code)).toEqual([
      'invalid_code',
      'network',
      'rate_limited',
      'invalid_code',
      'reverification_required',
      'network',
      'unknown',
    ]);
  });

  it('leaves no code anywhere after cancelling with a code typed, or unmounting on the recovery step', async () => {
    const user = userEvent.setup();
    const backend = createBackend();
    const first = renderWizard(backend);
    const emailCode = await emailCodeArrives(backend, 1);
    await user.type(screen.getByLabelText(en.emailCodeLabel), emailCode);
    await user.click(screen.getByRole('button', { name: en.cancel }));
    expect(first.callbacks.onCancel).toHaveBeenCalledTimes(1);
    expect(leaksOf(new Set(backend.sentCodes()), first.callbacks)).toEqual([]);
    first.unmount();

    // The host mounts the wizard again over the same backend.
    const second = renderWizard(backend);
    const nextEmailCode = await emailCodeArrives(backend, 2);
    await submitEmailCode(user, nextEmailCode);
    await user.click(await screen.findByRole('button', { name: en.edit }));
    await user.click(screen.getByRole('button', { name: en.reset }));
    const dialog = await findAlertDialog();
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: en.resetConfirm }));
    await user.click(await screen.findByRole('button', { name: en.addPhone }));
    await sendToNewNumber(user);
    await typePhoneCode(user, lastCode(backend, 'sms'));
    expect(await screen.findByRole('heading', { name: en.recoveryHeading })).toBeInTheDocument();
    second.unmount();

    expect(second.callbacks.onComplete).not.toHaveBeenCalled();
    expect(leaksOf(new Set([...backend.sentCodes(), RECOVERY_CODE]), second.callbacks)).toEqual([]);
    expect(document.body.textContent).not.toContain(RECOVERY_CODE.slice(0, 4));
  });

  it('gives onError no code from an adapter’s raw error text, nor from a TwoFactorError whose message quotes it', async () => {
    const user = userEvent.setup();
    const code = '123456';
    let verifyCalls = 0;
    const backend = createBackend({
      code,
      failures: {
        verifyEmailCode: (request) => {
          verifyCalls += 1;
          if (verifyCalls === 1) return new Error(`code ${request.code} rejected`);
          if (verifyCalls === 2) {
            return new TwoFactorError('invalid_code', {
              message: `code ${request.code} is wrong`,
              attemptsRemaining: 2,
              cause: new Error(`backend said ${request.code}`),
            });
          }
          return undefined;
        },
      },
    });
    const { callbacks } = renderWizard(backend);

    expect(await emailCodeArrives(backend, 1)).toBe(code);
    await submitEmailCode(user, code);
    await screen.findByText(en.errors.unknown, { selector: '.tfa-error' });
    await user.click(screen.getByRole('button', { name: en.verify }));
    await screen.findByText(en.errors.invalid_code, { selector: '.tfa-field-error' });

    // The vocabulary and the hints arrive; the adapter's text and its cause chain do not.
    const errors = callbacks.onError.mock.calls.map(([details]) => details.error);
    expect(errors.every((error) => error instanceof TwoFactorError)).toBe(true);
    expect(errors.map(({ code: errorCode, message, attemptsRemaining, cause }) => ({ errorCode, message, attemptsRemaining, cause }))).toEqual([
      { errorCode: 'unknown', message: 'unknown', attemptsRemaining: undefined, cause: undefined },
      { errorCode: 'invalid_code', message: 'invalid_code', attemptsRemaining: 2, cause: undefined },
    ]);
    expect(leaksOf(new Set([code]), callbacks)).toEqual([]);
  });
});

describe('onError of each step hook used alone', () => {
  const code = '123456';
  const rawError = () => new Error(`code ${code} rejected`);
  const quotingError = () =>
    new TwoFactorError('invalid_code', { message: `code ${code} is wrong`, attemptsRemaining: 1, cause: rawError() });

  /** The strings anywhere in what `onError` received that quote the code. */
  function leaksIn(onError: Mock<NonNullable<BaseHookOptions['onError']>>): string[] {
    return stringsIn(onError.mock.calls).filter((text) => text.includes(code));
  }

  it('useEmailCodeGate reports the failure without the code', async () => {
    const fake = createDeferredAdapter();
    const onError = vi.fn<NonNullable<BaseHookOptions['onError']>>();
    const { result } = renderHook(() => useEmailCodeGate({ adapter: fake.adapter, sendOnMount: false, onError }));
    act(() => result.current.setCode(code));
    act(() => result.current.verify());
    await act(async () => fake.last('verifyEmailCode').reject(rawError()));
    act(() => result.current.verify());
    await act(async () => fake.last('verifyEmailCode').reject(quotingError()));
    expect(onError.mock.calls.map(([details]) => details.error.code)).toEqual(['unknown', 'invalid_code']);
    expect(onError.mock.calls[1]?.[0].error.attemptsRemaining).toBe(1);
    expect(leaksIn(onError)).toEqual([]);
  });

  it('useCodeVerification reports the failure without the code', async () => {
    const fake = createDeferredAdapter();
    const onError = vi.fn<NonNullable<BaseHookOptions['onError']>>();
    const { result } = renderHook(() =>
      useCodeVerification({ adapter: fake.adapter, phoneNumber: '+16502530000', autoSubmit: false, onError }),
    );
    act(() => result.current.setCode(code));
    act(() => result.current.verify());
    await act(async () => fake.last('verifyPhoneCode').reject(rawError()));
    act(() => result.current.verify());
    await act(async () => fake.last('verifyPhoneCode').reject(quotingError()));
    expect(onError.mock.calls.map(([details]) => details.error.code)).toEqual(['unknown', 'invalid_code']);
    expect(onError.mock.calls[1]?.[0].error.attemptsRemaining).toBe(1);
    expect(leaksIn(onError)).toEqual([]);
  });

  it('usePhoneEntry reports the failure without the adapter’s text', async () => {
    const fake = createDeferredAdapter();
    const onError = vi.fn<NonNullable<BaseHookOptions['onError']>>();
    const { result } = renderHook(() =>
      usePhoneEntry({ adapter: fake.adapter, defaultCountry: 'US', defaultPhoneNumber: '+16502530000', onError }),
    );
    act(() => result.current.sendCode());
    await waitFor(() => expect(fake.calls.sendPhoneCode).toHaveLength(1));
    await act(async () => fake.last('sendPhoneCode').reject(rawError()));
    expect(onError.mock.calls.map(([details]) => details.error.code)).toEqual(['unknown']);
    expect(leaksIn(onError)).toEqual([]);
  });

  it('useResetPhone reports the failure without the adapter’s text', async () => {
    const fake = createDeferredAdapter();
    const onError = vi.fn<NonNullable<BaseHookOptions['onError']>>();
    const { result } = renderHook(() =>
      useResetPhone({ adapter: fake.adapter, defaultOpen: true, resetTiming: 'immediate', onError }),
    );
    act(() => result.current.setAcknowledged(true));
    act(() => result.current.confirm());
    await act(async () => fake.last('resetPhone').reject(rawError()));
    expect(onError.mock.calls.map(([details]) => details.error.code)).toEqual(['unknown']);
    expect(leaksIn(onError)).toEqual([]);
  });

  it('useTwoFactorSection reports the failure without the adapter’s text', async () => {
    const fake = createDeferredAdapter();
    const onError = vi.fn<NonNullable<BaseHookOptions['onError']>>();
    renderHook(() => useTwoFactorSection({ adapter: fake.adapter, onError }));
    await waitFor(() => expect(fake.calls.getTwoFactorStatus).toHaveLength(1));
    await act(async () => fake.last('getTwoFactorStatus').reject(rawError()));
    expect(onError.mock.calls.map(([details]) => details.error.code)).toEqual(['unknown']);
    expect(leaksIn(onError)).toEqual([]);
  });
});
