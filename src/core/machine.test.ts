import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TwoFactorStatus } from './adapter';
import {
  DEFAULT_CODE_LENGTH,
  grantStepUp,
  initialWizardState,
  isStepUpFresh,
  replacesCurrentPhone,
  resolveCodeLength,
  selectSection,
  transition,
  transitionSection,
  type ResumeTarget,
  type StepUpGrant,
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
const withPhone: TwoFactorStatus = deepFreeze({ phone: { maskedNumber: '+1 ••• ••• 0123' }, canDisable: true });
const withoutPhone: TwoFactorStatus = deepFreeze({ phone: null, canDisable: true });
const NOW = 1_700_000_000_000;
/** Granted a minute before NOW, fresh for 20 minutes. */
const G: StepUpGrant = deepFreeze({ grantedAt: NOW - 60_000, expiresAt: NOW + 19 * 60_000 });
const NEW_GRANT: StepUpGrant = deepFreeze({ grantedAt: NOW, expiresAt: NOW + 20 * 60_000 });

type CodeVerificationState = Extract<WizardState, { step: 'code-verification' }>;

const codeVerification: CodeVerificationState = deepFreeze({
  step: 'code-verification',
  phoneNumber: '+14155550199',
  channel: 'call',
  codeLength: 8,
  resendAt: NOW - 5_000,
  change: 'swap',
  stepUp: G,
});
const { stepUp: _unused, ...codeVerificationTarget } = codeVerification;
void _unused;

const states = {
  'email-code-gate checking': deepFreeze<WizardState>({ step: 'email-code-gate', status: 'checking', resume: null, stepUp: null }),
  'email-code-gate locked': deepFreeze<WizardState>({ step: 'email-code-gate', status: 'locked', resume: null, stepUp: null }),
  'email-code-gate resuming code-verification': deepFreeze<WizardState>({
    step: 'email-code-gate',
    status: 'locked',
    resume: codeVerificationTarget,
    stepUp: null,
  }),
  'two-factor-section loading': deepFreeze<WizardState>({ step: 'two-factor-section', status: 'loading', twoFactorStatus: null, stepUp: G }),
  'two-factor-section viewing with phone': deepFreeze<WizardState>({ step: 'two-factor-section', status: 'viewing', twoFactorStatus: withPhone, stepUp: G }),
  'two-factor-section viewing without phone': deepFreeze<WizardState>({ step: 'two-factor-section', status: 'viewing', twoFactorStatus: withoutPhone, stepUp: G }),
  'two-factor-section editing with phone': deepFreeze<WizardState>({ step: 'two-factor-section', status: 'editing', twoFactorStatus: withPhone, stepUp: G }),
  'two-factor-section editing without phone': deepFreeze<WizardState>({ step: 'two-factor-section', status: 'editing', twoFactorStatus: withoutPhone, stepUp: G }),
  'two-factor-section editing, step-up stale': deepFreeze<WizardState>({
    step: 'two-factor-section',
    status: 'editing',
    twoFactorStatus: withPhone,
    stepUp: { grantedAt: NOW - 30 * 60_000, expiresAt: NOW - 10 * 60_000 },
  }),
  'two-factor-section confirming-disable': deepFreeze<WizardState>({ step: 'two-factor-section', status: 'confirming-disable', twoFactorStatus: withPhone, stepUp: G }),
  'two-factor-section disabling': deepFreeze<WizardState>({ step: 'two-factor-section', status: 'disabling', twoFactorStatus: withPhone, stepUp: G }),
  'two-factor-section error': deepFreeze<WizardState>({ step: 'two-factor-section', status: 'error', twoFactorStatus: withPhone, stepUp: G }),
  'reset-phone': deepFreeze<WizardState>({ step: 'reset-phone', twoFactorStatus: withPhone, stepUp: G }),
  'add-phone swap': deepFreeze<WizardState>({ step: 'add-phone', change: 'swap', stepUp: G }),
  'add-phone removed': deepFreeze<WizardState>({ step: 'add-phone', change: 'removed', stepUp: G }),
  'phone-entry empty': deepFreeze<WizardState>({ step: 'phone-entry', phoneNumber: null, change: 'add', stepUp: G }),
  'phone-entry keeping a number': deepFreeze<WizardState>({ step: 'phone-entry', phoneNumber: '+14155550199', change: 'swap', stepUp: G }),
  'code-verification': codeVerification,
  'recovery-code': deepFreeze<WizardState>({ step: 'recovery-code', recoveryCode: 'ABCD-EFGH-IJKL', phoneNumber: '+14155550199', stepUp: G }),
  done: deepFreeze<WizardState>({ step: 'done', maskedNumber: '+1 ••• ••• 0199', stepUp: G }),
} satisfies Record<string, WizardState>;
type StateName = keyof typeof states;

const events = {
  'EMAIL_CODE_GATE.VERIFIED': deepFreeze({ type: 'EMAIL_CODE_GATE.VERIFIED', grant: NEW_GRANT }),
  'EMAIL_CODE_GATE.STILL_FRESH': deepFreeze({ type: 'EMAIL_CODE_GATE.STILL_FRESH', twoFactorStatus: withoutPhone, grant: NEW_GRANT }),
  'EMAIL_CODE_GATE.CHECK_FAILED': deepFreeze({ type: 'EMAIL_CODE_GATE.CHECK_FAILED' }),
  'TWO_FACTOR_SECTION.LOADED': deepFreeze({ type: 'TWO_FACTOR_SECTION.LOADED', twoFactorStatus: withoutPhone }),
  'TWO_FACTOR_SECTION.LOAD_FAILED': deepFreeze({ type: 'TWO_FACTOR_SECTION.LOAD_FAILED' }),
  'TWO_FACTOR_SECTION.RELOAD': deepFreeze({ type: 'TWO_FACTOR_SECTION.RELOAD' }),
  'TWO_FACTOR_SECTION.EDIT': deepFreeze({ type: 'TWO_FACTOR_SECTION.EDIT' }),
  'TWO_FACTOR_SECTION.CLOSE': deepFreeze({ type: 'TWO_FACTOR_SECTION.CLOSE' }),
  'TWO_FACTOR_SECTION.DISABLE_REQUEST': deepFreeze({ type: 'TWO_FACTOR_SECTION.DISABLE_REQUEST', now: NOW }),
  'TWO_FACTOR_SECTION.DISABLE_CANCEL': deepFreeze({ type: 'TWO_FACTOR_SECTION.DISABLE_CANCEL' }),
  'TWO_FACTOR_SECTION.DISABLE_CONFIRM': deepFreeze({ type: 'TWO_FACTOR_SECTION.DISABLE_CONFIRM' }),
  'TWO_FACTOR_SECTION.DISABLE_FAILED': deepFreeze({ type: 'TWO_FACTOR_SECTION.DISABLE_FAILED' }),
  'TWO_FACTOR_SECTION.DISABLED': deepFreeze({ type: 'TWO_FACTOR_SECTION.DISABLED' }),
  'TWO_FACTOR_SECTION.RESET': deepFreeze({ type: 'TWO_FACTOR_SECTION.RESET', now: NOW }),
  'RESET_PHONE.CANCEL': deepFreeze({ type: 'RESET_PHONE.CANCEL' }),
  'RESET_PHONE.CONFIRMED': deepFreeze({ type: 'RESET_PHONE.CONFIRMED' }),
  'RESET_PHONE.REMOVED': deepFreeze({ type: 'RESET_PHONE.REMOVED' }),
  'TWO_FACTOR_SECTION.ADD_PHONE': deepFreeze({ type: 'TWO_FACTOR_SECTION.ADD_PHONE' }),
  'ADD_PHONE.CONTINUE': deepFreeze({ type: 'ADD_PHONE.CONTINUE' }),
  'PHONE_ENTRY.SENDING': deepFreeze({ type: 'PHONE_ENTRY.SENDING', phoneNumber: '+442079460958' }),
  'PHONE_ENTRY.SENT': deepFreeze({
    type: 'PHONE_ENTRY.SENT',
    phoneNumber: '+14155550199',
    channel: 'sms',
    resendAfterSeconds: 30,
    now: NOW,
  }),
  'CODE_VERIFICATION.RESENT': deepFreeze({
    type: 'CODE_VERIFICATION.RESENT',
    phoneNumber: '+14155550199',
    channel: 'sms',
    resendAfterSeconds: 30,
    now: NOW,
  }),
  'CODE_VERIFICATION.CHANGE_NUMBER': deepFreeze({ type: 'CODE_VERIFICATION.CHANGE_NUMBER' }),
  'CODE_VERIFICATION.VERIFIED': deepFreeze({ type: 'CODE_VERIFICATION.VERIFIED', recoveryCode: 'WXYZ-1234-5678' }),
  'RECOVERY_CODE.FINISH': deepFreeze({ type: 'RECOVERY_CODE.FINISH', maskedNumber: '+1 ••• ••• 0199' }),
  'REVERIFICATION.REQUIRED': deepFreeze({ type: 'REVERIFICATION.REQUIRED' }),
} satisfies { [Type in WizardEvent['type']]: Extract<WizardEvent, { type: Type }> };
type EventName = keyof typeof events;

function locked(resume: ResumeTarget): WizardState {
  return { step: 'email-code-gate', status: 'locked', resume, stepUp: null };
}

// Every (state, event) pair that moves the machine, with the state it must reach.
const moves: Array<[StateName, EventName, WizardState]> = [
  // The first check: a status answer means the step-up is still fresh (no email); anything else locks.
  ['email-code-gate checking', 'EMAIL_CODE_GATE.STILL_FRESH', { step: 'two-factor-section', status: 'viewing', twoFactorStatus: withoutPhone, stepUp: NEW_GRANT }],
  ['email-code-gate checking', 'EMAIL_CODE_GATE.CHECK_FAILED', { step: 'email-code-gate', status: 'locked', resume: null, stepUp: null }],
  ['email-code-gate checking', 'REVERIFICATION.REQUIRED', { step: 'email-code-gate', status: 'locked', resume: null, stepUp: null }],
  ['email-code-gate locked', 'EMAIL_CODE_GATE.VERIFIED', { step: 'two-factor-section', status: 'loading', twoFactorStatus: null, stepUp: NEW_GRANT }],
  ['email-code-gate resuming code-verification', 'EMAIL_CODE_GATE.VERIFIED', { ...codeVerification, stepUp: NEW_GRANT }],

  ['two-factor-section loading', 'TWO_FACTOR_SECTION.LOADED', { step: 'two-factor-section', status: 'viewing', twoFactorStatus: withoutPhone, stepUp: G }],
  ['two-factor-section loading', 'TWO_FACTOR_SECTION.LOAD_FAILED', { step: 'two-factor-section', status: 'error', twoFactorStatus: null, stepUp: G }],
  ['two-factor-section error', 'TWO_FACTOR_SECTION.RELOAD', { step: 'two-factor-section', status: 'loading', twoFactorStatus: withPhone, stepUp: G }],
  ['two-factor-section viewing with phone', 'TWO_FACTOR_SECTION.RELOAD', { step: 'two-factor-section', status: 'loading', twoFactorStatus: withPhone, stepUp: G }],
  ['two-factor-section viewing without phone', 'TWO_FACTOR_SECTION.RELOAD', { step: 'two-factor-section', status: 'loading', twoFactorStatus: withoutPhone, stepUp: G }],
  ['two-factor-section editing with phone', 'TWO_FACTOR_SECTION.RELOAD', { step: 'two-factor-section', status: 'loading', twoFactorStatus: withPhone, stepUp: G }],
  ['two-factor-section editing without phone', 'TWO_FACTOR_SECTION.RELOAD', { step: 'two-factor-section', status: 'loading', twoFactorStatus: withoutPhone, stepUp: G }],
  ['two-factor-section editing, step-up stale', 'TWO_FACTOR_SECTION.RELOAD', { ...states['two-factor-section editing, step-up stale'], status: 'loading' } as WizardState],

  ['two-factor-section viewing with phone', 'TWO_FACTOR_SECTION.EDIT', { step: 'two-factor-section', status: 'editing', twoFactorStatus: withPhone, stepUp: G }],
  ['two-factor-section viewing without phone', 'TWO_FACTOR_SECTION.EDIT', { step: 'two-factor-section', status: 'editing', twoFactorStatus: withoutPhone, stepUp: G }],
  ['two-factor-section editing with phone', 'TWO_FACTOR_SECTION.CLOSE', { step: 'two-factor-section', status: 'viewing', twoFactorStatus: withPhone, stepUp: G }],
  ['two-factor-section editing without phone', 'TWO_FACTOR_SECTION.CLOSE', { step: 'two-factor-section', status: 'viewing', twoFactorStatus: withoutPhone, stepUp: G }],
  ['two-factor-section editing, step-up stale', 'TWO_FACTOR_SECTION.CLOSE', { ...states['two-factor-section editing, step-up stale'], status: 'viewing' } as WizardState],

  // Disable's confirmation is a state: asked for, cancelled, confirmed, failed, done.
  ['two-factor-section editing with phone', 'TWO_FACTOR_SECTION.DISABLE_REQUEST', { step: 'two-factor-section', status: 'confirming-disable', twoFactorStatus: withPhone, stepUp: G }],
  ['two-factor-section editing without phone', 'TWO_FACTOR_SECTION.DISABLE_REQUEST', { step: 'two-factor-section', status: 'confirming-disable', twoFactorStatus: withoutPhone, stepUp: G }],
  // A stale step-up re-locks before the confirmation, and resumes in edit mode.
  ['two-factor-section editing, step-up stale', 'TWO_FACTOR_SECTION.DISABLE_REQUEST', locked({ step: 'two-factor-section', status: 'editing', twoFactorStatus: withPhone })],
  ['two-factor-section confirming-disable', 'TWO_FACTOR_SECTION.DISABLE_CANCEL', { step: 'two-factor-section', status: 'editing', twoFactorStatus: withPhone, stepUp: G }],
  ['two-factor-section confirming-disable', 'TWO_FACTOR_SECTION.DISABLE_CONFIRM', { step: 'two-factor-section', status: 'disabling', twoFactorStatus: withPhone, stepUp: G }],
  // A headless `disable()` may skip the library's confirmation.
  ['two-factor-section viewing with phone', 'TWO_FACTOR_SECTION.DISABLE_CONFIRM', { step: 'two-factor-section', status: 'disabling', twoFactorStatus: withPhone, stepUp: G }],
  ['two-factor-section viewing without phone', 'TWO_FACTOR_SECTION.DISABLE_CONFIRM', { step: 'two-factor-section', status: 'disabling', twoFactorStatus: withoutPhone, stepUp: G }],
  ['two-factor-section editing with phone', 'TWO_FACTOR_SECTION.DISABLE_CONFIRM', { step: 'two-factor-section', status: 'disabling', twoFactorStatus: withPhone, stepUp: G }],
  ['two-factor-section editing without phone', 'TWO_FACTOR_SECTION.DISABLE_CONFIRM', { step: 'two-factor-section', status: 'disabling', twoFactorStatus: withoutPhone, stepUp: G }],
  [
    'two-factor-section editing, step-up stale',
    'TWO_FACTOR_SECTION.DISABLE_CONFIRM',
    { ...states['two-factor-section editing, step-up stale'], status: 'disabling' } as WizardState,
  ],
  ['two-factor-section disabling', 'TWO_FACTOR_SECTION.DISABLE_FAILED', { step: 'two-factor-section', status: 'confirming-disable', twoFactorStatus: withPhone, stepUp: G }],
  ['two-factor-section disabling', 'TWO_FACTOR_SECTION.DISABLED', { step: 'two-factor-section', status: 'loading', twoFactorStatus: null, stepUp: G }],

  ['two-factor-section editing with phone', 'TWO_FACTOR_SECTION.RESET', { step: 'reset-phone', twoFactorStatus: withPhone, stepUp: G }],
  ['two-factor-section editing, step-up stale', 'TWO_FACTOR_SECTION.RESET', locked({ step: 'two-factor-section', status: 'editing', twoFactorStatus: withPhone })],
  ['reset-phone', 'RESET_PHONE.CANCEL', { step: 'two-factor-section', status: 'editing', twoFactorStatus: withPhone, stepUp: G }],
  // Swap on verify: "Reset and continue" removes nothing and leads to the add-phone step.
  ['reset-phone', 'RESET_PHONE.CONFIRMED', { step: 'add-phone', change: 'swap', stepUp: G }],
  ['reset-phone', 'RESET_PHONE.REMOVED', { step: 'add-phone', change: 'removed', stepUp: G }],
  ['add-phone swap', 'ADD_PHONE.CONTINUE', { step: 'phone-entry', phoneNumber: null, change: 'swap', stepUp: G }],
  ['add-phone removed', 'ADD_PHONE.CONTINUE', { step: 'phone-entry', phoneNumber: null, change: 'removed', stepUp: G }],
  ['two-factor-section editing without phone', 'TWO_FACTOR_SECTION.ADD_PHONE', { step: 'phone-entry', phoneNumber: null, change: 'add', stepUp: G }],

  ['phone-entry empty', 'PHONE_ENTRY.SENDING', { step: 'phone-entry', phoneNumber: '+442079460958', change: 'add', stepUp: G }],
  ['phone-entry keeping a number', 'PHONE_ENTRY.SENDING', { step: 'phone-entry', phoneNumber: '+442079460958', change: 'swap', stepUp: G }],
  ['phone-entry empty', 'PHONE_ENTRY.SENT', { step: 'code-verification', phoneNumber: '+14155550199', channel: 'sms', codeLength: 6, resendAt: NOW + 30_000, change: 'add', stepUp: G }],
  ['phone-entry keeping a number', 'PHONE_ENTRY.SENT', { step: 'code-verification', phoneNumber: '+14155550199', channel: 'sms', codeLength: 6, resendAt: NOW + 30_000, change: 'swap', stepUp: G }],
  // A resend keeps the code length it already knew when the backend does not repeat it.
  ['code-verification', 'CODE_VERIFICATION.RESENT', { step: 'code-verification', phoneNumber: '+14155550199', channel: 'sms', codeLength: 8, resendAt: NOW + 30_000, change: 'swap', stepUp: G }],
  ['code-verification', 'CODE_VERIFICATION.CHANGE_NUMBER', { step: 'phone-entry', phoneNumber: '+14155550199', change: 'swap', stepUp: G }],
  ['code-verification', 'CODE_VERIFICATION.VERIFIED', { step: 'recovery-code', recoveryCode: 'WXYZ-1234-5678', phoneNumber: '+14155550199', stepUp: G }],
  ['recovery-code', 'RECOVERY_CODE.FINISH', { step: 'done', maskedNumber: '+1 ••• ••• 0199', stepUp: G }],

  ['two-factor-section loading', 'REVERIFICATION.REQUIRED', locked({ step: 'two-factor-section', status: 'loading', twoFactorStatus: null })],
  ['two-factor-section viewing with phone', 'REVERIFICATION.REQUIRED', locked({ step: 'two-factor-section', status: 'viewing', twoFactorStatus: withPhone })],
  ['two-factor-section viewing without phone', 'REVERIFICATION.REQUIRED', locked({ step: 'two-factor-section', status: 'viewing', twoFactorStatus: withoutPhone })],
  ['two-factor-section editing with phone', 'REVERIFICATION.REQUIRED', locked({ step: 'two-factor-section', status: 'editing', twoFactorStatus: withPhone })],
  ['two-factor-section editing without phone', 'REVERIFICATION.REQUIRED', locked({ step: 'two-factor-section', status: 'editing', twoFactorStatus: withoutPhone })],
  ['two-factor-section editing, step-up stale', 'REVERIFICATION.REQUIRED', locked({ step: 'two-factor-section', status: 'editing', twoFactorStatus: withPhone })],
  // Disable is not resumed by itself: the section comes back in edit mode.
  ['two-factor-section confirming-disable', 'REVERIFICATION.REQUIRED', locked({ step: 'two-factor-section', status: 'editing', twoFactorStatus: withPhone })],
  ['two-factor-section disabling', 'REVERIFICATION.REQUIRED', locked({ step: 'two-factor-section', status: 'editing', twoFactorStatus: withPhone })],
  // A failed load is retried after re-verifying rather than shown again as an error.
  ['two-factor-section error', 'REVERIFICATION.REQUIRED', locked({ step: 'two-factor-section', status: 'loading', twoFactorStatus: withPhone })],
  // The confirmation is not reopened by itself: the section comes back in edit mode.
  ['reset-phone', 'REVERIFICATION.REQUIRED', locked({ step: 'two-factor-section', status: 'editing', twoFactorStatus: withPhone })],
  ['add-phone swap', 'REVERIFICATION.REQUIRED', locked({ step: 'add-phone', change: 'swap' })],
  ['add-phone removed', 'REVERIFICATION.REQUIRED', locked({ step: 'add-phone', change: 'removed' })],
  ['phone-entry empty', 'REVERIFICATION.REQUIRED', locked({ step: 'phone-entry', phoneNumber: null, change: 'add' })],
  ['phone-entry keeping a number', 'REVERIFICATION.REQUIRED', locked({ step: 'phone-entry', phoneNumber: '+14155550199', change: 'swap' })],
  ['code-verification', 'REVERIFICATION.REQUIRED', locked(codeVerificationTarget)],
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
    // Guards against the table shrinking by accident: 20 states × 26 events minus the moves.
    expect(stays.length).toBe(stateNames.length * eventNames.length - moves.length);
    expect(stays.length).toBeGreaterThan(450);
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
  it('starts by checking whether an earlier step-up is still fresh, with nothing to resume', () => {
    expect(initialWizardState).toEqual({ step: 'email-code-gate', status: 'checking', resume: null, stepUp: null });
  });

  it('cannot be mutated by a careless consumer', () => {
    expect(Object.isFrozen(initialWizardState)).toBe(true);
  });

  it('opens the section loading after the email code verifies', () => {
    const gate = transition(initialWizardState, { type: 'REVERIFICATION.REQUIRED' });
    expect(transition(gate, { type: 'EMAIL_CODE_GATE.VERIFIED', grant: NEW_GRANT })).toEqual({
      step: 'two-factor-section',
      status: 'loading',
      twoFactorStatus: null,
      stepUp: NEW_GRANT,
    });
  });

  it('treats a verification without a clock as a grant the backend alone can end', () => {
    const gate = transition(initialWizardState, { type: 'EMAIL_CODE_GATE.CHECK_FAILED' });
    const next = transition(gate, { type: 'EMAIL_CODE_GATE.VERIFIED' });
    expect(next.stepUp).toEqual({ grantedAt: 0, expiresAt: Number.POSITIVE_INFINITY });
  });
});

describe('PHONE_ENTRY.SENT and CODE_VERIFICATION.RESENT', () => {
  const phoneEntry: WizardState = { step: 'phone-entry', phoneNumber: null, change: 'add', stepUp: G };

  it('uses the code length the backend gives', () => {
    const next = transition(phoneEntry, { type: 'PHONE_ENTRY.SENT', phoneNumber: '+14155550123', channel: 'sms', codeLength: 8, now: NOW });
    expect(next).toMatchObject({ step: 'code-verification', codeLength: 8 });
  });

  it('defaults the code length to 6', () => {
    const next = transition(phoneEntry, { type: 'PHONE_ENTRY.SENT', phoneNumber: '+14155550123', channel: 'sms', now: NOW });
    expect(next).toMatchObject({ codeLength: 6 });
    expect(DEFAULT_CODE_LENGTH).toBe(6);
  });

  it.each([0, -4, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 999])('ignores an unusable code length (%s)', (codeLength) => {
    const next = transition(phoneEntry, { type: 'PHONE_ENTRY.SENT', phoneNumber: '+14155550123', channel: 'sms', codeLength, now: NOW });
    expect(next).toMatchObject({ codeLength: 6 });
  });

  it('has no resend deadline when the backend sets no wait', () => {
    const next = transition(phoneEntry, { type: 'PHONE_ENTRY.SENT', phoneNumber: '+14155550123', channel: 'call', now: NOW });
    expect(next).toEqual({
      step: 'code-verification',
      phoneNumber: '+14155550123',
      channel: 'call',
      codeLength: 6,
      resendAt: null,
      change: 'add',
      stepUp: G,
    });
  });

  it('computes the resend deadline from the event clock', () => {
    const next = transition(phoneEntry, { type: 'PHONE_ENTRY.SENT', phoneNumber: '+14155550123', channel: 'sms', resendAfterSeconds: 45, now: NOW });
    expect(next).toMatchObject({ resendAt: NOW + 45_000 });
  });

  it('switches the channel and deadline when a code is resent by call', () => {
    const next = transition(codeVerification, {
      type: 'CODE_VERIFICATION.RESENT',
      phoneNumber: '+14155550199',
      channel: 'call',
      codeLength: 7,
      resendAfterSeconds: 60,
      now: NOW + 1_000,
    });
    expect(next).toMatchObject({ channel: 'call', codeLength: 7, resendAt: NOW + 61_000, change: 'swap' });
  });

  it('drops a resend outcome for another number', () => {
    const stale: WizardEvent = { type: 'CODE_VERIFICATION.RESENT', phoneNumber: '+442079460958', channel: 'sms', now: NOW };
    expect(transition(codeVerification, stale)).toBe(codeVerification);
  });
});

describe('swap on verify', () => {
  it('asks the backend to replace the current phone only after the user confirmed Reset of one', () => {
    const confirmed = transition(states['reset-phone'], { type: 'RESET_PHONE.CONFIRMED' });
    const entry = transition(confirmed, { type: 'ADD_PHONE.CONTINUE' });
    const sent = transition(entry, { type: 'PHONE_ENTRY.SENT', phoneNumber: '+14155550199', channel: 'sms', now: NOW });
    expect(sent).toMatchObject({ step: 'code-verification', change: 'swap' });
    expect(replacesCurrentPhone('swap')).toBe(true);
    expect(replacesCurrentPhone('add')).toBe(false);
    expect(replacesCurrentPhone('removed')).toBe(false);
  });

  it('keeps the change across Change number and a re-verification', () => {
    const entry = transition(codeVerification, { type: 'CODE_VERIFICATION.CHANGE_NUMBER' });
    expect(entry).toMatchObject({ step: 'phone-entry', change: 'swap' });
    const gated = transition(entry, { type: 'REVERIFICATION.REQUIRED' });
    expect(transition(gated, { type: 'EMAIL_CODE_GATE.VERIFIED', grant: NEW_GRANT })).toMatchObject({ step: 'phone-entry', change: 'swap' });
  });
});

describe('re-verification', () => {
  it('comes back to code verification with its number, channel and deadline intact, under the new grant', () => {
    const gated = transition(codeVerification, { type: 'REVERIFICATION.REQUIRED' });
    expect(gated).toMatchObject({ step: 'email-code-gate', status: 'locked', stepUp: null });
    expect(transition(gated, { type: 'EMAIL_CODE_GATE.VERIFIED', grant: NEW_GRANT })).toEqual({ ...codeVerification, stepUp: NEW_GRANT });
  });

  it('keeps the number being sent when phone entry has to re-verify', () => {
    const sending = transition(states['phone-entry empty'], { type: 'PHONE_ENTRY.SENDING', phoneNumber: '+442079460958' });
    const gated = transition(sending, { type: 'REVERIFICATION.REQUIRED' });
    expect(transition(gated, { type: 'EMAIL_CODE_GATE.VERIFIED', grant: NEW_GRANT })).toEqual({
      step: 'phone-entry',
      phoneNumber: '+442079460958',
      change: 'add',
      stepUp: NEW_GRANT,
    });
  });

  it('takes the refused number from the event too', () => {
    const gated = transition(states['phone-entry empty'], { type: 'REVERIFICATION.REQUIRED', phoneNumber: '+442079460958' });
    expect(gated).toEqual(locked({ step: 'phone-entry', phoneNumber: '+442079460958', change: 'add' }));
  });

  it('never leaves the recovery code screen, so the code is not lost', () => {
    const recovery = states['recovery-code'];
    expect(transition(recovery, { type: 'REVERIFICATION.REQUIRED' })).toBe(recovery);
  });

  it('does not stack a second gate on the email gate', () => {
    const gate = states['email-code-gate resuming code-verification'];
    expect(transition(gate, { type: 'REVERIFICATION.REQUIRED' })).toBe(gate);
  });
});

describe('the step-up grant', () => {
  it('is fresh until it expires, and never without one', () => {
    expect(isStepUpFresh(G, NOW)).toBe(true);
    expect(isStepUpFresh(G, G.expiresAt)).toBe(true);
    expect(isStepUpFresh(G, G.expiresAt + 1)).toBe(false);
    expect(isStepUpFresh(null, NOW)).toBe(false);
    expect(grantStepUp(NOW, 1000)).toEqual({ grantedAt: NOW, expiresAt: NOW + 1000 });
    expect(isStepUpFresh(grantStepUp(NOW, Number.POSITIVE_INFINITY), NOW + 1e12)).toBe(true);
  });

  it('is carried unchanged from step to step until a re-verification withdraws it', () => {
    let state: WizardState = states['two-factor-section editing with phone'];
    for (const event of [
      { type: 'TWO_FACTOR_SECTION.RESET', now: NOW },
      { type: 'RESET_PHONE.CONFIRMED' },
      { type: 'ADD_PHONE.CONTINUE' },
      { type: 'PHONE_ENTRY.SENT', phoneNumber: '+14155550199', channel: 'sms', now: NOW },
      { type: 'CODE_VERIFICATION.VERIFIED', recoveryCode: 'R' },
      { type: 'RECOVERY_CODE.FINISH' },
    ] satisfies WizardEvent[]) {
      state = transition(state, event);
      expect(state.stepUp).toBe(G);
    }
    expect(state).toEqual({ step: 'done', maskedNumber: null, stepUp: G });
  });
});

describe('the recovery code', () => {
  it('leaves the state on Finish', () => {
    const done = transition(states['recovery-code'], { type: 'RECOVERY_CODE.FINISH', maskedNumber: '+1 ••• ••• 0199' });
    expect(done).toEqual({ step: 'done', maskedNumber: '+1 ••• ••• 0199', stepUp: G });
    expect(JSON.stringify(done)).not.toContain('ABCD');
  });
});

describe('guards', () => {
  it('does not open the reset modal when there is no phone to reset', () => {
    const editing = states['two-factor-section editing without phone'];
    expect(transition(editing, { type: 'TWO_FACTOR_SECTION.RESET', now: NOW })).toBe(editing);
  });

  it('does not offer adding a phone over an existing one', () => {
    const editing = states['two-factor-section editing with phone'];
    expect(transition(editing, { type: 'TWO_FACTOR_SECTION.ADD_PHONE' })).toBe(editing);
  });

  it('does not enter edit mode before a status has loaded', () => {
    const viewing: WizardState = { step: 'two-factor-section', status: 'viewing', twoFactorStatus: null, stepUp: G };
    expect(transition(viewing, { type: 'TWO_FACTOR_SECTION.EDIT' })).toBe(viewing);
  });

  it('does not add a phone while the status is unknown', () => {
    const editing: WizardState = { step: 'two-factor-section', status: 'editing', twoFactorStatus: null, stepUp: G };
    expect(transition(editing, { type: 'TWO_FACTOR_SECTION.ADD_PHONE' })).toBe(editing);
  });

  it('does not ask to confirm Disable on a paid account', () => {
    const paid: WizardState = { step: 'two-factor-section', status: 'editing', twoFactorStatus: { phone: null, canDisable: false }, stepUp: G };
    expect(transition(paid, { type: 'TWO_FACTOR_SECTION.DISABLE_REQUEST', now: NOW })).toBe(paid);
    expect(transition(paid, { type: 'TWO_FACTOR_SECTION.DISABLE_CONFIRM' })).toBe(paid);
  });
});

describe('the section on its own', () => {
  it('runs the same rules without a step-up', () => {
    const editing = { status: 'editing' as const, twoFactorStatus: withPhone };
    const confirming = transitionSection(editing, { type: 'TWO_FACTOR_SECTION.DISABLE_REQUEST' });
    expect(confirming).toEqual({ status: 'confirming-disable', twoFactorStatus: withPhone });
    expect(transitionSection(confirming, { type: 'TWO_FACTOR_SECTION.DISABLE_CONFIRM' })).toEqual({ status: 'disabling', twoFactorStatus: withPhone });
  });

  it('selects what a view shows, Disable only when the adapter can do it', () => {
    const confirming = { status: 'confirming-disable' as const, twoFactorStatus: withPhone };
    expect(selectSection(confirming, true)).toEqual({
      status: 'ready',
      maskedNumber: '+1 ••• ••• 0123',
      canDisable: true,
      editing: true,
      disable: 'confirming',
    });
    expect(selectSection(confirming, false).canDisable).toBe(false);
    expect(selectSection({ status: 'disabling', twoFactorStatus: withPhone }, true).disable).toBe('pending');
    expect(selectSection({ status: 'loading', twoFactorStatus: null }, true)).toMatchObject({ status: 'loading', maskedNumber: null });
    expect(selectSection({ status: 'error', twoFactorStatus: null }, true).status).toBe('error');
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
      'email-code-gate' | 'two-factor-section' | 'reset-phone' | 'add-phone' | 'phone-entry' | 'code-verification' | 'recovery-code' | 'done'
    >();
  });
});
