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
  'email-gate checking': deepFreeze<WizardState>({ step: 'email-gate', status: 'checking', resume: null, stepUp: null }),
  'email-gate locked': deepFreeze<WizardState>({ step: 'email-gate', status: 'locked', resume: null, stepUp: null }),
  'email-gate resuming code-verification': deepFreeze<WizardState>({
    step: 'email-gate',
    status: 'locked',
    resume: codeVerificationTarget,
    stepUp: null,
  }),
  'section loading': deepFreeze<WizardState>({ step: 'section', status: 'loading', twoFactorStatus: null, stepUp: G }),
  'section viewing with phone': deepFreeze<WizardState>({ step: 'section', status: 'viewing', twoFactorStatus: withPhone, stepUp: G }),
  'section viewing without phone': deepFreeze<WizardState>({ step: 'section', status: 'viewing', twoFactorStatus: withoutPhone, stepUp: G }),
  'section editing with phone': deepFreeze<WizardState>({ step: 'section', status: 'editing', twoFactorStatus: withPhone, stepUp: G }),
  'section editing without phone': deepFreeze<WizardState>({ step: 'section', status: 'editing', twoFactorStatus: withoutPhone, stepUp: G }),
  'section editing, step-up stale': deepFreeze<WizardState>({
    step: 'section',
    status: 'editing',
    twoFactorStatus: withPhone,
    stepUp: { grantedAt: NOW - 30 * 60_000, expiresAt: NOW - 10 * 60_000 },
  }),
  'section confirming-disable': deepFreeze<WizardState>({ step: 'section', status: 'confirming-disable', twoFactorStatus: withPhone, stepUp: G }),
  'section disabling': deepFreeze<WizardState>({ step: 'section', status: 'disabling', twoFactorStatus: withPhone, stepUp: G }),
  'section error': deepFreeze<WizardState>({ step: 'section', status: 'error', twoFactorStatus: withPhone, stepUp: G }),
  'reset-confirm': deepFreeze<WizardState>({ step: 'reset-confirm', twoFactorStatus: withPhone, stepUp: G }),
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
  'EMAIL.VERIFIED': deepFreeze({ type: 'EMAIL.VERIFIED', grant: NEW_GRANT }),
  'STATUS.LOADED': deepFreeze({ type: 'STATUS.LOADED', twoFactorStatus: withoutPhone, grant: NEW_GRANT }),
  'STATUS.FAILED': deepFreeze({ type: 'STATUS.FAILED' }),
  'STATUS.RELOAD': deepFreeze({ type: 'STATUS.RELOAD' }),
  'SECTION.EDIT': deepFreeze({ type: 'SECTION.EDIT' }),
  'SECTION.CLOSE': deepFreeze({ type: 'SECTION.CLOSE' }),
  'DISABLE.REQUEST': deepFreeze({ type: 'DISABLE.REQUEST', now: NOW }),
  'DISABLE.CANCEL': deepFreeze({ type: 'DISABLE.CANCEL' }),
  'DISABLE.CONFIRM': deepFreeze({ type: 'DISABLE.CONFIRM' }),
  'DISABLE.FAILED': deepFreeze({ type: 'DISABLE.FAILED' }),
  'TWO_FACTOR.DISABLED': deepFreeze({ type: 'TWO_FACTOR.DISABLED' }),
  'RESET.OPEN': deepFreeze({ type: 'RESET.OPEN', now: NOW }),
  'RESET.CANCEL': deepFreeze({ type: 'RESET.CANCEL' }),
  'RESET.CONFIRMED': deepFreeze({ type: 'RESET.CONFIRMED' }),
  'RESET.DONE': deepFreeze({ type: 'RESET.DONE' }),
  'PHONE.ADD': deepFreeze({ type: 'PHONE.ADD' }),
  'PHONE_CODE.SENDING': deepFreeze({ type: 'PHONE_CODE.SENDING', phoneNumber: '+442079460958' }),
  'PHONE_CODE.SENT': deepFreeze({
    type: 'PHONE_CODE.SENT',
    phoneNumber: '+14155550199',
    channel: 'sms',
    resendAfterSeconds: 30,
    now: NOW,
  }),
  'PHONE.CHANGE': deepFreeze({ type: 'PHONE.CHANGE' }),
  'PHONE_CODE.VERIFIED': deepFreeze({ type: 'PHONE_CODE.VERIFIED', recoveryCode: 'WXYZ-1234-5678' }),
  'RECOVERY.FINISH': deepFreeze({ type: 'RECOVERY.FINISH', maskedNumber: '+1 ••• ••• 0199' }),
  'REVERIFICATION.REQUIRED': deepFreeze({ type: 'REVERIFICATION.REQUIRED' }),
} satisfies { [Type in WizardEvent['type']]: Extract<WizardEvent, { type: Type }> };
type EventName = keyof typeof events;

function locked(resume: ResumeTarget): WizardState {
  return { step: 'email-gate', status: 'locked', resume, stepUp: null };
}

// Every (state, event) pair that moves the machine, with the state it must reach.
const moves: Array<[StateName, EventName, WizardState]> = [
  // The first check: a status answer means the step-up is still fresh (no email); anything else locks.
  ['email-gate checking', 'STATUS.LOADED', { step: 'section', status: 'viewing', twoFactorStatus: withoutPhone, stepUp: NEW_GRANT }],
  ['email-gate checking', 'STATUS.FAILED', { step: 'email-gate', status: 'locked', resume: null, stepUp: null }],
  ['email-gate checking', 'REVERIFICATION.REQUIRED', { step: 'email-gate', status: 'locked', resume: null, stepUp: null }],
  ['email-gate locked', 'EMAIL.VERIFIED', { step: 'section', status: 'loading', twoFactorStatus: null, stepUp: NEW_GRANT }],
  ['email-gate resuming code-verification', 'EMAIL.VERIFIED', { ...codeVerification, stepUp: NEW_GRANT }],

  ['section loading', 'STATUS.LOADED', { step: 'section', status: 'viewing', twoFactorStatus: withoutPhone, stepUp: G }],
  ['section loading', 'STATUS.FAILED', { step: 'section', status: 'error', twoFactorStatus: null, stepUp: G }],
  ['section error', 'STATUS.RELOAD', { step: 'section', status: 'loading', twoFactorStatus: withPhone, stepUp: G }],
  ['section viewing with phone', 'STATUS.RELOAD', { step: 'section', status: 'loading', twoFactorStatus: withPhone, stepUp: G }],
  ['section viewing without phone', 'STATUS.RELOAD', { step: 'section', status: 'loading', twoFactorStatus: withoutPhone, stepUp: G }],
  ['section editing with phone', 'STATUS.RELOAD', { step: 'section', status: 'loading', twoFactorStatus: withPhone, stepUp: G }],
  ['section editing without phone', 'STATUS.RELOAD', { step: 'section', status: 'loading', twoFactorStatus: withoutPhone, stepUp: G }],
  ['section editing, step-up stale', 'STATUS.RELOAD', { ...states['section editing, step-up stale'], status: 'loading' } as WizardState],

  ['section viewing with phone', 'SECTION.EDIT', { step: 'section', status: 'editing', twoFactorStatus: withPhone, stepUp: G }],
  ['section viewing without phone', 'SECTION.EDIT', { step: 'section', status: 'editing', twoFactorStatus: withoutPhone, stepUp: G }],
  ['section editing with phone', 'SECTION.CLOSE', { step: 'section', status: 'viewing', twoFactorStatus: withPhone, stepUp: G }],
  ['section editing without phone', 'SECTION.CLOSE', { step: 'section', status: 'viewing', twoFactorStatus: withoutPhone, stepUp: G }],
  ['section editing, step-up stale', 'SECTION.CLOSE', { ...states['section editing, step-up stale'], status: 'viewing' } as WizardState],

  // Disable's confirmation is a state: asked for, cancelled, confirmed, failed, done.
  ['section editing with phone', 'DISABLE.REQUEST', { step: 'section', status: 'confirming-disable', twoFactorStatus: withPhone, stepUp: G }],
  ['section editing without phone', 'DISABLE.REQUEST', { step: 'section', status: 'confirming-disable', twoFactorStatus: withoutPhone, stepUp: G }],
  // A stale step-up re-locks before the confirmation, and resumes in edit mode.
  ['section editing, step-up stale', 'DISABLE.REQUEST', locked({ step: 'section', status: 'editing', twoFactorStatus: withPhone })],
  ['section confirming-disable', 'DISABLE.CANCEL', { step: 'section', status: 'editing', twoFactorStatus: withPhone, stepUp: G }],
  ['section confirming-disable', 'DISABLE.CONFIRM', { step: 'section', status: 'disabling', twoFactorStatus: withPhone, stepUp: G }],
  // A headless `disable()` may skip the library's confirmation.
  ['section viewing with phone', 'DISABLE.CONFIRM', { step: 'section', status: 'disabling', twoFactorStatus: withPhone, stepUp: G }],
  ['section viewing without phone', 'DISABLE.CONFIRM', { step: 'section', status: 'disabling', twoFactorStatus: withoutPhone, stepUp: G }],
  ['section editing with phone', 'DISABLE.CONFIRM', { step: 'section', status: 'disabling', twoFactorStatus: withPhone, stepUp: G }],
  ['section editing without phone', 'DISABLE.CONFIRM', { step: 'section', status: 'disabling', twoFactorStatus: withoutPhone, stepUp: G }],
  [
    'section editing, step-up stale',
    'DISABLE.CONFIRM',
    { ...states['section editing, step-up stale'], status: 'disabling' } as WizardState,
  ],
  ['section disabling', 'DISABLE.FAILED', { step: 'section', status: 'confirming-disable', twoFactorStatus: withPhone, stepUp: G }],
  ['section disabling', 'TWO_FACTOR.DISABLED', { step: 'section', status: 'loading', twoFactorStatus: null, stepUp: G }],

  ['section editing with phone', 'RESET.OPEN', { step: 'reset-confirm', twoFactorStatus: withPhone, stepUp: G }],
  ['section editing, step-up stale', 'RESET.OPEN', locked({ step: 'section', status: 'editing', twoFactorStatus: withPhone })],
  ['reset-confirm', 'RESET.CANCEL', { step: 'section', status: 'editing', twoFactorStatus: withPhone, stepUp: G }],
  // Swap on verify: "Reset and continue" removes nothing and leads to the add-phone step.
  ['reset-confirm', 'RESET.CONFIRMED', { step: 'add-phone', change: 'swap', stepUp: G }],
  ['reset-confirm', 'RESET.DONE', { step: 'add-phone', change: 'removed', stepUp: G }],
  ['add-phone swap', 'PHONE.ADD', { step: 'phone-entry', phoneNumber: null, change: 'swap', stepUp: G }],
  ['add-phone removed', 'PHONE.ADD', { step: 'phone-entry', phoneNumber: null, change: 'removed', stepUp: G }],
  ['section editing without phone', 'PHONE.ADD', { step: 'phone-entry', phoneNumber: null, change: 'add', stepUp: G }],

  ['phone-entry empty', 'PHONE_CODE.SENDING', { step: 'phone-entry', phoneNumber: '+442079460958', change: 'add', stepUp: G }],
  ['phone-entry keeping a number', 'PHONE_CODE.SENDING', { step: 'phone-entry', phoneNumber: '+442079460958', change: 'swap', stepUp: G }],
  ['phone-entry empty', 'PHONE_CODE.SENT', { step: 'code-verification', phoneNumber: '+14155550199', channel: 'sms', codeLength: 6, resendAt: NOW + 30_000, change: 'add', stepUp: G }],
  ['phone-entry keeping a number', 'PHONE_CODE.SENT', { step: 'code-verification', phoneNumber: '+14155550199', channel: 'sms', codeLength: 6, resendAt: NOW + 30_000, change: 'swap', stepUp: G }],
  // A resend keeps the code length it already knew when the backend does not repeat it.
  ['code-verification', 'PHONE_CODE.SENT', { step: 'code-verification', phoneNumber: '+14155550199', channel: 'sms', codeLength: 8, resendAt: NOW + 30_000, change: 'swap', stepUp: G }],
  ['code-verification', 'PHONE.CHANGE', { step: 'phone-entry', phoneNumber: '+14155550199', change: 'swap', stepUp: G }],
  ['code-verification', 'PHONE_CODE.VERIFIED', { step: 'recovery-code', recoveryCode: 'WXYZ-1234-5678', phoneNumber: '+14155550199', stepUp: G }],
  ['recovery-code', 'RECOVERY.FINISH', { step: 'done', maskedNumber: '+1 ••• ••• 0199', stepUp: G }],

  ['section loading', 'REVERIFICATION.REQUIRED', locked({ step: 'section', status: 'loading', twoFactorStatus: null })],
  ['section viewing with phone', 'REVERIFICATION.REQUIRED', locked({ step: 'section', status: 'viewing', twoFactorStatus: withPhone })],
  ['section viewing without phone', 'REVERIFICATION.REQUIRED', locked({ step: 'section', status: 'viewing', twoFactorStatus: withoutPhone })],
  ['section editing with phone', 'REVERIFICATION.REQUIRED', locked({ step: 'section', status: 'editing', twoFactorStatus: withPhone })],
  ['section editing without phone', 'REVERIFICATION.REQUIRED', locked({ step: 'section', status: 'editing', twoFactorStatus: withoutPhone })],
  ['section editing, step-up stale', 'REVERIFICATION.REQUIRED', locked({ step: 'section', status: 'editing', twoFactorStatus: withPhone })],
  // Disable is not resumed by itself: the section comes back in edit mode.
  ['section confirming-disable', 'REVERIFICATION.REQUIRED', locked({ step: 'section', status: 'editing', twoFactorStatus: withPhone })],
  ['section disabling', 'REVERIFICATION.REQUIRED', locked({ step: 'section', status: 'editing', twoFactorStatus: withPhone })],
  // A failed load is retried after re-verifying rather than shown again as an error.
  ['section error', 'REVERIFICATION.REQUIRED', locked({ step: 'section', status: 'loading', twoFactorStatus: withPhone })],
  // The confirmation is not reopened by itself: the section comes back in edit mode.
  ['reset-confirm', 'REVERIFICATION.REQUIRED', locked({ step: 'section', status: 'editing', twoFactorStatus: withPhone })],
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
    // Guards against the table shrinking by accident: 20 states × 22 events minus the moves.
    expect(stays.length).toBe(stateNames.length * eventNames.length - moves.length);
    expect(stays.length).toBeGreaterThan(370);
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
    expect(initialWizardState).toEqual({ step: 'email-gate', status: 'checking', resume: null, stepUp: null });
  });

  it('cannot be mutated by a careless consumer', () => {
    expect(Object.isFrozen(initialWizardState)).toBe(true);
  });

  it('opens the section loading after the email code verifies', () => {
    const gate = transition(initialWizardState, { type: 'REVERIFICATION.REQUIRED' });
    expect(transition(gate, { type: 'EMAIL.VERIFIED', grant: NEW_GRANT })).toEqual({
      step: 'section',
      status: 'loading',
      twoFactorStatus: null,
      stepUp: NEW_GRANT,
    });
  });

  it('treats a verification without a clock as a grant the backend alone can end', () => {
    const gate = transition(initialWizardState, { type: 'STATUS.FAILED' });
    const next = transition(gate, { type: 'EMAIL.VERIFIED' });
    expect(next.stepUp).toEqual({ grantedAt: 0, expiresAt: Number.POSITIVE_INFINITY });
  });
});

describe('PHONE_CODE.SENT', () => {
  const phoneEntry: WizardState = { step: 'phone-entry', phoneNumber: null, change: 'add', stepUp: G };

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
    const next = transition(phoneEntry, { type: 'PHONE_CODE.SENT', phoneNumber: '+14155550123', channel: 'sms', resendAfterSeconds: 45, now: NOW });
    expect(next).toMatchObject({ resendAt: NOW + 45_000 });
  });

  it('switches the channel and deadline when a code is resent by call', () => {
    const next = transition(codeVerification, {
      type: 'PHONE_CODE.SENT',
      phoneNumber: '+14155550199',
      channel: 'call',
      codeLength: 7,
      resendAfterSeconds: 60,
      now: NOW + 1_000,
    });
    expect(next).toMatchObject({ channel: 'call', codeLength: 7, resendAt: NOW + 61_000, change: 'swap' });
  });

  it('drops a resend outcome for another number', () => {
    const stale: WizardEvent = { type: 'PHONE_CODE.SENT', phoneNumber: '+442079460958', channel: 'sms', now: NOW };
    expect(transition(codeVerification, stale)).toBe(codeVerification);
  });
});

describe('swap on verify', () => {
  it('asks the backend to replace the current phone only after the user confirmed Reset of one', () => {
    const confirmed = transition(states['reset-confirm'], { type: 'RESET.CONFIRMED' });
    const entry = transition(confirmed, { type: 'PHONE.ADD' });
    const sent = transition(entry, { type: 'PHONE_CODE.SENT', phoneNumber: '+14155550199', channel: 'sms', now: NOW });
    expect(sent).toMatchObject({ step: 'code-verification', change: 'swap' });
    expect(replacesCurrentPhone('swap')).toBe(true);
    expect(replacesCurrentPhone('add')).toBe(false);
    expect(replacesCurrentPhone('removed')).toBe(false);
  });

  it('keeps the change across Change number and a re-verification', () => {
    const entry = transition(codeVerification, { type: 'PHONE.CHANGE' });
    expect(entry).toMatchObject({ step: 'phone-entry', change: 'swap' });
    const gated = transition(entry, { type: 'REVERIFICATION.REQUIRED' });
    expect(transition(gated, { type: 'EMAIL.VERIFIED', grant: NEW_GRANT })).toMatchObject({ step: 'phone-entry', change: 'swap' });
  });
});

describe('re-verification', () => {
  it('comes back to code verification with its number, channel and deadline intact, under the new grant', () => {
    const gated = transition(codeVerification, { type: 'REVERIFICATION.REQUIRED' });
    expect(gated).toMatchObject({ step: 'email-gate', status: 'locked', stepUp: null });
    expect(transition(gated, { type: 'EMAIL.VERIFIED', grant: NEW_GRANT })).toEqual({ ...codeVerification, stepUp: NEW_GRANT });
  });

  it('keeps the number being sent when phone entry has to re-verify', () => {
    const sending = transition(states['phone-entry empty'], { type: 'PHONE_CODE.SENDING', phoneNumber: '+442079460958' });
    const gated = transition(sending, { type: 'REVERIFICATION.REQUIRED' });
    expect(transition(gated, { type: 'EMAIL.VERIFIED', grant: NEW_GRANT })).toEqual({
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
    const gate = states['email-gate resuming code-verification'];
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
    let state: WizardState = states['section editing with phone'];
    for (const event of [
      { type: 'RESET.OPEN', now: NOW },
      { type: 'RESET.CONFIRMED' },
      { type: 'PHONE.ADD' },
      { type: 'PHONE_CODE.SENT', phoneNumber: '+14155550199', channel: 'sms', now: NOW },
      { type: 'PHONE_CODE.VERIFIED', recoveryCode: 'R' },
      { type: 'RECOVERY.FINISH' },
    ] satisfies WizardEvent[]) {
      state = transition(state, event);
      expect(state.stepUp).toBe(G);
    }
    expect(state).toEqual({ step: 'done', maskedNumber: null, stepUp: G });
  });
});

describe('the recovery code', () => {
  it('leaves the state on Finish', () => {
    const done = transition(states['recovery-code'], { type: 'RECOVERY.FINISH', maskedNumber: '+1 ••• ••• 0199' });
    expect(done).toEqual({ step: 'done', maskedNumber: '+1 ••• ••• 0199', stepUp: G });
    expect(JSON.stringify(done)).not.toContain('ABCD');
  });
});

describe('guards', () => {
  it('does not open the reset modal when there is no phone to reset', () => {
    const editing = states['section editing without phone'];
    expect(transition(editing, { type: 'RESET.OPEN', now: NOW })).toBe(editing);
  });

  it('does not offer adding a phone over an existing one', () => {
    const editing = states['section editing with phone'];
    expect(transition(editing, { type: 'PHONE.ADD' })).toBe(editing);
  });

  it('does not enter edit mode before a status has loaded', () => {
    const viewing: WizardState = { step: 'section', status: 'viewing', twoFactorStatus: null, stepUp: G };
    expect(transition(viewing, { type: 'SECTION.EDIT' })).toBe(viewing);
  });

  it('does not add a phone while the status is unknown', () => {
    const editing: WizardState = { step: 'section', status: 'editing', twoFactorStatus: null, stepUp: G };
    expect(transition(editing, { type: 'PHONE.ADD' })).toBe(editing);
  });

  it('does not ask to confirm Disable on a paid account', () => {
    const paid: WizardState = { step: 'section', status: 'editing', twoFactorStatus: { phone: null, canDisable: false }, stepUp: G };
    expect(transition(paid, { type: 'DISABLE.REQUEST', now: NOW })).toBe(paid);
    expect(transition(paid, { type: 'DISABLE.CONFIRM' })).toBe(paid);
  });
});

describe('the section on its own', () => {
  it('runs the same rules without a step-up', () => {
    const editing = { status: 'editing' as const, twoFactorStatus: withPhone };
    const confirming = transitionSection(editing, { type: 'DISABLE.REQUEST' });
    expect(confirming).toEqual({ status: 'confirming-disable', twoFactorStatus: withPhone });
    expect(transitionSection(confirming, { type: 'DISABLE.CONFIRM' })).toEqual({ status: 'disabling', twoFactorStatus: withPhone });
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
      'email-gate' | 'section' | 'reset-confirm' | 'add-phone' | 'phone-entry' | 'code-verification' | 'recovery-code' | 'done'
    >();
  });
});
