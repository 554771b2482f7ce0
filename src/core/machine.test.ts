import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TwoFactorStatus } from './adapter';
import {
  DEFAULT_CODE_LENGTH,
  initialWizardState,
  resolveCodeLength,
  transition,
  type WizardEvent,
  type WizardState,
  type WizardStep,
} from './machine';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

// Frozen so that any mutation inside `transition` throws (test files run in strict mode).
const withPhone: TwoFactorStatus = deepFreeze({ phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: false });
const withoutPhone: TwoFactorStatus = deepFreeze({ phone: null, canDisable: true });
const NOW = 1_700_000_000_000;

type CodeVerificationState = Extract<WizardState, { step: 'code-verification' }>;

const codeVerification: CodeVerificationState = deepFreeze({
  step: 'code-verification',
  phoneNumber: '+14155550123',
  channel: 'call',
  codeLength: 8,
  resendAt: NOW - 5_000,
});

const states = {
  'email-gate': deepFreeze<WizardState>({ step: 'email-gate', resume: null }),
  'email-gate resuming code-verification': deepFreeze<WizardState>({ step: 'email-gate', resume: codeVerification }),
  'section loading': deepFreeze<WizardState>({ step: 'section', status: 'loading', twoFactorStatus: null }),
  'section viewing with phone': deepFreeze<WizardState>({ step: 'section', status: 'viewing', twoFactorStatus: withPhone }),
  'section viewing without phone': deepFreeze<WizardState>({ step: 'section', status: 'viewing', twoFactorStatus: withoutPhone }),
  'section editing with phone': deepFreeze<WizardState>({ step: 'section', status: 'editing', twoFactorStatus: withPhone }),
  'section editing without phone': deepFreeze<WizardState>({ step: 'section', status: 'editing', twoFactorStatus: withoutPhone }),
  'section error': deepFreeze<WizardState>({ step: 'section', status: 'error', twoFactorStatus: withPhone }),
  'reset-confirm': deepFreeze<WizardState>({ step: 'reset-confirm', twoFactorStatus: withPhone }),
  'phone-entry empty': deepFreeze<WizardState>({ step: 'phone-entry', phoneNumber: null }),
  'phone-entry keeping a number': deepFreeze<WizardState>({ step: 'phone-entry', phoneNumber: '+14155550123' }),
  'code-verification': codeVerification,
  'recovery-code': deepFreeze<WizardState>({ step: 'recovery-code', recoveryCode: 'ABCD-EFGH-IJKL' }),
  done: deepFreeze<WizardState>({ step: 'done' }),
} satisfies Record<string, WizardState>;
type StateName = keyof typeof states;

const events = {
  'EMAIL.VERIFIED': deepFreeze({ type: 'EMAIL.VERIFIED' }),
  'STATUS.LOADED': deepFreeze({ type: 'STATUS.LOADED', twoFactorStatus: withoutPhone }),
  'STATUS.FAILED': deepFreeze({ type: 'STATUS.FAILED' }),
  'STATUS.RELOAD': deepFreeze({ type: 'STATUS.RELOAD' }),
  'SECTION.EDIT': deepFreeze({ type: 'SECTION.EDIT' }),
  'SECTION.CLOSE': deepFreeze({ type: 'SECTION.CLOSE' }),
  'RESET.OPEN': deepFreeze({ type: 'RESET.OPEN' }),
  'RESET.CANCEL': deepFreeze({ type: 'RESET.CANCEL' }),
  'RESET.DONE': deepFreeze({ type: 'RESET.DONE' }),
  'PHONE.ADD': deepFreeze({ type: 'PHONE.ADD' }),
  'PHONE_CODE.SENT': deepFreeze({
    type: 'PHONE_CODE.SENT',
    phoneNumber: '+14155550123',
    channel: 'sms',
    resendAfterSeconds: 30,
    now: NOW,
  }),
  'PHONE.CHANGE': deepFreeze({ type: 'PHONE.CHANGE' }),
  'PHONE_CODE.VERIFIED': deepFreeze({ type: 'PHONE_CODE.VERIFIED', recoveryCode: 'WXYZ-1234-5678' }),
  'RECOVERY.FINISH': deepFreeze({ type: 'RECOVERY.FINISH' }),
  'TWO_FACTOR.DISABLED': deepFreeze({ type: 'TWO_FACTOR.DISABLED' }),
  'REVERIFICATION.REQUIRED': deepFreeze({ type: 'REVERIFICATION.REQUIRED' }),
} satisfies { [Type in WizardEvent['type']]: Extract<WizardEvent, { type: Type }> };
type EventName = keyof typeof events;

// Every (state, event) pair that moves the machine, with the state it must reach.
const moves: Array<[StateName, EventName, WizardState]> = [
  ['email-gate', 'EMAIL.VERIFIED', { step: 'section', status: 'loading', twoFactorStatus: null }],
  ['email-gate resuming code-verification', 'EMAIL.VERIFIED', codeVerification],

  ['section loading', 'STATUS.LOADED', { step: 'section', status: 'viewing', twoFactorStatus: withoutPhone }],
  ['section loading', 'STATUS.FAILED', { step: 'section', status: 'error', twoFactorStatus: null }],
  ['section error', 'STATUS.RELOAD', { step: 'section', status: 'loading', twoFactorStatus: withPhone }],
  ['section viewing with phone', 'STATUS.RELOAD', { step: 'section', status: 'loading', twoFactorStatus: withPhone }],
  ['section viewing without phone', 'STATUS.RELOAD', { step: 'section', status: 'loading', twoFactorStatus: withoutPhone }],

  ['section viewing with phone', 'SECTION.EDIT', { step: 'section', status: 'editing', twoFactorStatus: withPhone }],
  ['section viewing without phone', 'SECTION.EDIT', { step: 'section', status: 'editing', twoFactorStatus: withoutPhone }],
  ['section editing with phone', 'SECTION.CLOSE', { step: 'section', status: 'viewing', twoFactorStatus: withPhone }],
  ['section editing without phone', 'SECTION.CLOSE', { step: 'section', status: 'viewing', twoFactorStatus: withoutPhone }],

  ['section editing with phone', 'RESET.OPEN', { step: 'reset-confirm', twoFactorStatus: withPhone }],
  ['reset-confirm', 'RESET.CANCEL', { step: 'section', status: 'editing', twoFactorStatus: withPhone }],
  ['reset-confirm', 'RESET.DONE', { step: 'phone-entry', phoneNumber: null }],
  ['section editing without phone', 'PHONE.ADD', { step: 'phone-entry', phoneNumber: null }],

  ['phone-entry empty', 'PHONE_CODE.SENT', { step: 'code-verification', phoneNumber: '+14155550123', channel: 'sms', codeLength: 6, resendAt: NOW + 30_000 }],
  ['phone-entry keeping a number', 'PHONE_CODE.SENT', { step: 'code-verification', phoneNumber: '+14155550123', channel: 'sms', codeLength: 6, resendAt: NOW + 30_000 }],
  // A resend keeps the code length it already knew when the backend does not repeat it.
  ['code-verification', 'PHONE_CODE.SENT', { step: 'code-verification', phoneNumber: '+14155550123', channel: 'sms', codeLength: 8, resendAt: NOW + 30_000 }],
  ['code-verification', 'PHONE.CHANGE', { step: 'phone-entry', phoneNumber: '+14155550123' }],
  ['code-verification', 'PHONE_CODE.VERIFIED', { step: 'recovery-code', recoveryCode: 'WXYZ-1234-5678' }],
  ['recovery-code', 'RECOVERY.FINISH', { step: 'done' }],

  ['section viewing with phone', 'TWO_FACTOR.DISABLED', { step: 'section', status: 'loading', twoFactorStatus: null }],
  ['section viewing without phone', 'TWO_FACTOR.DISABLED', { step: 'section', status: 'loading', twoFactorStatus: null }],
  ['section editing with phone', 'TWO_FACTOR.DISABLED', { step: 'section', status: 'loading', twoFactorStatus: null }],
  ['section editing without phone', 'TWO_FACTOR.DISABLED', { step: 'section', status: 'loading', twoFactorStatus: null }],
  ['section error', 'TWO_FACTOR.DISABLED', { step: 'section', status: 'loading', twoFactorStatus: null }],

  ['section loading', 'REVERIFICATION.REQUIRED', { step: 'email-gate', resume: { step: 'section', status: 'loading', twoFactorStatus: null } }],
  ['section viewing with phone', 'REVERIFICATION.REQUIRED', { step: 'email-gate', resume: { step: 'section', status: 'viewing', twoFactorStatus: withPhone } }],
  ['section viewing without phone', 'REVERIFICATION.REQUIRED', { step: 'email-gate', resume: { step: 'section', status: 'viewing', twoFactorStatus: withoutPhone } }],
  ['section editing with phone', 'REVERIFICATION.REQUIRED', { step: 'email-gate', resume: { step: 'section', status: 'editing', twoFactorStatus: withPhone } }],
  ['section editing without phone', 'REVERIFICATION.REQUIRED', { step: 'email-gate', resume: { step: 'section', status: 'editing', twoFactorStatus: withoutPhone } }],
  // A failed load is retried after re-verifying rather than shown again as an error.
  ['section error', 'REVERIFICATION.REQUIRED', { step: 'email-gate', resume: { step: 'section', status: 'loading', twoFactorStatus: withPhone } }],
  // The destructive modal is not reopened by itself: the section comes back in edit mode.
  ['reset-confirm', 'REVERIFICATION.REQUIRED', { step: 'email-gate', resume: { step: 'section', status: 'editing', twoFactorStatus: withPhone } }],
  ['phone-entry empty', 'REVERIFICATION.REQUIRED', { step: 'email-gate', resume: { step: 'phone-entry', phoneNumber: null } }],
  ['phone-entry keeping a number', 'REVERIFICATION.REQUIRED', { step: 'email-gate', resume: { step: 'phone-entry', phoneNumber: '+14155550123' } }],
  ['code-verification', 'REVERIFICATION.REQUIRED', { step: 'email-gate', resume: codeVerification }],
];

const moveKeys = new Set(moves.map(([stateName, eventName]) => `${stateName} + ${eventName}`));
const stateNames = Object.keys(states) as StateName[];
const eventNames = Object.keys(events) as EventName[];
const stays: Array<[StateName, EventName]> = stateNames.flatMap((stateName) =>
  eventNames.filter((eventName) => !moveKeys.has(`${stateName} + ${eventName}`)).map((eventName): [StateName, EventName] => [stateName, eventName]),
);

describe('transition', () => {
  it.each(moves)('moves %s on %s', (stateName, eventName, expected) => {
    const next = transition(states[stateName], events[eventName]);
    expect(next).not.toBe(states[stateName]);
    expect(next).toEqual(expected);
  });

  it('covers a broad table of pairs that must not move', () => {
    // Guards against the table shrinking by accident: 14 states × 16 events minus the moves.
    expect(stays.length).toBe(stateNames.length * eventNames.length - moves.length);
    expect(stays.length).toBeGreaterThan(180);
  });

  it.each(stays)('returns the same object for %s on %s', (stateName, eventName) => {
    expect(transition(states[stateName], events[eventName])).toBe(states[stateName]);
  });

  it('returns the same object for an event type it does not know', () => {
    const unknownEvent = { type: 'SOMETHING.ELSE' } as unknown as WizardEvent;
    for (const stateName of stateNames) {
      expect(transition(states[stateName], unknownEvent)).toBe(states[stateName]);
    }
  });
});

describe('initialWizardState', () => {
  it('starts locked behind the email code with nothing to resume', () => {
    expect(initialWizardState).toEqual({ step: 'email-gate', resume: null });
  });

  it('cannot be mutated by a careless consumer', () => {
    expect(Object.isFrozen(initialWizardState)).toBe(true);
  });

  it('opens the section loading after the email code verifies', () => {
    expect(transition(initialWizardState, { type: 'EMAIL.VERIFIED' })).toEqual({
      step: 'section',
      status: 'loading',
      twoFactorStatus: null,
    });
  });
});

describe('PHONE_CODE.SENT', () => {
  const phoneEntry: WizardState = { step: 'phone-entry', phoneNumber: null };

  it('uses the code length the backend gives', () => {
    const next = transition(phoneEntry, { type: 'PHONE_CODE.SENT', phoneNumber: '+14155550123', channel: 'sms', codeLength: 8, now: NOW });
    expect(next).toMatchObject({ step: 'code-verification', codeLength: 8 });
  });

  it('defaults the code length to 6', () => {
    const next = transition(phoneEntry, { type: 'PHONE_CODE.SENT', phoneNumber: '+14155550123', channel: 'sms', now: NOW });
    expect(next).toMatchObject({ codeLength: 6 });
    expect(DEFAULT_CODE_LENGTH).toBe(6);
  });

  it.each([0, -4, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 999])('ignores an unusable code length (%s)', (codeLength) => {
    const next = transition(phoneEntry, { type: 'PHONE_CODE.SENT', phoneNumber: '+14155550123', channel: 'sms', codeLength, now: NOW });
    expect(next).toMatchObject({ codeLength: 6 });
  });

  it('has no resend deadline when the backend sets no wait', () => {
    const next = transition(phoneEntry, { type: 'PHONE_CODE.SENT', phoneNumber: '+14155550123', channel: 'call', now: NOW });
    expect(next).toEqual({ step: 'code-verification', phoneNumber: '+14155550123', channel: 'call', codeLength: 6, resendAt: null });
  });

  it('computes the resend deadline from the event clock', () => {
    const next = transition(phoneEntry, { type: 'PHONE_CODE.SENT', phoneNumber: '+14155550123', channel: 'sms', resendAfterSeconds: 45, now: NOW });
    expect(next).toMatchObject({ resendAt: NOW + 45_000 });
  });

  it('allows an immediate resend when the wait is zero', () => {
    const next = transition(phoneEntry, { type: 'PHONE_CODE.SENT', phoneNumber: '+14155550123', channel: 'sms', resendAfterSeconds: 0, now: NOW });
    expect(next).toMatchObject({ resendAt: NOW });
  });

  it('switches the channel and deadline when a code is resent by call', () => {
    const next = transition(codeVerification, {
      type: 'PHONE_CODE.SENT',
      phoneNumber: '+14155550123',
      channel: 'call',
      codeLength: 7,
      resendAfterSeconds: 60,
      now: NOW + 1_000,
    });
    expect(next).toEqual({ step: 'code-verification', phoneNumber: '+14155550123', channel: 'call', codeLength: 7, resendAt: NOW + 61_000 });
  });

  it('drops a resend outcome for another number', () => {
    const stale: WizardEvent = { type: 'PHONE_CODE.SENT', phoneNumber: '+442079460958', channel: 'sms', now: NOW };
    expect(transition(codeVerification, stale)).toBe(codeVerification);
  });
});

describe('re-verification', () => {
  it('comes back to code verification with its number, channel and deadline intact', () => {
    const gated = transition(codeVerification, { type: 'REVERIFICATION.REQUIRED' });
    expect(gated.step).toBe('email-gate');
    expect(transition(gated, { type: 'EMAIL.VERIFIED' })).toEqual(codeVerification);
  });

  it('comes back from the reset modal to the section in edit mode, not to the modal', () => {
    const gated = transition(states['reset-confirm'], { type: 'REVERIFICATION.REQUIRED' });
    expect(transition(gated, { type: 'EMAIL.VERIFIED' })).toEqual({ step: 'section', status: 'editing', twoFactorStatus: withPhone });
  });

  it('keeps the typed number when phone entry has to re-verify', () => {
    const gated = transition(states['phone-entry keeping a number'], { type: 'REVERIFICATION.REQUIRED' });
    expect(transition(gated, { type: 'EMAIL.VERIFIED' })).toEqual({ step: 'phone-entry', phoneNumber: '+14155550123' });
  });

  it('never leaves the recovery code screen, so the code is not lost', () => {
    const recovery = states['recovery-code'];
    expect(transition(recovery, { type: 'REVERIFICATION.REQUIRED' })).toBe(recovery);
  });

  it('does not stack a second gate on the email gate', () => {
    const gate = states['email-gate resuming code-verification'];
    expect(transition(gate, { type: 'REVERIFICATION.REQUIRED' })).toBe(gate);
  });
});

describe('the recovery code', () => {
  it('leaves the state on Finish', () => {
    const done = transition(states['recovery-code'], { type: 'RECOVERY.FINISH' });
    expect(done).toEqual({ step: 'done' });
    expect(JSON.stringify(done)).not.toContain('ABCD');
  });
});

describe('guards', () => {
  it('does not open the reset modal when there is no phone to reset', () => {
    const editing = states['section editing without phone'];
    expect(transition(editing, { type: 'RESET.OPEN' })).toBe(editing);
  });

  it('does not offer adding a phone over an existing one', () => {
    const editing = states['section editing with phone'];
    expect(transition(editing, { type: 'PHONE.ADD' })).toBe(editing);
  });

  it('does not enter edit mode before a status has loaded', () => {
    const viewing: WizardState = { step: 'section', status: 'viewing', twoFactorStatus: null };
    expect(transition(viewing, { type: 'SECTION.EDIT' })).toBe(viewing);
  });

  it('does not add a phone while the status is unknown', () => {
    const editing: WizardState = { step: 'section', status: 'editing', twoFactorStatus: null };
    expect(transition(editing, { type: 'PHONE.ADD' })).toBe(editing);
  });
});

describe('resolveCodeLength', () => {
  it.each([
    [4, 4],
    [6, 6],
    [20, 20],
    [undefined, 6],
    [0, 6],
    [21, 6],
    [5.5, 6],
    [Number.NaN, 6],
  ])('turns %s into %s', (input, expected) => {
    expect(resolveCodeLength(input)).toBe(expected);
  });

  it('falls back to the given length', () => {
    expect(resolveCodeLength(undefined, 8)).toBe(8);
  });
});

describe('types', () => {
  it('names every step', () => {
    expectTypeOf<WizardStep>().toEqualTypeOf<
      'email-gate' | 'section' | 'reset-confirm' | 'phone-entry' | 'code-verification' | 'recovery-code' | 'done'
    >();
  });
});
