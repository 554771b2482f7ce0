import type { PhoneCodeChannel, TwoFactorStatus } from './adapter';
import { deadlineFromNow } from './time';

/**
 * The wizard as a pure state machine: `transition(state, event)` returns the next state, or the
 * very same object when the event does not apply to the current step (so React can skip a render
 * and stale async outcomes are dropped for free). Each step carries only its own data, plus the
 * one thing every step shares: the step-up grant (when the email verification was granted, and
 * until when it counts as fresh).
 *
 * `transition` switches on the current step first, then on the event: a reader finds everything a
 * step can do in one place.
 */

/** Digits in a code when the backend does not say. */
export const DEFAULT_CODE_LENGTH = 6;

/**
 * What the 2FA section is doing: loading its status, showing it, editing it, asking to confirm
 * Disable, turning 2FA off, or failed to load.
 */
export type SectionStatus = 'loading' | 'viewing' | 'editing' | 'confirming-disable' | 'disabling' | 'error';

/**
 * What verifying the new number does to the account's phone:
 * - `'add'`: there was no phone; the new one becomes the first (`replacesCurrent: false`).
 * - `'swap'`: the user confirmed Reset of a phone that is still active; the backend swaps old for
 *   new in one step when the code verifies (`replacesCurrent: true`).
 * - `'removed'`: `resetTiming="immediate"` already removed the old phone; until the new one
 *   verifies the account has none, so leaving the flow warns (`replacesCurrent: false`).
 */
export type PhoneChange = 'add' | 'swap' | 'removed';

/** When the email step-up was granted and until when the wizard treats it as fresh. */
export interface StepUpGrant {
  /** Epoch ms of the grant: the email code verified, or the backend answered a status read. */
  grantedAt: number;
  /** Epoch ms after which Reset and Disable ask for a new email code first; `Infinity` for never. */
  expiresAt: number;
}

/** The section's own data, shared by the wizard's section step and `useTwoFactorSection`. */
export interface SectionModel {
  /** Loading the status, showing it, editing it, confirming or running Disable, or failed to load. */
  status: SectionStatus;
  /** The adapter's last answer; `null` until the first load succeeds. */
  twoFactorStatus: TwoFactorStatus | null;
}

/** Every step of the wizard with its own data (without the shared step-up grant). */
export type WizardStepState =
  | {
      /** Settings are locked until the emailed step-up code verifies. */
      step: 'email-gate';
      /**
       * `'checking'`: asking the backend (a status read) whether an earlier step-up is still
       * fresh, before any email is sent; `'locked'`: the email code is needed.
       */
      status: 'checking' | 'locked';
      /** Where to go after verifying; `null` opens the section from scratch. */
      resume: ResumeTarget | null;
    }
  | ({
      /** The "Two-factor authentication (2FA)" settings section. */
      step: 'section';
    } & SectionModel)
  | {
      /** The confirmation modal before replacing (or removing) the current phone. */
      step: 'reset-confirm';
      /** The status the section showed, restored if the user cancels. */
      twoFactorStatus: TwoFactorStatus;
    }
  | {
      /** After Reset: the "+ Add phone based verification" step, a button that opens phone entry. */
      step: 'add-phone';
      /** What verifying the new number will do to the current one. */
      change: PhoneChange;
    }
  | {
      /** Entering the new phone number. */
      step: 'phone-entry';
      /**
       * The number (E.164) to keep in the field: the one last sent to (so a re-verification or
       * Change number resumes with it), else `null`.
       */
      phoneNumber: string | null;
      /** What verifying the new number will do to the current one. */
      change: PhoneChange;
    }
  | {
      /** Entering the code sent to the new number. */
      step: 'code-verification';
      /** The number the code went to, E.164. */
      phoneNumber: string;
      /** How the last code was delivered. */
      channel: PhoneCodeChannel;
      /** Digits expected. @default 6 */
      codeLength: number;
      /** Epoch ms from which a resend is allowed; `null` when the backend set no wait. */
      resendAt: number | null;
      /** What verifying the new number will do to the current one. */
      change: PhoneChange;
    }
  | {
      /** Showing the emergency recovery code, once. */
      step: 'recovery-code';
      /** The recovery code; it leaves the state on Finish. */
      recoveryCode: string;
      /** The number that was verified, E.164 (not a secret: the user typed it). */
      phoneNumber: string;
    }
  | {
      /** The flow is over: the section shows the new number, and control is back with the host. */
      step: 'done';
      /** The new 2FA phone, masked, as `onComplete` receives it; `null` when it is not known. */
      maskedNumber: string | null;
    };

/** Every state of the wizard: one step and its data, plus the step-up grant. */
export type WizardState = WizardStepState & {
  /** The email step-up, or `null` while there is none (or it was withdrawn). */
  stepUp: StepUpGrant | null;
};

/** The name of a step. */
export type WizardStep = WizardState['step'];

/**
 * The step to return to after a step-up re-verification. Never a recovery-code state (the code
 * must not be kept around) and never the reset modal (it resumes as the section in edit mode).
 */
export type ResumeTarget = Extract<WizardStepState, { step: 'section' | 'add-phone' | 'phone-entry' | 'code-verification' }>;

/** Events of the section (wizard step `section`, and `useTwoFactorSection` on its own). */
export type SectionEvent =
  /** The 2FA status arrived (loading → viewing). */
  | { type: 'STATUS.LOADED'; twoFactorStatus: TwoFactorStatus; grant?: StepUpGrant }
  /** Loading the 2FA status failed (loading → error). */
  | { type: 'STATUS.FAILED' }
  /** Load the status again (error or viewing → loading). */
  | { type: 'STATUS.RELOAD' }
  /** Enter edit mode (viewing → editing). */
  | { type: 'SECTION.EDIT' }
  /** Leave edit mode (editing → viewing). */
  | { type: 'SECTION.CLOSE' }
  /** Disable was pressed: ask to confirm (editing, when `canDisable` → confirming-disable). */
  | { type: 'DISABLE.REQUEST'; now?: number }
  /** Keep 2FA on (confirming-disable → editing). */
  | { type: 'DISABLE.CANCEL' }
  /** Turn 2FA off now (confirming-disable, or editing/viewing for a headless `disable()` → disabling). */
  | { type: 'DISABLE.CONFIRM' }
  /** Turning 2FA off failed (disabling → confirming-disable, which shows why). */
  | { type: 'DISABLE.FAILED' }
  /** 2FA was turned off (disabling → loading, to show the new status). */
  | { type: 'TWO_FACTOR.DISABLED' };

/** Everything that can happen to the wizard: user intents and backend outcomes. */
export type WizardEvent =
  | SectionEvent
  /**
   * The email code verified (email-gate → the resume target, or the section loading). `grant`
   * records the new step-up; without it the grant never expires on the client (the backend still
   * answers `reverification_required` when it has).
   */
  | { type: 'EMAIL.VERIFIED'; grant?: StepUpGrant }
  /** Ask to replace the current phone (section editing with a phone → reset-confirm). */
  | { type: 'RESET.OPEN'; now?: number }
  /** Keep the current phone (reset-confirm → section editing). */
  | { type: 'RESET.CANCEL' }
  /**
   * "Reset and continue" with `resetTiming="on-verify"`: the intent is recorded, nothing is
   * removed (reset-confirm → add-phone, swapping on verify).
   */
  | { type: 'RESET.CONFIRMED' }
  /** `resetTiming="immediate"`: the phone was removed (reset-confirm → add-phone, after removal). */
  | { type: 'RESET.DONE' }
  /**
   * "+ Add phone based verification" (add-phone → phone-entry; section editing without a phone →
   * phone-entry).
   */
  | { type: 'PHONE.ADD' }
  /** A code is being sent to this number (phone-entry keeps it, so a re-verification resumes with it). */
  | { type: 'PHONE_CODE.SENDING'; phoneNumber: string }
  /**
   * A code went to the number (phone-entry → code-verification); on code-verification a resend
   * to the same number updates the channel, code length and resend deadline.
   */
  | {
      type: 'PHONE_CODE.SENT';
      /** The number the code went to, E.164. */
      phoneNumber: string;
      /** How it was delivered. */
      channel: PhoneCodeChannel;
      /** Digits in the code, from the backend. @default 6 */
      codeLength?: number;
      /** Seconds before a resend is allowed, from the backend. */
      resendAfterSeconds?: number;
      /** Epoch ms when the send resolved; events carry the clock so `transition` stays pure. */
      now: number;
    }
  /** Use another number (code-verification → phone-entry, keeping the number to edit). */
  | { type: 'PHONE.CHANGE' }
  /** The phone code verified (code-verification → recovery-code). */
  | { type: 'PHONE_CODE.VERIFIED'; recoveryCode: string }
  /**
   * The user saved the recovery code and pressed Finish (recovery-code → done). `maskedNumber` is
   * the new number as the section shows it (the styled wizard masks it; a headless host may).
   */
  | { type: 'RECOVERY.FINISH'; maskedNumber?: string }
  /**
   * The backend wants a fresh step-up: the grant is withdrawn and the flow locks at the email gate,
   * resuming where it was (any step but email-gate locked, recovery-code, done).
   */
  | {
      type: 'REVERIFICATION.REQUIRED';
      /** On phone-entry: the number (E.164) whose send was refused (also kept by `PHONE_CODE.SENDING`). */
      phoneNumber?: string;
    };

/** Where the wizard starts: asking whether an earlier step-up is still fresh, nothing to resume. */
export const initialWizardState: WizardState = Object.freeze({
  step: 'email-gate' as const,
  status: 'checking' as const,
  resume: null,
  stepUp: null,
});

type SectionState = Extract<WizardState, { step: 'section' }>;
type CodeVerificationState = Extract<WizardState, { step: 'code-verification' }>;
type PhoneCodeSentEvent = Extract<WizardEvent, { type: 'PHONE_CODE.SENT' }>;

/** A grant with no client-side expiry, for events that carry none. */
const OPEN_GRANT: StepUpGrant = Object.freeze({ grantedAt: 0, expiresAt: Number.POSITIVE_INFINITY });

/** The wizard's one transition function. Pure: no clock, no I/O; same object when nothing applies. */
export function transition(state: WizardState, event: WizardEvent): WizardState {
  // Wherever the user is, a refused step-up locks the flow and remembers where to come back to.
  if (event.type === 'REVERIFICATION.REQUIRED') return lockForReverification(state, event);

  switch (state.step) {
    case 'email-gate':
      return emailGate(state, event);
    case 'section':
      return sectionStep(state, event);
    case 'reset-confirm':
      return resetConfirm(state, event);
    case 'add-phone':
      return event.type === 'PHONE.ADD' ? { step: 'phone-entry', phoneNumber: null, change: state.change, stepUp: state.stepUp } : state;
    case 'phone-entry':
      return phoneEntry(state, event);
    case 'code-verification':
      return codeVerification(state, event);
    case 'recovery-code':
      if (event.type !== 'RECOVERY.FINISH') return state;
      // The recovery code is dropped here: `done` carries only the masked new number.
      return { step: 'done', maskedNumber: event.maskedNumber ?? null, stepUp: state.stepUp };
    case 'done':
      return state;
    default: {
      const unhandled: never = state;
      void unhandled;
      return state;
    }
  }
}

function emailGate(state: Extract<WizardState, { step: 'email-gate' }>, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'EMAIL.VERIFIED': {
      if (state.status !== 'locked') return state;
      const stepUp = event.grant ?? OPEN_GRANT;
      return { ...(state.resume ?? { step: 'section', status: 'loading', twoFactorStatus: null }), stepUp };
    }
    case 'STATUS.LOADED':
      // The backend answered without asking for a step-up: the earlier grant is still fresh, so no
      // email is sent and the section opens as it was.
      if (state.status !== 'checking') return state;
      return { step: 'section', status: 'viewing', twoFactorStatus: event.twoFactorStatus, stepUp: event.grant ?? OPEN_GRANT };
    case 'STATUS.FAILED':
      // Whatever failed, the email code is the way in (and the section loads again after it).
      if (state.status !== 'checking') return state;
      return { ...state, status: 'locked' };
    default:
      return state;
  }
}

function sectionStep(state: SectionState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'RESET.OPEN':
      if (state.status !== 'editing' || state.twoFactorStatus?.phone == null) return state;
      // A stale step-up re-locks before the sensitive step, not after it was confirmed.
      if (!isStepUpFresh(state.stepUp, event.now)) return lockedAt(section('editing', state.twoFactorStatus));
      return { step: 'reset-confirm', twoFactorStatus: state.twoFactorStatus, stepUp: state.stepUp };
    case 'PHONE.ADD':
      if (state.status !== 'editing' || state.twoFactorStatus === null || state.twoFactorStatus.phone !== null) return state;
      return { step: 'phone-entry', phoneNumber: null, change: 'add', stepUp: state.stepUp };
    case 'DISABLE.REQUEST':
      if (transitionSection(state, event) === state) return state;
      if (!isStepUpFresh(state.stepUp, event.now)) return lockedAt(section('editing', state.twoFactorStatus));
      return withModel(state, transitionSection(state, event));
    default: {
      if (!isSectionEvent(event)) return state;
      const next = transitionSection(state, event);
      return next === state ? state : withModel(state, next);
    }
  }
}

function resetConfirm(state: Extract<WizardState, { step: 'reset-confirm' }>, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'RESET.CANCEL':
      return { ...section('editing', state.twoFactorStatus), stepUp: state.stepUp };
    case 'RESET.CONFIRMED':
      return { step: 'add-phone', change: 'swap', stepUp: state.stepUp };
    case 'RESET.DONE':
      return { step: 'add-phone', change: 'removed', stepUp: state.stepUp };
    default:
      return state;
  }
}

function phoneEntry(state: Extract<WizardState, { step: 'phone-entry' }>, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'PHONE_CODE.SENDING':
      return state.phoneNumber === event.phoneNumber ? state : { ...state, phoneNumber: event.phoneNumber };
    case 'PHONE_CODE.SENT':
      return codeSent(event, DEFAULT_CODE_LENGTH, state.change, state.stepUp);
    default:
      return state;
  }
}

function codeVerification(state: CodeVerificationState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'PHONE_CODE.SENT':
      // A resend outcome for another number is stale (the user changed it meanwhile): drop it.
      return event.phoneNumber === state.phoneNumber ? codeSent(event, state.codeLength, state.change, state.stepUp) : state;
    case 'PHONE.CHANGE':
      return { step: 'phone-entry', phoneNumber: state.phoneNumber, change: state.change, stepUp: state.stepUp };
    case 'PHONE_CODE.VERIFIED':
      return { step: 'recovery-code', recoveryCode: event.recoveryCode, phoneNumber: state.phoneNumber, stepUp: state.stepUp };
    default:
      return state;
  }
}

/**
 * The section on its own: the wizard's section step and `useTwoFactorSection` both run it, so the
 * rules (when Disable may be asked for, what a failed disable shows) have one owner.
 */
export function transitionSection<S extends SectionModel>(state: S, event: SectionEvent): S | SectionModel {
  const { status, twoFactorStatus } = state;
  switch (event.type) {
    case 'STATUS.LOADED':
      return status === 'loading' ? { status: 'viewing', twoFactorStatus: event.twoFactorStatus } : state;
    case 'STATUS.FAILED':
      return status === 'loading' ? { status: 'error', twoFactorStatus } : state;
    case 'STATUS.RELOAD':
      // Keeps the last status so the section can show it while the new one loads.
      return status === 'error' || status === 'viewing' || status === 'editing'
        ? { status: 'loading', twoFactorStatus }
        : state;
    case 'SECTION.EDIT':
      return status === 'viewing' && twoFactorStatus !== null ? { status: 'editing', twoFactorStatus } : state;
    case 'SECTION.CLOSE':
      return status === 'editing' ? { status: 'viewing', twoFactorStatus } : state;
    case 'DISABLE.REQUEST':
      return status === 'editing' && twoFactorStatus?.canDisable === true
        ? { status: 'confirming-disable', twoFactorStatus }
        : state;
    case 'DISABLE.CANCEL':
      return status === 'confirming-disable' ? { status: 'editing', twoFactorStatus } : state;
    case 'DISABLE.CONFIRM':
      return (status === 'confirming-disable' || status === 'editing' || status === 'viewing') &&
        twoFactorStatus?.canDisable === true
        ? { status: 'disabling', twoFactorStatus }
        : state;
    case 'DISABLE.FAILED':
      return status === 'disabling' ? { status: 'confirming-disable', twoFactorStatus } : state;
    case 'TWO_FACTOR.DISABLED':
      // The old status is known to be wrong now, so it is not kept.
      return status === 'disabling' ? { status: 'loading', twoFactorStatus: null } : state;
    default: {
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}

/** What a section view renders: one selector for the wizard's section step and `useTwoFactorSection`. */
export interface SectionSelection {
  /** `'ready'` covers viewing, editing and Disable's confirmation. */
  status: 'loading' | 'error' | 'ready';
  /** The current number, masked, or `null` (none yet, or not loaded). */
  maskedNumber: string | null;
  /** Disable is offered: the account allows it and the adapter can do it. */
  canDisable: boolean;
  /** Edit mode (also while Disable is being confirmed or running). */
  editing: boolean;
  /** Disable's confirmation: closed, open, or turning 2FA off. */
  disable: 'idle' | 'confirming' | 'pending';
}

/** Reads a section model for display. `supportsDisable`: the adapter has `disableTwoFactor`. */
export function selectSection(model: SectionModel, supportsDisable: boolean): SectionSelection {
  const { status, twoFactorStatus } = model;
  return {
    status: status === 'loading' ? 'loading' : status === 'error' ? 'error' : 'ready',
    maskedNumber: twoFactorStatus?.phone?.maskedNumber ?? null,
    canDisable: supportsDisable && twoFactorStatus?.canDisable === true,
    editing: status === 'editing' || status === 'confirming-disable' || status === 'disabling',
    disable: status === 'confirming-disable' ? 'confirming' : status === 'disabling' ? 'pending' : 'idle',
  };
}

/** Whether the step-up grant still counts at `now`; without a clock the backend decides. */
export function isStepUpFresh(stepUp: StepUpGrant | null, now: number | undefined): boolean {
  if (stepUp === null) return false;
  return now === undefined || now <= stepUp.expiresAt;
}

/** A grant starting at `now` for `validForMs` (`Infinity` for no client-side expiry). */
export function grantStepUp(now: number, validForMs: number): StepUpGrant {
  return { grantedAt: now, expiresAt: now + validForMs };
}

/**
 * A code length the backend gave, when it is a usable whole number (1–20), else `fallback`.
 */
export function resolveCodeLength(value: number | undefined, fallback: number = DEFAULT_CODE_LENGTH): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 20 ? value : fallback;
}

/** The verify request's `replacesCurrent` for a phone change. */
export function replacesCurrentPhone(change: PhoneChange): boolean {
  return change === 'swap';
}

function lockForReverification(state: WizardState, event: Extract<WizardEvent, { type: 'REVERIFICATION.REQUIRED' }>): WizardState {
  if (state.step === 'email-gate') {
    return state.status === 'checking' ? { ...state, status: 'locked' } : state;
  }
  if (state.step === 'phone-entry' && event.phoneNumber !== undefined) {
    return lockedAt({ step: 'phone-entry', phoneNumber: event.phoneNumber, change: state.change });
  }
  const resume = resumeTargetFor(state);
  return resume === undefined ? state : lockedAt(resume);
}

/** The state to come back to after re-verifying from `state`; `undefined` when it may not leave. */
function resumeTargetFor(state: WizardState): ResumeTarget | undefined {
  switch (state.step) {
    case 'section':
      // A failed load is retried once the user has re-verified (the failure was likely the cause);
      // a Disable being confirmed or run is not resumed by itself: the user presses it again.
      if (state.status === 'error') return section('loading', state.twoFactorStatus);
      if (state.status === 'confirming-disable' || state.status === 'disabling') return section('editing', state.twoFactorStatus);
      return section(state.status, state.twoFactorStatus);
    case 'reset-confirm':
      // Never reopen the confirmation by itself; the user presses Reset again.
      return section('editing', state.twoFactorStatus);
    case 'add-phone':
      return { step: 'add-phone', change: state.change };
    case 'phone-entry':
      return { step: 'phone-entry', phoneNumber: state.phoneNumber, change: state.change };
    case 'code-verification': {
      const { stepUp, ...target } = state;
      void stepUp;
      return target;
    }
    case 'email-gate':
    case 'recovery-code':
    case 'done':
      // Already gated, or past the point of no return: the recovery code must stay on screen.
      return undefined;
    default: {
      const unhandled: never = state;
      void unhandled;
      return undefined;
    }
  }
}

function lockedAt(resume: ResumeTarget): WizardState {
  return { step: 'email-gate', status: 'locked', resume, stepUp: null };
}

function section(status: SectionStatus, twoFactorStatus: TwoFactorStatus | null): Extract<WizardStepState, { step: 'section' }> {
  return { step: 'section', status, twoFactorStatus };
}

function withModel(state: SectionState, model: SectionModel): SectionState {
  return { step: 'section', status: model.status, twoFactorStatus: model.twoFactorStatus, stepUp: state.stepUp };
}

function codeSent(
  event: PhoneCodeSentEvent,
  fallbackCodeLength: number,
  change: PhoneChange,
  stepUp: StepUpGrant | null,
): CodeVerificationState {
  return {
    step: 'code-verification',
    phoneNumber: event.phoneNumber,
    channel: event.channel,
    codeLength: resolveCodeLength(event.codeLength, fallbackCodeLength),
    resendAt: event.resendAfterSeconds === undefined ? null : deadlineFromNow(event.resendAfterSeconds, event.now),
    change,
    stepUp,
  };
}

const SECTION_EVENT_TYPES: ReadonlySet<WizardEvent['type']> = new Set<SectionEvent['type']>([
  'STATUS.LOADED',
  'STATUS.FAILED',
  'STATUS.RELOAD',
  'SECTION.EDIT',
  'SECTION.CLOSE',
  'DISABLE.REQUEST',
  'DISABLE.CANCEL',
  'DISABLE.CONFIRM',
  'DISABLE.FAILED',
  'TWO_FACTOR.DISABLED',
]);

function isSectionEvent(event: WizardEvent): event is SectionEvent {
  return SECTION_EVENT_TYPES.has(event.type);
}
