import type { PhoneCodeChannel, TwoFactorStatus } from './adapter';
import { DEFAULT_CODE_LENGTH, resolveEntryCodeLength } from './code-entry';
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

// Digits in a code when the backend does not say, and a code length the backend gave when it is
// a usable whole number (1–20): one rule for the wizard and both code steps.
export { DEFAULT_CODE_LENGTH, resolveEntryCodeLength as resolveCodeLength } from './code-entry';

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

/** The section's own data, shared by the wizard's two-factor-section step and `useTwoFactorSection`. */
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
      step: 'email-code-gate';
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
      step: 'two-factor-section';
    } & SectionModel)
  | {
      /** The confirmation modal before replacing (or removing) the current phone. */
      step: 'reset-phone';
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
export type ResumeTarget = Extract<WizardStepState, { step: 'two-factor-section' | 'add-phone' | 'phone-entry' | 'code-verification' }>;

/*
 * Events are named by the step they belong to (`STEP.WHAT_HAPPENED`, the step's name in capitals),
 * so a reader sees from the name alone which step acts on it; the one event every step takes,
 * `REVERIFICATION.REQUIRED`, is named by what it does.
 */

/** Events of the email-code-gate step. */
export type EmailCodeGateEvent =
  /**
   * The email code verified (locked → the resume target, or the section loading). `grant` records
   * the new step-up; without it the grant never expires on the client (the backend still answers
   * `reverification_required` when it has).
   */
  | { type: 'EMAIL_CODE_GATE.VERIFIED'; grant?: StepUpGrant }
  /**
   * The opening status read answered: an earlier step-up is still fresh (checking → the section,
   * showing `twoFactorStatus`, with no email sent).
   */
  | { type: 'EMAIL_CODE_GATE.STILL_FRESH'; twoFactorStatus: TwoFactorStatus; grant?: StepUpGrant }
  /** The opening status read failed, whatever the reason (checking → locked: the email code is the way in). */
  | { type: 'EMAIL_CODE_GATE.CHECK_FAILED' };

/** Events of the two-factor-section step (and of `useTwoFactorSection` on its own). */
export type SectionEvent =
  /** The 2FA status arrived (loading → viewing). */
  | { type: 'TWO_FACTOR_SECTION.LOADED'; twoFactorStatus: TwoFactorStatus }
  /** Loading the 2FA status failed (loading → error). */
  | { type: 'TWO_FACTOR_SECTION.LOAD_FAILED' }
  /** Load the status again (error or viewing → loading). */
  | { type: 'TWO_FACTOR_SECTION.RELOAD' }
  /** Enter edit mode (viewing → editing). */
  | { type: 'TWO_FACTOR_SECTION.EDIT' }
  /** Leave edit mode (editing → viewing). */
  | { type: 'TWO_FACTOR_SECTION.CLOSE' }
  /** Disable was pressed: ask to confirm (editing, when `canDisable` → confirming-disable). */
  | { type: 'TWO_FACTOR_SECTION.DISABLE_REQUEST'; now?: number }
  /** Keep 2FA on (confirming-disable → editing). */
  | { type: 'TWO_FACTOR_SECTION.DISABLE_CANCEL' }
  /** Turn 2FA off now (confirming-disable, or editing/viewing for a headless `disable()` → disabling). */
  | { type: 'TWO_FACTOR_SECTION.DISABLE_CONFIRM' }
  /** Turning 2FA off failed (disabling → confirming-disable, which shows why). */
  | { type: 'TWO_FACTOR_SECTION.DISABLE_FAILED' }
  /** 2FA was turned off (disabling → loading, to show the new status). */
  | { type: 'TWO_FACTOR_SECTION.DISABLED' };

/** Events of the two-factor-section step that only the wizard has (they lead to other steps). */
export type SectionWizardEvent =
  /** Reset: ask to replace the current phone (editing with a phone → reset-phone). */
  | { type: 'TWO_FACTOR_SECTION.RESET'; now?: number }
  /** "+ Add phone based verification" with no phone yet (editing → phone-entry). */
  | { type: 'TWO_FACTOR_SECTION.ADD_PHONE' };

/** Events of the reset-phone step (the confirmation modal). */
export type ResetPhoneEvent =
  /** Keep the current phone (→ two-factor-section, editing). */
  | { type: 'RESET_PHONE.CANCEL' }
  /**
   * "Reset and continue" with `resetTiming="on-verify"`: the intent is recorded, nothing is
   * removed (→ add-phone, swapping on verify).
   */
  | { type: 'RESET_PHONE.CONFIRMED' }
  /** `resetTiming="immediate"`: the phone was removed (→ add-phone, after removal). */
  | { type: 'RESET_PHONE.REMOVED' };

/** Events of the add-phone step. */
export type AddPhoneEvent =
  /** "+ Add phone based verification" (→ phone-entry). */
  { type: 'ADD_PHONE.CONTINUE' };

/** How a code went to a phone: the payload of `PHONE_ENTRY.SENT` and `CODE_VERIFICATION.RESENT`. */
export interface PhoneCodeDelivery {
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

/** Events of the phone-entry step. */
export type PhoneEntryEvent =
  /** A code is being sent to this number (kept, so a re-verification resumes with it). */
  | { type: 'PHONE_ENTRY.SENDING'; phoneNumber: string }
  /** A code went to the number (→ code-verification). */
  | ({ type: 'PHONE_ENTRY.SENT' } & PhoneCodeDelivery);

/** Events of the code-verification step. */
export type CodeVerificationEvent =
  /**
   * A new code went to the same number, by SMS or a call (stays, with the new channel, code length
   * and resend deadline; an answer for another number is stale and dropped).
   */
  | ({ type: 'CODE_VERIFICATION.RESENT' } & PhoneCodeDelivery)
  /** Use another number (→ phone-entry, keeping the number to edit). */
  | { type: 'CODE_VERIFICATION.CHANGE_NUMBER' }
  /** The phone code verified (→ recovery-code). */
  | { type: 'CODE_VERIFICATION.VERIFIED'; recoveryCode: string };

/** Events of the recovery-code step. */
export type RecoveryCodeEvent =
  /**
   * The user saved the recovery code and pressed Finish (→ done). `maskedNumber` is the new number
   * as the section shows it (the styled wizard masks it; a headless host may).
   */
  { type: 'RECOVERY_CODE.FINISH'; maskedNumber?: string };

/** Everything that can happen to the wizard: user intents and backend outcomes, by step. */
export type WizardEvent =
  | EmailCodeGateEvent
  | SectionEvent
  | SectionWizardEvent
  | ResetPhoneEvent
  | AddPhoneEvent
  | PhoneEntryEvent
  | CodeVerificationEvent
  | RecoveryCodeEvent
  /**
   * The backend wants a fresh step-up: the grant is withdrawn and the flow locks at the email
   * code gate, resuming where it was (any step but email-code-gate locked, recovery-code, done).
   */
  | {
      type: 'REVERIFICATION.REQUIRED';
      /** On phone-entry: the number (E.164) whose send was refused (also kept by `PHONE_ENTRY.SENDING`). */
      phoneNumber?: string;
    };

/** Where the wizard starts: asking whether an earlier step-up is still fresh, nothing to resume. */
export const initialWizardState: WizardState = Object.freeze({
  step: 'email-code-gate' as const,
  status: 'checking' as const,
  resume: null,
  stepUp: null,
});

/** A grant with no client-side expiry, for events that carry none. */
const OPEN_GRANT: StepUpGrant = Object.freeze({ grantedAt: 0, expiresAt: Number.POSITIVE_INFINITY });

/** The wizard's one transition function. Pure: no clock, no I/O; same object when nothing applies. */
export function transition(state: WizardState, event: WizardEvent): WizardState {
  const next = nextStep(state, event);
  // Every move keeps the step-up grant, unless it grants a new one (the gate) or withdraws it (a lock).
  return next === state ? state : { stepUp: state.stepUp, ...next };
}

/** The step `event` leads to from `state`, with its own data; `state` itself when nothing applies. */
function nextStep(state: WizardState, event: WizardEvent): WizardState | WizardStepState {
  // Wherever the user is, a refused step-up locks the flow and remembers where to come back to
  // (at the gate itself, it is handled below).
  if (event.type === 'REVERIFICATION.REQUIRED' && state.step !== 'email-code-gate') {
    const resume = resumeTargetFor(state, event.phoneNumber);
    return resume === undefined ? state : lockedAt(resume);
  }

  switch (state.step) {
    case 'email-code-gate':
      switch (event.type) {
        case 'EMAIL_CODE_GATE.VERIFIED':
          if (state.status !== 'locked') return state;
          return { ...(state.resume ?? section('loading', null)), stepUp: event.grant ?? OPEN_GRANT };
        case 'EMAIL_CODE_GATE.STILL_FRESH':
          // The backend answered without asking for a step-up: the earlier grant is still fresh, so no
          // email is sent and the section opens as it was.
          if (state.status !== 'checking') return state;
          return { ...section('viewing', event.twoFactorStatus), stepUp: event.grant ?? OPEN_GRANT };
        case 'EMAIL_CODE_GATE.CHECK_FAILED':
        case 'REVERIFICATION.REQUIRED':
          // Whatever made the opening check fail, the email code is the way in (and the section
          // loads again after it).
          return state.status === 'checking' ? { ...state, status: 'locked' } : state;
        default:
          return state;
      }
    case 'two-factor-section': {
      const { status, twoFactorStatus } = state;
      switch (event.type) {
        case 'TWO_FACTOR_SECTION.RESET':
          if (status !== 'editing' || twoFactorStatus?.phone == null) return state;
          // A stale step-up re-locks before the sensitive step, not after it was confirmed.
          if (!isStepUpFresh(state.stepUp, event.now)) return lockedAt(section('editing', twoFactorStatus));
          return { step: 'reset-phone', twoFactorStatus };
        case 'TWO_FACTOR_SECTION.ADD_PHONE':
          return status === 'editing' && twoFactorStatus?.phone === null ? { step: 'phone-entry', phoneNumber: null, change: 'add' } : state;
        default: {
          // The section's own events (its wizard-only ones, Reset and "+ Add phone", are handled
          // above); `transitionSection` leaves the state as it is for any other event.
          const next = transitionSection(state, event as SectionEvent);
          if (next === state) return state;
          // Like Reset: a stale step-up re-locks before Disable's confirmation.
          if (event.type === 'TWO_FACTOR_SECTION.DISABLE_REQUEST' && !isStepUpFresh(state.stepUp, event.now)) {
            return lockedAt(section('editing', twoFactorStatus));
          }
          return section(next.status, next.twoFactorStatus);
        }
      }
    }
    case 'reset-phone':
      switch (event.type) {
        case 'RESET_PHONE.CANCEL':
          return section('editing', state.twoFactorStatus);
        case 'RESET_PHONE.CONFIRMED':
          return { step: 'add-phone', change: 'swap' };
        case 'RESET_PHONE.REMOVED':
          return { step: 'add-phone', change: 'removed' };
        default:
          return state;
      }
    case 'add-phone':
      return event.type === 'ADD_PHONE.CONTINUE' ? { step: 'phone-entry', phoneNumber: null, change: state.change } : state;
    case 'phone-entry':
      switch (event.type) {
        case 'PHONE_ENTRY.SENDING':
          return state.phoneNumber === event.phoneNumber ? state : { ...state, phoneNumber: event.phoneNumber };
        case 'PHONE_ENTRY.SENT':
          return codeSent(event, DEFAULT_CODE_LENGTH, state.change);
        default:
          return state;
      }
    case 'code-verification':
      switch (event.type) {
        case 'CODE_VERIFICATION.RESENT':
          // A resend outcome for another number is stale (the user changed it meanwhile): drop it.
          return event.phoneNumber === state.phoneNumber ? codeSent(event, state.codeLength, state.change) : state;
        case 'CODE_VERIFICATION.CHANGE_NUMBER':
          return { step: 'phone-entry', phoneNumber: state.phoneNumber, change: state.change };
        case 'CODE_VERIFICATION.VERIFIED':
          return { step: 'recovery-code', recoveryCode: event.recoveryCode, phoneNumber: state.phoneNumber };
        default:
          return state;
      }
    case 'recovery-code':
      if (event.type !== 'RECOVERY_CODE.FINISH') return state;
      // The recovery code is dropped here: `done` carries only the masked new number.
      return { step: 'done', maskedNumber: event.maskedNumber ?? null };
    case 'done':
      return state;
    default:
      state satisfies never;
      return state;
  }
}

/**
 * The section on its own: the wizard's two-factor-section step and `useTwoFactorSection` both run it, so the
 * rules (when Disable may be asked for, what a failed disable shows) have one owner.
 */
export function transitionSection<S extends SectionModel>(state: S, event: SectionEvent): S | SectionModel {
  const { status, twoFactorStatus } = state;
  switch (event.type) {
    case 'TWO_FACTOR_SECTION.LOADED':
      return status === 'loading' ? { status: 'viewing', twoFactorStatus: event.twoFactorStatus } : state;
    case 'TWO_FACTOR_SECTION.LOAD_FAILED':
      return status === 'loading' ? { status: 'error', twoFactorStatus } : state;
    case 'TWO_FACTOR_SECTION.RELOAD':
      // Keeps the last status so the section can show it while the new one loads.
      return status === 'error' || status === 'viewing' || status === 'editing'
        ? { status: 'loading', twoFactorStatus }
        : state;
    case 'TWO_FACTOR_SECTION.EDIT':
      return status === 'viewing' && twoFactorStatus !== null ? { status: 'editing', twoFactorStatus } : state;
    case 'TWO_FACTOR_SECTION.CLOSE':
      return status === 'editing' ? { status: 'viewing', twoFactorStatus } : state;
    case 'TWO_FACTOR_SECTION.DISABLE_REQUEST':
      return status === 'editing' && twoFactorStatus?.canDisable === true
        ? { status: 'confirming-disable', twoFactorStatus }
        : state;
    case 'TWO_FACTOR_SECTION.DISABLE_CANCEL':
      return status === 'confirming-disable' ? { status: 'editing', twoFactorStatus } : state;
    case 'TWO_FACTOR_SECTION.DISABLE_CONFIRM':
      return (status === 'confirming-disable' || status === 'editing' || status === 'viewing') &&
        twoFactorStatus?.canDisable === true
        ? { status: 'disabling', twoFactorStatus }
        : state;
    case 'TWO_FACTOR_SECTION.DISABLE_FAILED':
      return status === 'disabling' ? { status: 'confirming-disable', twoFactorStatus } : state;
    case 'TWO_FACTOR_SECTION.DISABLED':
      // The old status is known to be wrong now, so it is not kept.
      return status === 'disabling' ? { status: 'loading', twoFactorStatus: null } : state;
    default:
      event satisfies never;
      return state;
  }
}

/** What a section view renders: one selector for the wizard's two-factor-section step and `useTwoFactorSection`. */
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
    status: status === 'loading' || status === 'error' ? status : 'ready',
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

/** The verify request's `replacesCurrent` for a phone change. */
export function replacesCurrentPhone(change: PhoneChange): boolean {
  return change === 'swap';
}


/**
 * The state to come back to after re-verifying from `state`; `undefined` when it may not leave.
 * `refusedNumber`: on phone-entry, the number whose send was refused.
 */
function resumeTargetFor(state: WizardState, refusedNumber: string | undefined): ResumeTarget | undefined {
  switch (state.step) {
    case 'two-factor-section':
      // A failed load is retried once the user has re-verified (the failure was likely the cause);
      // a Disable being confirmed or run is not resumed by itself: the user presses it again.
      if (state.status === 'error') return section('loading', state.twoFactorStatus);
      if (state.status === 'confirming-disable' || state.status === 'disabling') return section('editing', state.twoFactorStatus);
      return section(state.status, state.twoFactorStatus);
    case 'reset-phone':
      // Never reopen the confirmation by itself; the user presses Reset again.
      return section('editing', state.twoFactorStatus);
    case 'add-phone':
      return { step: 'add-phone', change: state.change };
    case 'phone-entry':
      return { step: 'phone-entry', phoneNumber: refusedNumber ?? state.phoneNumber, change: state.change };
    case 'code-verification': {
      const { stepUp, ...target } = state;
      void stepUp;
      return target;
    }
    case 'email-code-gate':
    case 'recovery-code':
    case 'done':
      // Already gated, or past the point of no return: the recovery code must stay on screen.
      return undefined;
    default:
      state satisfies never;
      return undefined;
  }
}

function lockedAt(resume: ResumeTarget): WizardState {
  return { step: 'email-code-gate', status: 'locked', resume, stepUp: null };
}

function section(status: SectionStatus, twoFactorStatus: TwoFactorStatus | null): Extract<WizardStepState, { step: 'two-factor-section' }> {
  return { step: 'two-factor-section', status, twoFactorStatus };
}

function codeSent(event: PhoneCodeDelivery, fallbackCodeLength: number, change: PhoneChange): Extract<WizardStepState, { step: 'code-verification' }> {
  return {
    step: 'code-verification',
    phoneNumber: event.phoneNumber,
    channel: event.channel,
    codeLength: resolveEntryCodeLength(event.codeLength, fallbackCodeLength),
    resendAt: event.resendAfterSeconds === undefined ? null : deadlineFromNow(event.resendAfterSeconds, event.now),
    change,
  };
}
