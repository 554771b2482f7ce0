import type { PhoneCodeChannel, TwoFactorStatus } from './adapter';
import { deadlineFromNow } from './time';

/**
 * The wizard as a pure state machine: `transition(state, event)` returns the next state, or the
 * very same object when the event does not apply to the current step (so React can skip a render
 * and stale async outcomes are dropped for free). Each step carries only its own data.
 */

/** Digits in a code when the backend does not say. */
export const DEFAULT_CODE_LENGTH = 6;

/** What the 2FA section is doing. */
export type SectionStatus = 'loading' | 'viewing' | 'editing' | 'error';

/** Every state of the wizard, one member per step. */
export type WizardState =
  | {
      /** Settings are locked until the emailed step-up code verifies. */
      step: 'email-gate';
      /** Where to go after verifying; `null` opens the section from scratch. */
      resume: ResumeTarget | null;
    }
  | {
      /** The "Two-factor authentication (2FA)" settings section. */
      step: 'section';
      /** Loading the status, showing it, editing it, or failed to load it. */
      status: SectionStatus;
      /** The adapter's last answer; `null` until the first load succeeds. */
      twoFactorStatus: TwoFactorStatus | null;
    }
  | {
      /** The confirmation modal before removing the current phone. */
      step: 'reset-confirm';
      /** The status the section showed, restored if the user cancels. */
      twoFactorStatus: TwoFactorStatus;
    }
  | {
      /** Entering the new phone number. */
      step: 'phone-entry';
      /** The number to prefill (E.164) when coming back from code verification, else `null`. */
      phoneNumber: string | null;
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
    }
  | {
      /** Showing the emergency recovery code, once. */
      step: 'recovery-code';
      /** The recovery code; it leaves the state on Finish. */
      recoveryCode: string;
    }
  | {
      /** The flow is over; control is back with the host. */
      step: 'done';
    };

/** The name of a step. */
export type WizardStep = WizardState['step'];

/**
 * The state to return to after a step-up re-verification. Never a recovery-code state (the code
 * must not be kept around) and never the reset modal (it resumes as the section in edit mode).
 */
export type ResumeTarget = Extract<WizardState, { step: 'section' | 'phone-entry' | 'code-verification' }>;

/** Everything that can happen to the wizard: user intents and backend outcomes. */
export type WizardEvent =
  /** The email code verified: go to the resume target, or load the section. */
  | { type: 'EMAIL.VERIFIED' }
  /** The 2FA status arrived (section loading → viewing). */
  | { type: 'STATUS.LOADED'; twoFactorStatus: TwoFactorStatus }
  /** Loading the 2FA status failed (section loading → error). */
  | { type: 'STATUS.FAILED' }
  /** Load the status again (section error or viewing → loading). */
  | { type: 'STATUS.RELOAD' }
  /** Enter edit mode (section viewing → editing). */
  | { type: 'SECTION.EDIT' }
  /** Leave edit mode (section editing → viewing). */
  | { type: 'SECTION.CLOSE' }
  /** Ask to remove the current phone (section editing with a phone → reset-confirm). */
  | { type: 'RESET.OPEN' }
  /** Keep the current phone (reset-confirm → section editing). */
  | { type: 'RESET.CANCEL' }
  /** The phone was removed (reset-confirm → phone-entry). */
  | { type: 'RESET.DONE' }
  /** Add a first phone (section editing without a phone → phone-entry). */
  | { type: 'PHONE.ADD' }
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
  /** The user saved the recovery code and pressed Finish (recovery-code → done). */
  | { type: 'RECOVERY.FINISH' }
  /** 2FA was turned off (section → section loading, to show the new status). */
  | { type: 'TWO_FACTOR.DISABLED' }
  /** The backend wants a fresh step-up (any step but email-gate, recovery-code, done → email-gate). */
  | {
      type: 'REVERIFICATION.REQUIRED';
      /**
       * On phone-entry: the number (E.164) whose send was refused, so the step resumes with it
       * filled in rather than empty.
       */
      phoneNumber?: string;
    };

/** Where the wizard starts: locked behind the email code, nothing to resume. */
export const initialWizardState: WizardState = Object.freeze({ step: 'email-gate' as const, resume: null });

type SectionState = Extract<WizardState, { step: 'section' }>;
type CodeVerificationState = Extract<WizardState, { step: 'code-verification' }>;
type PhoneCodeSentEvent = Extract<WizardEvent, { type: 'PHONE_CODE.SENT' }>;

/** The wizard's one transition function. Pure: no clock, no I/O; same object when nothing applies. */
export function transition(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'EMAIL.VERIFIED':
      if (state.step !== 'email-gate') return state;
      return state.resume ?? section('loading', null);

    case 'STATUS.LOADED':
      if (!isSectionIn(state, 'loading')) return state;
      return section('viewing', event.twoFactorStatus);

    case 'STATUS.FAILED':
      if (!isSectionIn(state, 'loading')) return state;
      return section('error', state.twoFactorStatus);

    case 'STATUS.RELOAD':
      if (!isSectionIn(state, 'error', 'viewing')) return state;
      // Keeps the last status so the section can show it while the new one loads.
      return section('loading', state.twoFactorStatus);

    case 'SECTION.EDIT':
      if (!isSectionIn(state, 'viewing') || !hasLoadedStatus(state)) return state;
      return section('editing', state.twoFactorStatus);

    case 'SECTION.CLOSE':
      if (!isSectionIn(state, 'editing')) return state;
      return section('viewing', state.twoFactorStatus);

    case 'RESET.OPEN':
      if (!isSectionIn(state, 'editing') || !hasPhone(state)) return state;
      return { step: 'reset-confirm', twoFactorStatus: state.twoFactorStatus };

    case 'RESET.CANCEL':
      if (state.step !== 'reset-confirm') return state;
      return section('editing', state.twoFactorStatus);

    case 'RESET.DONE':
      if (state.step !== 'reset-confirm') return state;
      return { step: 'phone-entry', phoneNumber: null };

    case 'PHONE.ADD':
      if (!isSectionIn(state, 'editing') || !hasNoPhone(state)) return state;
      return { step: 'phone-entry', phoneNumber: null };

    case 'PHONE_CODE.SENT':
      if (state.step === 'phone-entry') return codeSent(event, DEFAULT_CODE_LENGTH);
      // A resend outcome for another number is stale (the user changed it meanwhile): drop it.
      if (state.step === 'code-verification' && isSameNumber(state, event)) return codeSent(event, state.codeLength);
      return state;

    case 'PHONE.CHANGE':
      if (state.step !== 'code-verification') return state;
      return { step: 'phone-entry', phoneNumber: state.phoneNumber };

    case 'PHONE_CODE.VERIFIED':
      if (state.step !== 'code-verification') return state;
      return { step: 'recovery-code', recoveryCode: event.recoveryCode };

    case 'RECOVERY.FINISH':
      if (state.step !== 'recovery-code') return state;
      // The recovery code is dropped here: `done` carries nothing.
      return { step: 'done' };

    case 'TWO_FACTOR.DISABLED':
      if (state.step !== 'section' || state.status === 'loading') return state;
      // The old status is known to be wrong now, so it is not kept.
      return section('loading', null);

    case 'REVERIFICATION.REQUIRED': {
      const resume =
        state.step === 'phone-entry' && event.phoneNumber !== undefined
          ? { step: 'phone-entry' as const, phoneNumber: event.phoneNumber }
          : resumeTargetFor(state);
      if (resume === undefined) return state;
      return { step: 'email-gate', resume };
    }

    default: {
      // Exhaustive over WizardEvent; an unknown event from untyped code leaves the state alone.
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}

/**
 * A code length the backend gave, when it is a usable whole number (1–20), else `fallback`.
 */
export function resolveCodeLength(value: number | undefined, fallback: number = DEFAULT_CODE_LENGTH): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 20 ? value : fallback;
}

/** The state to come back to after re-verifying from `state`; `undefined` when it may not leave. */
function resumeTargetFor(state: WizardState): ResumeTarget | null | undefined {
  switch (state.step) {
    case 'section':
      // A failed load is retried once the user has re-verified (the failure was likely the cause).
      return state.status === 'error' ? section('loading', state.twoFactorStatus) : state;
    case 'reset-confirm':
      // Never reopen the destructive modal by itself; the user presses Reset again.
      return section('editing', state.twoFactorStatus);
    case 'phone-entry':
    case 'code-verification':
      return state;
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

function section(status: SectionStatus, twoFactorStatus: TwoFactorStatus | null): SectionState {
  return { step: 'section', status, twoFactorStatus };
}

function codeSent(event: PhoneCodeSentEvent, fallbackCodeLength: number): CodeVerificationState {
  return {
    step: 'code-verification',
    phoneNumber: event.phoneNumber,
    channel: event.channel,
    codeLength: resolveCodeLength(event.codeLength, fallbackCodeLength),
    resendAt: event.resendAfterSeconds === undefined ? null : deadlineFromNow(event.resendAfterSeconds, event.now),
  };
}

// Guards, named as the questions they answer.

function isSectionIn(state: WizardState, ...statuses: SectionStatus[]): state is SectionState {
  return state.step === 'section' && statuses.includes(state.status);
}

function hasLoadedStatus(state: SectionState): state is SectionState & { twoFactorStatus: TwoFactorStatus } {
  return state.twoFactorStatus !== null;
}

function hasPhone(state: SectionState): state is SectionState & { twoFactorStatus: TwoFactorStatus } {
  return state.twoFactorStatus !== null && state.twoFactorStatus.phone !== null;
}

function hasNoPhone(state: SectionState): boolean {
  return state.twoFactorStatus !== null && state.twoFactorStatus.phone === null;
}

function isSameNumber(state: CodeVerificationState, event: PhoneCodeSentEvent): boolean {
  return state.phoneNumber === event.phoneNumber;
}
