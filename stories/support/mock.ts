import { createMockAdapter } from '../../src/adapters';
import type { MockAdapter, MockAdapterOptions, MockMessage } from '../../src/adapters';
import { TwoFactorError } from '../../src/core/errors';
import type { TwoFactorErrorCode, TwoFactorErrorOptions } from '../../src/core/errors';

/**
 * The mock backend behind every story. A fresh adapter is made for every render of a story (by the
 * project loader in `.storybook/preview.ts`), so a story never inherits another one's messages,
 * cooldowns or used-up failure scripts, and the docs page and the canvas do not share one.
 */

/** The code every story's emails, texts and calls carry. */
export const STORY_CODE = '123456';

/** A code that is always wrong in stories. */
export const WRONG_CODE = '000000';

/** The recovery code every story's `verifyPhoneCode` returns. */
export const STORY_RECOVERY_CODE = 'K7QF-29XM-HP4D-WN3R';

/** A valid US number for typing into the phone field (the mock's current number is +1 415 555 0123). */
export const NEW_PHONE_NUMBER = '+1 650 253 0000';

/** Options every story adapter starts from: fixed codes, so stories are deterministic. */
export const STORY_MOCK_DEFAULTS: MockAdapterOptions = {
  email: 'jane.doe@example.com',
  code: STORY_CODE,
  recoveryCode: STORY_RECOVERY_CODE,
};

/** Where stories put their mock options: `parameters: { mockAdapter: { … } }`. */
export interface MockAdapterParameters {
  /** Options for this story's fresh mock adapter, on top of {@link STORY_MOCK_DEFAULTS}. */
  mockAdapter?: MockAdapterOptions;
  /**
   * Runs against the fresh adapter before the story renders, e.g. to send the phone code a
   * standalone code-verification story expects.
   */
  mockSetup?: (adapter: MockAdapter) => Promise<void>;
}

/** Makes a story's adapter. */
export function createStoryAdapter(options: MockAdapterOptions = {}): MockAdapter {
  return createMockAdapter({ ...STORY_MOCK_DEFAULTS, ...options });
}

/**
 * Stands in for the `adapter` arg in `meta.args` so the arg is typed as given; every render
 * replaces it with a fresh adapter built from `parameters.mockAdapter`.
 */
export const placeholderAdapter: MockAdapter = createStoryAdapter();

/** The fresh adapter the project loader made for this render. Throws when the story has none. */
export function storyAdapter(loaded: Record<string, unknown>): MockAdapter {
  const adapter = loaded.adapter;
  if (!isMockAdapter(adapter)) {
    throw new Error('This story has no mock adapter: set `parameters.mockAdapter` (even `{}`).');
  }
  return adapter;
}

/** True for a value shaped like the mock adapter (what the loader puts in `loaded.adapter`). */
export function isMockAdapter(value: unknown): value is MockAdapter {
  return (
    typeof value === 'object' &&
    value !== null &&
    'subscribe' in value &&
    'messages' in value &&
    'sendEmailCode' in value
  );
}

/** A scripted failure, e.g. `fail('rate_limited', { retryAfterSeconds: 30 })`. */
export function fail(code: TwoFactorErrorCode, options?: TwoFactorErrorOptions): TwoFactorError {
  return new TwoFactorError(code, options);
}

/** E.164 form of {@link NEW_PHONE_NUMBER}, as it crosses the adapter. */
export const NEW_PHONE_E164 = '+16502530000';

/**
 * Setup for stories that start on code verification: the SMS to the new number was sent. The
 * step on its own verifies a first phone (`replacesCurrent: false`), which the mock refuses while
 * the account has one, so the account starts without (as after `resetTiming="immediate"`).
 */
export async function sendPhoneCodeFirst(adapter: MockAdapter): Promise<void> {
  const signal = new AbortController().signal;
  if (adapter.getState().phoneNumber !== null) await adapter.resetPhone?.({ signal });
  await adapter.sendPhoneCode({ phoneNumber: NEW_PHONE_E164, channel: 'sms', signal });
}

/**
 * {@link sendPhoneCodeFirst}, then a `verifyPhoneCode` that never settles until its signal aborts
 * (the step unmounts): a story of a verify in flight stays exactly that, however long it is
 * looked at or captured, while the setup's send takes no time. Each render has its own adapter.
 */
export async function sendPhoneCodeThenHoldVerify(adapter: MockAdapter): Promise<void> {
  await sendPhoneCodeFirst(adapter);
  adapter.verifyPhoneCode = ({ signal }) => pendingUntilAborted(signal);
}

/**
 * A `sendPhoneCode` that never settles until its signal aborts: a story of a send in flight stays
 * exactly that, however long it is looked at or captured. Each render has its own adapter.
 */
export async function holdPhoneCodeSends(adapter: MockAdapter): Promise<void> {
  adapter.sendPhoneCode = ({ signal }) => pendingUntilAborted(signal);
}

/** A promise that only ever rejects, with an `AbortError`, once `signal` aborts. */
function pendingUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

/** The newest message of a kind the mock sent, or undefined. */
export function latestMessage(adapter: MockAdapter, kind?: MockMessage['kind']): MockMessage | undefined {
  const matching = kind ? adapter.messages.filter((message) => message.kind === kind) : adapter.messages;
  return matching[matching.length - 1];
}
