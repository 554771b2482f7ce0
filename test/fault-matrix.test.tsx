import { StrictMode } from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TwoFactorError, TwoFactorPhoneWizard, createMockAdapter, en } from '../src';
import type { AdapterMethod, AdapterRequest, MockAdapter, TwoFactorAdapter, TwoFactorErrorCode } from '../src';
import { findAlertDialog } from './find-alert-dialog';

/**
 * The fault matrix: every adapter method × every way a call can go wrong, through the whole
 * wizard. A wrapper around the mock backend replaces exactly one call (the first of the method
 * under test) with the fault; everything else is the mock's real behaviour. For every cell the
 * user sees a message from the closed vocabulary, what they typed is still there, the action can
 * be retried and then succeeds, nothing stays pending, and neither an unhandled rejection nor a
 * React warning appears. The last test prints the matrix.
 */

type Method = Exclude<AdapterMethod, 'disableTwoFactor' | 'acknowledgeRecoveryCode'>;

const METHODS: readonly Method[] = [
  'sendEmailCode',
  'verifyEmailCode',
  'getTwoFactorStatus',
  'resetPhone',
  'sendPhoneCode',
  'verifyPhoneCode',
];

type Fault =
  | 'invalid_code'
  | 'expired_code'
  | 'too_many_attempts'
  | 'rate_limited'
  | 'network'
  | 'secret_error'
  | 'non_error'
  | 'never_settles'
  | 'after_unmount'
  | 'malformed';

const FAULTS: ReadonlyArray<{ fault: Fault; label: string }> = [
  { fault: 'invalid_code', label: 'invalid_code' },
  { fault: 'expired_code', label: 'expired_code' },
  { fault: 'too_many_attempts', label: 'too_many_attempts' },
  { fault: 'rate_limited', label: 'rate_limited, retry after 30 s' },
  { fault: 'network', label: 'network' },
  { fault: 'secret_error', label: 'Error with a secret message' },
  { fault: 'non_error', label: 'thrown non-Error value' },
  { fault: 'never_settles', label: 'never settles (timeout)' },
  { fault: 'after_unmount', label: 'result after unmount' },
  { fault: 'malformed', label: 'malformed result' },
];

const CODE = '123456';
const MASKED_EMAIL = 'j•••@example.com';
const TIMEOUT_MS = 10_000;
const RETRY_AFTER_SECONDS = 30;
const SECRET = 'db-password=hunter2 session=9f8e7d';
const NON_ERROR_VALUE = 'backend said no';
const LATE_RECOVERY_CODE = 'LATE-LATE-LATE-LATE';

/** What the user had typed (or ticked) before the call, per method: it must survive the failure. */
const INPUT_KEPT: Record<Method, string> = {
  sendEmailCode: '— (nothing typed yet)',
  verifyEmailCode: 'email code',
  getTwoFactorStatus: '— (nothing typed)',
  resetPhone: 'acknowledgement tick',
  sendPhoneCode: 'phone number',
  verifyPhoneCode: 'phone code',
};

/** Methods that resolve with nothing: whatever they resolve with is ignored, so it cannot be malformed. */
const RESOLVES_WITH_NOTHING: ReadonlySet<Method> = new Set(['verifyEmailCode', 'resetPhone']);

/** A valid answer, delivered only after the wizard is gone. */
const LATE_RESULTS: Record<Method, unknown> = {
  sendEmailCode: { maskedEmail: 'l•••@example.com' },
  verifyEmailCode: undefined,
  getTwoFactorStatus: { phone: null, canDisable: true },
  resetPhone: undefined,
  sendPhoneCode: {},
  verifyPhoneCode: { recoveryCode: LATE_RECOVERY_CODE },
};

/** A result of the wrong shape, as a sloppy hand-written adapter might resolve with. */
const MALFORMED_RESULTS: Record<Method, unknown> = {
  sendEmailCode: { resendAfterSeconds: 0 }, // no maskedEmail
  verifyEmailCode: 'OK',
  getTwoFactorStatus: { phone: '+1 ••• ••• 0123' }, // phone not an object, canDisable missing
  resetPhone: 'OK',
  sendPhoneCode: { resendAfterSeconds: 'soon' },
  verifyPhoneCode: {}, // no recoveryCode
};

/** The message (by error code) a cell must show, or null when nothing may be shown. */
function expectedCode(method: Method, fault: Fault): TwoFactorErrorCode | null {
  switch (fault) {
    case 'invalid_code':
    case 'expired_code':
    case 'too_many_attempts':
    case 'rate_limited':
    case 'network':
      return fault;
    case 'secret_error':
    case 'non_error':
      return 'unknown';
    case 'never_settles':
      return 'network';
    case 'after_unmount':
      return null;
    case 'malformed':
      return RESOLVES_WITH_NOTHING.has(method) ? null : 'unknown';
    default: {
      const unreachable: never = fault;
      return unreachable;
    }
  }
}

interface CallRecord {
  method: Method;
  signal: AbortSignal;
  settled: boolean;
}

interface FaultyAdapter {
  adapter: TwoFactorAdapter;
  inner: MockAdapter;
  calls: CallRecord[];
  /** The call that carried the fault, once made. */
  faulted: () => CallRecord | undefined;
  /** Delivers the late result of the `after_unmount` fault. */
  releaseLate: () => void;
}

/** The mock backend with one fault injected into the first call of `target`. */
function createFaultyAdapter(target: Method, fault: Fault, phoneNumber: string | null): FaultyAdapter {
  const inner = createMockAdapter({ code: CODE, phoneNumber, resendAfterSeconds: 0, recoveryCode: 'ABCD-EFGH-JKMN-PQRS' });
  const calls: CallRecord[] = [];
  let faulted: CallRecord | undefined;
  let releaseLate = (): void => {
    throw new Error('The late result was never requested');
  };

  function intercept<T>(method: Method, request: AdapterRequest, proceed: () => Promise<T>): Promise<T> {
    const record: CallRecord = { method, signal: request.signal, settled: false };
    calls.push(record);
    const track = (promise: Promise<T>): Promise<T> => {
      const done = (): void => {
        record.settled = true;
      };
      promise.then(done, done);
      return promise;
    };
    // The wizard's first status read only asks whether an earlier step-up is still fresh; the
    // fault goes to the section's load, after the email code.
    const isFreshnessCheck = method === 'getTwoFactorStatus' && !inner.getState().emailVerified;
    if (method !== target || faulted || isFreshnessCheck) return track(proceed());
    faulted = record;
    switch (fault) {
      case 'invalid_code':
        return track(Promise.reject(new TwoFactorError('invalid_code', { attemptsRemaining: 4 })));
      case 'expired_code':
      case 'too_many_attempts':
      case 'network':
        return track(Promise.reject(new TwoFactorError(fault)));
      case 'rate_limited':
        return track(Promise.reject(new TwoFactorError('rate_limited', { retryAfterSeconds: RETRY_AFTER_SECONDS })));
      case 'secret_error':
        return track(Promise.reject(new Error(SECRET)));
      case 'non_error':
        // Thrown synchronously, not even a rejected promise.
        record.settled = true;
        throw NON_ERROR_VALUE;
      case 'never_settles':
        // Ignores its signal too: only the hooks' own timeout can end it.
        return new Promise<T>(() => {});
      case 'after_unmount':
        return track(
          new Promise<T>((resolve) => {
            releaseLate = () => resolve(LATE_RESULTS[method] as T);
          }),
        );
      case 'malformed':
        // A method that resolves with nothing has done its work when it resolves, whatever with.
        if (RESOLVES_WITH_NOTHING.has(method)) return track(proceed().then(() => MALFORMED_RESULTS[method] as T));
        return track(Promise.resolve(MALFORMED_RESULTS[method] as T));
      default: {
        const unreachable: never = fault;
        return unreachable;
      }
    }
  }

  const adapter: TwoFactorAdapter = {
    sendEmailCode: (request) => intercept('sendEmailCode', request, () => inner.sendEmailCode(request)),
    verifyEmailCode: (request) => intercept('verifyEmailCode', request, () => inner.verifyEmailCode(request)),
    getTwoFactorStatus: (request) => intercept('getTwoFactorStatus', request, () => inner.getTwoFactorStatus(request)),
    resetPhone: (request) => intercept('resetPhone', request, () => inner.resetPhone!(request)),
    sendPhoneCode: (request) => intercept('sendPhoneCode', request, () => inner.sendPhoneCode(request)),
    verifyPhoneCode: (request) => intercept('verifyPhoneCode', request, () => inner.verifyPhoneCode(request)),
  };
  return { adapter, inner, calls, faulted: () => faulted, releaseLate: () => releaseLate() };
}

// ---------------------------------------------------------------------------------------------
// Watching for what must not happen
// ---------------------------------------------------------------------------------------------

// Captured before any test fakes the clock: a real macrotask lets Node report unhandled rejections.
const realSetImmediate = globalThis.setImmediate;
function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => realSetImmediate(() => resolve()));
}

const unhandled: unknown[] = [];
const onUnhandledRejection = (reason: unknown): void => {
  unhandled.push(reason);
};
let consoleOutput: unknown[][] = [];

beforeAll(() => {
  process.on('unhandledRejection', onUnhandledRejection);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandledRejection);
});

beforeEach(() => {
  unhandled.length = 0;
  consoleOutput = [];
  for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push([method, ...args]);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

// ---------------------------------------------------------------------------------------------
// The flow, step by step
// ---------------------------------------------------------------------------------------------

type User = ReturnType<typeof userEvent.setup>;

function stepElement(container: HTMLElement): HTMLElement {
  const step = container.querySelector<HTMLElement>('.tfa-wizard__step');
  if (!step) throw new Error('The wizard rendered no step');
  return step;
}

async function waitForEmailSent(): Promise<void> {
  await screen.findByText(en.emailGateSent(MASKED_EMAIL), { selector: '.tfa-lead' });
}

/** Pastes into a field, as autofill and password managers do (and quicker than typing). */
async function paste(user: User, field: HTMLElement, text: string): Promise<void> {
  await user.click(field);
  await user.paste(text);
}

async function typeEmailCodeAndVerify(user: User): Promise<void> {
  await paste(user, screen.getByLabelText(en.emailCodeLabel), CODE);
  await user.click(screen.getByRole('button', { name: en.verify }));
}

/**
 * Through the email gate; or past it at once when the backend still holds a fresh step-up (a new
 * wizard over the same backend, after the first one verified).
 */
async function passGate(user: User): Promise<void> {
  const sectionHeading = () => screen.queryByRole('heading', { name: en.sectionHeading });
  await waitFor(() =>
    expect(screen.queryByText(en.emailGateSent(MASKED_EMAIL), { selector: '.tfa-lead' }) ?? sectionHeading()).not.toBeNull(),
  );
  if (sectionHeading() === null) await typeEmailCodeAndVerify(user);
  await screen.findByRole('heading', { name: en.sectionHeading });
}

async function openReset(user: User): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: en.edit }));
  await user.click(screen.getByRole('button', { name: en.reset }));
  const dialog = await findAlertDialog();
  await user.click(within(dialog).getByRole('checkbox'));
  return dialog;
}

async function openPhoneEntry(user: User): Promise<void> {
  await user.click(await screen.findByRole('button', { name: en.edit }));
  await user.click(screen.getByRole('button', { name: en.addPhone }));
  await screen.findByRole('heading', { name: en.phoneEntryHeading });
}

async function typeNumberAndSend(user: User): Promise<void> {
  await paste(user, screen.getByLabelText(en.phoneLabel), '6502530000');
  await user.click(screen.getByRole('button', { name: en.sendSms }));
}

async function reachCodeStep(user: User): Promise<void> {
  await passGate(user);
  await openPhoneEntry(user);
  await typeNumberAndSend(user);
  await screen.findByRole('heading', { name: en.codeVerificationHeading });
}

interface Scenario {
  /** The backend's phone at the start: the reset needs one, phone entry is quicker without. */
  phoneNumber: string | null;
  /** Everything up to the faulty call, ending with the user action that makes it. */
  start: (user: User) => Promise<void>;
  /** Where the failure is explained. */
  messageScope: (container: HTMLElement) => HTMLElement;
  /** What the user typed is still there. */
  expectInputKept: () => void;
  /** The same action again. */
  retry: (user: User) => Promise<void>;
  /**
   * After `too_many_attempts` the code is dead and its field disabled: the retry is a new code,
   * then the code again (a code step only).
   */
  retryAfterLockout?: (user: User) => Promise<void>;
  /** The action went through. */
  expectSucceeded: () => Promise<void>;
}

const SCENARIOS: Record<Method, Scenario> = {
  sendEmailCode: {
    phoneNumber: '+14155550123',
    // The gate sends on mount.
    start: async () => {},
    messageScope: stepElement,
    expectInputKept: () => {},
    retry: async (user) => user.click(await screen.findByRole('button', { name: en.resend })),
    expectSucceeded: waitForEmailSent,
  },
  verifyEmailCode: {
    phoneNumber: '+14155550123',
    start: async (user) => {
      await waitForEmailSent();
      await typeEmailCodeAndVerify(user);
    },
    messageScope: stepElement,
    expectInputKept: () => expect(screen.getByLabelText(en.emailCodeLabel)).toHaveValue(CODE),
    retry: (user) => user.click(screen.getByRole('button', { name: en.verify })),
    retryAfterLockout: async (user) => {
      const field = screen.getByLabelText(en.emailCodeLabel);
      expect(field).toBeDisabled();
      await user.click(screen.getByRole('button', { name: en.sendNewCode }));
      await waitFor(() => expect(field).toBeEnabled());
      expect(field).toHaveValue('');
      await typeEmailCodeAndVerify(user);
    },
    // Unlocked: the section loads what only a verified session may read.
    expectSucceeded: async () => {
      await screen.findByText('+1 ••• ••• 0123');
    },
  },
  getTwoFactorStatus: {
    phoneNumber: '+14155550123',
    start: passGate,
    messageScope: stepElement,
    expectInputKept: () => {},
    retry: async (user) => user.click(await screen.findByRole('button', { name: en.retry })),
    expectSucceeded: async () => {
      await screen.findByText('+1 ••• ••• 0123');
    },
  },
  resetPhone: {
    phoneNumber: '+14155550123',
    start: async (user) => {
      await passGate(user);
      const dialog = await openReset(user);
      await user.click(within(dialog).getByRole('button', { name: en.resetConfirm }));
    },
    messageScope: () => screen.getByRole('alertdialog'),
    expectInputKept: () => expect(within(screen.getByRole('alertdialog')).getByRole('checkbox')).toBeChecked(),
    retry: (user) => user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: en.resetConfirm })),
    // Only `resetTiming="immediate"` calls resetPhone; it leads to the add-phone step.
    expectSucceeded: async () => {
      await screen.findByRole('heading', { name: en.addPhoneHeading });
    },
  },
  sendPhoneCode: {
    phoneNumber: null,
    start: async (user) => {
      await passGate(user);
      await openPhoneEntry(user);
      await typeNumberAndSend(user);
    },
    messageScope: stepElement,
    expectInputKept: () => expect(screen.getByLabelText(en.phoneLabel)).toHaveValue('(650) 253-0000'),
    retry: (user) => user.click(screen.getByRole('button', { name: en.sendSms })),
    expectSucceeded: async () => {
      await screen.findByRole('heading', { name: en.codeVerificationHeading });
    },
  },
  verifyPhoneCode: {
    phoneNumber: null,
    start: async (user) => {
      await reachCodeStep(user);
      // A complete code submits by itself.
      await paste(user, screen.getByLabelText(en.phoneCodeLabel), CODE);
    },
    messageScope: stepElement,
    expectInputKept: () => expect(screen.getByLabelText(en.phoneCodeLabel)).toHaveValue(CODE),
    retry: (user) => user.click(screen.getByRole('button', { name: en.verify })),
    retryAfterLockout: async (user) => {
      const field = screen.getByLabelText(en.phoneCodeLabel);
      expect(field).toBeDisabled();
      await user.click(screen.getByRole('button', { name: en.sendNewCode }));
      await waitFor(() => expect(field).toBeEnabled());
      expect(field).toHaveValue('');
      await paste(user, field, CODE);
    },
    expectSucceeded: async () => {
      await screen.findByRole('heading', { name: en.recoveryHeading });
    },
  },
};

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

/** What each cell showed, filled in as the cells pass; printed at the end. */
const results = new Map<string, string>();
const cellKey = (method: Method, fault: Fault): string => `${method}|${fault}`;

function renderWizard(adapter: TwoFactorAdapter, method: Method) {
  const callbacks = { onComplete: vi.fn(), onCancel: vi.fn(), onStepChange: vi.fn(), onError: vi.fn() };
  const view = render(
    <StrictMode>
      <TwoFactorPhoneWizard
        adapter={adapter}
        defaultCountry="US"
        timeoutMs={TIMEOUT_MS}
        // resetPhone is only called by the delete-first mode.
        resetTiming={method === 'resetPhone' ? 'immediate' : 'on-verify'}
        {...callbacks}
      />
    </StrictMode>,
  );
  return { ...view, callbacks };
}

/** Every call either settled or was aborted by the wizard; nothing on screen is busy. */
function expectNothingPending(calls: readonly CallRecord[]): void {
  const open = calls.filter((call) => !call.settled && !call.signal.aborted).map((call) => call.method);
  expect(open).toEqual([]);
  expect(document.querySelector('[data-pending], [aria-busy="true"]')).toBeNull();
}

async function expectNoWarningsOrRejections(): Promise<void> {
  await nextMacrotask();
  expect(unhandled).toEqual([]);
  expect(consoleOutput).toEqual([]);
}

function expectNoRawErrorText(): void {
  const html = document.documentElement.outerHTML;
  expect(html).not.toContain(SECRET);
  expect(html).not.toContain(NON_ERROR_VALUE);
  expect(html).not.toContain('malformed');
}

/** Fake clock that still moves with real time, so user-event and findBy keep working. */
function useMovingFakeClock(): User {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  return userEvent.setup({ delay: null, advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
}

async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('fault matrix: every adapter method × every failure', () => {
  for (const method of METHODS) {
    describe(method, () => {
      for (const { fault } of FAULTS) {
        const code = expectedCode(method, fault);
        const goal =
          fault === 'after_unmount'
            ? 'drops a result that arrives after unmount, then works in a new wizard'
            : code === null
              ? 'ignores what a method that resolves with nothing resolved with, and goes on'
              : `shows "${code}", keeps the input, and succeeds on retry`;

        it(`${fault}: ${goal}`, async () => {
          const scenario = SCENARIOS[method];
          const needsClock = fault === 'rate_limited' || fault === 'never_settles';
          // No pause between keystrokes: 60 cells must stay quick.
          const user = needsClock ? useMovingFakeClock() : userEvent.setup({ delay: null });
          const faulty = createFaultyAdapter(method, fault, scenario.phoneNumber);

          const first = renderWizard(faulty.adapter, method);
          await scenario.start(user);

          if (fault === 'after_unmount') {
            await waitFor(() => expect(faulty.faulted()).toBeDefined());
            const callsBefore = Object.values(first.callbacks).map((callback) => callback.mock.calls.length);
            first.unmount();
            expect(faulty.faulted()?.signal.aborted).toBe(true);
            await act(async () => faulty.releaseLate());
            await expectNoWarningsOrRejections();
            expect(Object.values(first.callbacks).map((callback) => callback.mock.calls.length)).toEqual(callsBefore);

            // A new wizard over the same backend does the same thing, this time for real.
            const second = renderWizard(faulty.adapter, method);
            await scenario.start(user);
            await scenario.expectSucceeded();
            expectNothingPending(faulty.calls);
            expect(document.documentElement.outerHTML).not.toContain(LATE_RECOVERY_CODE);
            await expectNoWarningsOrRejections();
            second.unmount();
            results.set(cellKey(method, fault), 'dropped ✓');
            return;
          }

          if (code === null) {
            // A void method resolved with something: nothing to explain, the flow goes on.
            await scenario.expectSucceeded();
            expectNothingPending(faulty.calls);
            await expectNoWarningsOrRejections();
            results.set(cellKey(method, fault), 'ignored ✓');
            return;
          }

          if (fault === 'never_settles') {
            await waitFor(() => expect(faulty.faulted()).toBeDefined());
            await advance(TIMEOUT_MS);
          }

          const message = en.errors[code];
          // Room for a loaded machine (CI runs every project at once on two cores): the message
          // must still appear, only not within testing-library's default second.
          const scope = await waitFor(
            () => {
              const element = scenario.messageScope(first.container);
              expect(element).toHaveTextContent(message);
              return element;
            },
            { timeout: 5_000 },
          );
          if (fault === 'rate_limited') {
            // A refused email send counts down next to Resend code, once; elsewhere the form says
            // when to try again.
            const countdown = method === 'sendEmailCode' ? en.resendIn : en.retryIn;
            expect(scope).toHaveTextContent(countdown(RETRY_AFTER_SECONDS));
          }
          expectNoRawErrorText();
          scenario.expectInputKept();
          expectNothingPending(faulty.calls);
          expect(faulty.faulted()?.settled || faulty.faulted()?.signal.aborted).toBe(true);
          // The host hears about it too, with the same code and never the raw text.
          expect(first.callbacks.onError).toHaveBeenLastCalledWith({ error: expect.objectContaining({ code }) });

          if (fault === 'rate_limited') await advance(RETRY_AFTER_SECONDS * 1000);
          if (fault === 'too_many_attempts' && scenario.retryAfterLockout) await scenario.retryAfterLockout(user);
          else await scenario.retry(user);
          await scenario.expectSucceeded();
          expect(stepElement(first.container)).not.toHaveTextContent(message);
          expectNothingPending(faulty.calls);
          await expectNoWarningsOrRejections();
          results.set(cellKey(method, fault), `${code} ✓`);
        });
      }
    });
  }

  it('prints the matrix', () => {
    const header = ['fault \\ method', ...METHODS];
    const rows = [
      header,
      ['input kept', ...METHODS.map((method) => INPUT_KEPT[method])],
      ...FAULTS.map(({ fault, label }) => [
        label,
        ...METHODS.map((method) => results.get(cellKey(method, fault)) ?? '✗ failed'),
      ]),
    ];
    const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
    const line = (row: string[]): string => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
    const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
    const table = [line(header), rule, ...rows.slice(1).map(line)].join('\n');
    const legend =
      'cell: the message shown (closed vocabulary) ✓ = input kept, retried to success, nothing pending, ' +
      'no unhandled rejection, no React warning; "dropped" = late result ignored, new wizard works; ' +
      '"ignored" = a void method resolved with a value, the flow went on.';
    process.stdout.write(`\nFault matrix\n${table}\n${legend}\n\n`);
    expect([...results.keys()]).toHaveLength(METHODS.length * FAULTS.length);
  });
});
