import { sanitizeCode } from './code';
import type { TwoFactorError } from './errors';
import { deadlineFromNow, secondsRemaining } from './time';

/**
 * The code-entry engine both code steps share (the email step-up code and the phone code): a pure
 * `codeEntryTransition(state, event)` over one state object, no React, no clock (events carry
 * `now`), no I/O. The hook (`useCodeEntry`) dispatches intents, reads from the next state which
 * adapter call to start (a new `verification` or `delivery.seq`), and dispatches the outcomes
 * with the sequence number they belong to, so an outcome of anything but the call in flight is
 * dropped here.
 *
 * Rules it enforces (issues 11 and 15):
 * - single flight: one verify at a time, one send at a time, decided synchronously;
 * - a verify in flight is never superseded: asking for a new code meanwhile does nothing;
 * - one cooldown per delivery, whatever the channel, from the server's `resendAfterSeconds`
 *   (or a rate limit's `retryAfterSeconds`);
 * - after `too_many_attempts` the code is locked: edits and submits are ignored until a new
 *   code arrives, so a correct code typed after the lockout is never sent;
 * - auto-submit on an edit that makes the code complete, never for the code just rejected;
 * - a new code clears the field only when the user has not typed since asking for it (typing
 *   the old code while a call is placed must not be wiped out by the call's answer).
 */

/** How a code reaches the user. */
export type CodeChannel = 'email' | 'sms' | 'call';

/** Where the code itself stands. */
export type CodeEntryPhase =
  /** The user can type and submit. */
  | 'awaiting-code'
  /** A verify is in flight. */
  | 'verifying'
  /** `too_many_attempts`: the code is dead; only a new code unlocks the field. */
  | 'locked'
  /** The backend accepted the code. Final. */
  | 'verified';

/** Where the last request for a code stands. */
export type CodeDeliveryStatus = 'idle' | 'sending' | 'sent' | 'failed';

/** The last request for a code. */
export interface CodeDelivery {
  status: CodeDeliveryStatus;
  /** The channel asked for. */
  channel: CodeChannel;
  /** Sequence number of that request; 0 before any. */
  seq: number;
}

/** The verify in flight. */
export interface CodeVerification {
  /** Sequence number of this verify. */
  seq: number;
  /** The code being checked (kept in memory only, never stored elsewhere). */
  code: string;
}

export interface CodeEntryState {
  phase: CodeEntryPhase;
  /** The sanitised code typed so far. */
  code: string;
  /** Digits expected. */
  codeLength: number;
  /** `'incomplete'` after a submit with too few digits; cleared by the next edit. */
  fieldError: 'incomplete' | null;
  /** The last adapter failure shown (send or verify), or null. */
  error: TwoFactorError | null;
  /** From the last `invalid_code` failure; 0 once locked; null again with a new code. */
  attemptsRemaining: number | null;
  /** Epoch ms from which a new code may be requested; null when no wait is known. */
  resendAt: number | null;
  /** The channel of the code the user has (or is waiting for first). */
  channel: CodeChannel;
  /** True once a code was delivered (or, on the phone step, before the step opened). */
  hasCode: boolean;
  /** The last request for a code. */
  delivery: CodeDelivery;
  /** The verify in flight, or null. */
  verification: CodeVerification | null;
  /** Sequence number of the last verify started; 0 before any. */
  verifySeq: number;
  /** Bumped by every edit of the code. */
  edits: number;
  /** `edits` when the send in flight was asked for. */
  editsAtRequest: number;
  /** The code the backend last rejected: not auto-submitted again (Verify still sends it). */
  rejectedCode: string | null;
  /** Verify on an edit that makes the code complete. */
  autoSubmit: boolean;
}

/** Everything that can happen to a code entry: user intents and adapter outcomes. */
export type CodeEntryEvent =
  /** The user typed, pasted or autofilled; the value is sanitised here. */
  | { type: 'CODE.CHANGE'; value: string }
  /** Verify was pressed (or Enter). */
  | { type: 'CODE.SUBMIT' }
  /** The user asks for a (new) code on `channel`. `now` is the wall clock, for the cooldown. */
  | { type: 'DELIVERY.REQUEST'; channel: CodeChannel; now: number }
  /** The send `seq` succeeded. */
  | { type: 'DELIVERY.SENT'; seq: number; codeLength?: number; resendAfterSeconds?: number; now: number }
  /** The send `seq` failed. */
  | { type: 'DELIVERY.FAILED'; seq: number; error: TwoFactorError; now: number }
  /** The send `seq` was aborted (unmount, step exit); nothing to show. */
  | { type: 'DELIVERY.ABORTED'; seq: number }
  /** The verify `seq` was accepted. */
  | { type: 'VERIFY.ACCEPTED'; seq: number }
  /** The verify `seq` failed. */
  | { type: 'VERIFY.REJECTED'; seq: number; error: TwoFactorError }
  /** The verify `seq` was aborted; the code stays. */
  | { type: 'VERIFY.ABORTED'; seq: number };

/** How a code entry starts. */
export interface CodeEntryInit {
  /** Digits expected (already resolved). */
  codeLength: number;
  /** The channel of the code already sent, or of the first send. */
  channel: CodeChannel;
  /** True when a code was already sent before (phone step); false while the first is pending. */
  hasCode: boolean;
  /**
   * Epoch ms from which a new code may be requested (finite: the hooks check what hosts pass).
   * @default null
   */
  resendAt?: number | null;
  /** @default false */
  autoSubmit?: boolean;
}

/** The initial state: `init` as given (code length, channel, hasCode), defaults for the rest. */
export function createCodeEntryState(init: CodeEntryInit): CodeEntryState {
  return {
    ...init,
    phase: 'awaiting-code',
    code: '',
    fieldError: null,
    error: null,
    attemptsRemaining: null,
    resendAt: init.resendAt ?? null,
    delivery: { status: 'idle', channel: init.channel, seq: 0 },
    verification: null,
    verifySeq: 0,
    edits: 0,
    editsAtRequest: 0,
    rejectedCode: null,
    autoSubmit: init.autoSubmit ?? false,
  };
}

/**
 * The one transition function: switches on the event, then asks the phase. Returns the very same
 * object when the event does not apply (a stale outcome, a guarded intent), so callers can tell
 * "nothing happened" by identity.
 */
export function codeEntryTransition(state: CodeEntryState, event: CodeEntryEvent): CodeEntryState {
  const { phase } = state;
  // Final: nothing changes a verified entry.
  if (phase === 'verified') return state;
  switch (event.type) {
    case 'CODE.CHANGE': {
      // Locked: the code is dead, nothing typed now is sent, however correct. Verifying: editing
      // stays possible; nothing more is sent until this verify answers (single flight).
      if (phase === 'locked') return state;
      const code = sanitizeCode(event.value, state.codeLength);
      if (code === state.code) return state;
      // An edit makes the last failure stale; a wait (resendAt) stays, it is about time.
      const next: CodeEntryState = { ...state, code, fieldError: null, error: null, edits: state.edits + 1 };
      // Auto-submit on an edit that completes the code, never for the code just rejected.
      return phase === 'awaiting-code' && state.autoSubmit && isCodeComplete(next) && code !== state.rejectedCode
        ? startVerify(next)
        : next;
    }
    case 'CODE.SUBMIT':
      if (phase !== 'awaiting-code') return state;
      // Said on the field rather than ignored; it costs no attempt.
      return isCodeComplete(state) ? startVerify(state) : { ...state, fieldError: 'incomplete' };
    case 'DELIVERY.REQUEST':
      // While verifying, a new code would void the one being checked, and the backend may already
      // have accepted it (issue 15): the verify's answer must arrive first.
      if (!canRequestCode(state, event.now)) return state;
      return {
        ...state,
        delivery: { status: 'sending', channel: event.channel, seq: state.delivery.seq + 1 },
        editsAtRequest: state.edits,
        error: null,
      };
    case 'DELIVERY.SENT': {
      if (!isCurrentDelivery(state, event.seq)) return state;
      const codeLength = resolveEntryCodeLength(event.codeLength, state.codeLength);
      return {
        ...state,
        // A new code unlocks the field.
        phase: phase === 'locked' ? 'awaiting-code' : phase,
        codeLength,
        // The old code goes when it is dead (locked) or untouched since the user asked for a new
        // one; typed meanwhile, or being verified, it stays.
        code:
          phase === 'locked' || (phase === 'awaiting-code' && state.edits === state.editsAtRequest)
            ? ''
            : sanitizeCode(state.code, codeLength),
        fieldError: null,
        // A verify in flight keeps the floor for its own outcome.
        error: phase === 'verifying' ? state.error : null,
        attemptsRemaining: null,
        rejectedCode: null,
        channel: state.delivery.channel,
        hasCode: true,
        delivery: { ...state.delivery, status: 'sent' },
        resendAt: event.resendAfterSeconds === undefined ? null : deadlineFromNow(event.resendAfterSeconds, event.now),
      };
    }
    case 'DELIVERY.FAILED': {
      if (!isCurrentDelivery(state, event.seq)) return state;
      const { error } = event;
      return {
        ...state,
        delivery: { ...state.delivery, status: 'failed' },
        // A verify in flight keeps the floor for its own outcome.
        error: phase === 'verifying' ? state.error : error,
        resendAt: error.retryAfterSeconds === undefined ? state.resendAt : deadlineFromNow(error.retryAfterSeconds, event.now),
      };
    }
    case 'DELIVERY.ABORTED':
      return isCurrentDelivery(state, event.seq) ? { ...state, delivery: { ...state.delivery, status: 'idle' } } : state;
    // Verify outcomes: only the verify in flight has one (there is none outside `verifying`).
    case 'VERIFY.ACCEPTED':
      return isCurrentVerify(state, event.seq)
        ? { ...state, phase: 'verified', verification: null, error: null, fieldError: null }
        : state;
    case 'VERIFY.REJECTED': {
      const { verification } = state;
      if (!isCurrentVerify(state, event.seq) || verification === null) return state;
      const { error } = event;
      if (error.code === 'too_many_attempts') {
        return { ...state, phase: 'locked', verification: null, error, attemptsRemaining: 0 };
      }
      const invalid = error.code === 'invalid_code';
      return {
        ...state,
        phase: 'awaiting-code',
        verification: null,
        error,
        attemptsRemaining: invalid && error.attemptsRemaining !== undefined ? error.attemptsRemaining : state.attemptsRemaining,
        rejectedCode: invalid ? verification.code : state.rejectedCode,
      };
    }
    case 'VERIFY.ABORTED':
      return isCurrentVerify(state, event.seq) ? { ...state, phase: 'awaiting-code', verification: null } : state;
    default:
      // Exhaustive over CodeEntryEvent; an unknown event from untyped code leaves the state alone.
      event satisfies never;
      return state;
  }
}

// Actions, named as what they do.

function startVerify(state: CodeEntryState): CodeEntryState {
  const seq = state.verifySeq + 1;
  return {
    ...state,
    phase: 'verifying',
    verifySeq: seq,
    verification: { seq, code: state.code },
    fieldError: null,
    error: null,
  };
}

// Guards and selectors, named as the questions they answer.

/** The code has all its digits. */
export function isCodeComplete(state: CodeEntryState): boolean {
  return state.code.length === state.codeLength;
}

/**
 * A new code may be asked for at `now` (the UI's Resend / call buttons): no verify in flight or
 * done, no request for a code in flight, and the last delivery's cooldown (or a rate limit) over.
 */
export function canRequestCode(state: CodeEntryState, now: number): boolean {
  return (
    state.phase !== 'verifying' &&
    state.phase !== 'verified' &&
    state.delivery.status !== 'sending' &&
    secondsRemaining(state.resendAt, now) === 0
  );
}

function isCurrentVerify(state: CodeEntryState, seq: number): boolean {
  return state.verification !== null && state.verification.seq === seq;
}

function isCurrentDelivery(state: CodeEntryState, seq: number): boolean {
  return state.delivery.status === 'sending' && state.delivery.seq === seq;
}

/** Digits in a code when the backend does not say. */
export const DEFAULT_CODE_LENGTH = 6;

/** A code length the backend gave, when it is a whole number 1–20, else `fallback`. */
export function resolveEntryCodeLength(value: number | undefined, fallback: number = DEFAULT_CODE_LENGTH): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 20 ? value : fallback;
}
