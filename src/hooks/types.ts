import type { ChangeEvent, ClipboardEvent, FormEvent, KeyboardEvent } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { PhoneCodeChannel, TwoFactorAdapter, TwoFactorStatus } from '../core/adapter';
import type { TwoFactorError } from '../core/errors';
import type { PhoneParseFailure } from '../core/phone';
import type { WizardState } from '../core/machine';

/**
 * The public shapes of the headless hooks. Components are thin layers over these; hosts that build
 * their own UI use them directly. Statuses are enumerated strings, not booleans; `is*` fields are
 * derived conveniences.
 */

/** Options every hook accepts. */
export interface BaseHookOptions {
  /** The backend. Falls back to the nearest `TwoFactorProvider`'s adapter. */
  adapter?: TwoFactorAdapter;
  /**
   * Milliseconds after which a pending adapter call is aborted and fails with `network`.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * Called with every adapter failure the hook shows, as a `TwoFactorError` carrying only `code`,
   * `retryAfterSeconds` and `attemptsRemaining` (its message is the code, it has no `cause`): an
   * adapter's own error text may quote a code, so it never reaches a host callback. Log inside your
   * adapter if you need raw errors. The wizard uses it to go back to the email gate on
   * `reverification_required`.
   */
  onError?: (details: { error: TwoFactorError }) => void;
}

/** Props for one real code `<input>`: spread them onto the element. */
export interface CodeInputProps {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  autoComplete: 'one-time-code';
  inputMode: 'numeric';
  /** `\d*` plus length, so mobile keyboards show digits. */
  pattern: string;
  maxLength: number;
  translate: 'no';
  spellCheck: false;
  autoCorrect: 'off';
  autoCapitalize: 'off';
  'aria-invalid': boolean;
  name: string;
  /**
   * Set (true) only after `too_many_attempts`: the code is dead and nothing typed is sent until a
   * new code arrives. Absent otherwise.
   */
  disabled?: boolean;
}

/**
 * Your handlers for a code input, merged by `getCodeInputProps`: yours run first, and calling
 * `event.preventDefault()` in one skips ours.
 */
export interface CodeInputHandlers {
  /** Runs before ours; `event.preventDefault()` skips ours. */
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
  /** Runs before ours; `event.preventDefault()` keeps the browser's own paste and skips ours. */
  onPaste?: (event: ClipboardEvent<HTMLInputElement>) => void;
  /** Runs before ours; `event.preventDefault()` skips ours. */
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/**
 * Your handler for a form, merged by `getFormProps`: yours runs first, then ours always runs (it
 * stops the browser's navigation and holds the single-flight guard against implicit re-submit).
 */
export interface FormHandlers {
  /** Runs before ours. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
}

/** What `getFormProps` returns: spread it onto the `<form>`. */
export interface FormProps {
  /** Prevents navigation, then runs the step's submit through its single-flight guard. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /**
   * Only matters if the form is submitted before the page's script runs (a server-rendered page
   * not hydrated yet): the browser then sends the fields in a request body, never in the URL.
   */
  method: 'post';
  /** The hook validates (with messages from the closed vocabulary); the browser's bubbles stay off. */
  noValidate: true;
}

// ---------------------------------------------------------------------------------------------
// useEmailCodeGate
// ---------------------------------------------------------------------------------------------

export interface UseEmailCodeGateOptions extends BaseHookOptions {
  /** Called once after the email code verifies. Receives no code. */
  onVerified?: () => void;
  /** Send the email code when the gate first mounts (once, also under StrictMode). @default true */
  sendOnMount?: boolean;
}

export type EmailCodeGateStatus =
  | 'sending' // first send in flight, nothing to type into yet
  | 'send-failed' // the send failed: `error` says why, `resend()` retries
  | 'awaiting-code' // code sent, user typing
  | 'verifying' // verify in flight
  | 'verified';

export interface EmailCodeGateState {
  status: EmailCodeGateStatus;
  /** From the adapter, once sent. */
  maskedEmail: string | null;
  /** Digits expected. @default 6 */
  codeLength: number;
  /** The sanitised code typed so far (digits only). */
  code: string;
  /** Sets the code; input is sanitised (spaces, dashes, fullwidth digits, invisible marks). */
  setCode: (value: string) => void;
  /**
   * Verifies the current code. Single flight: a second call while verifying does nothing. With
   * fewer than `codeLength` digits it calls nothing and sets `fieldError` instead.
   */
  verify: () => void;
  /** Sends a new code when the cooldown allows. Single flight. */
  resend: () => void;
  /** Whole seconds until `resend` is allowed; 0 when it is. */
  resendSecondsRemaining: number;
  /** From the last `invalid_code` failure, when the adapter gave it; null again after a new code is sent. */
  attemptsRemaining: number | null;
  /** The last failure of send/verify, or null. Cleared when the user edits the code or retries. */
  error: TwoFactorError | null;
  /**
   * `'incomplete'` after `verify()` (Verify, Enter) found fewer than `codeLength` digits: nothing
   * was sent and no attempt used. Kept apart from `error`, which only holds adapter failures.
   * The code input is `aria-invalid` meanwhile. Cleared as soon as the code changes.
   */
  fieldError: 'incomplete' | null;
  /** True while a resend (not the first send) is in flight. */
  isResending: boolean;
  isVerified: boolean;
  /** True when the code has `codeLength` digits; before that `verify()` only sets `fieldError`. */
  isCodeComplete: boolean;
  /**
   * True while a verify is in flight. Meanwhile `resend()` does nothing (a new code would void
   * the one the backend may already have accepted).
   */
  isVerifying: boolean;
  /**
   * True after `too_many_attempts`: the field is disabled and nothing typed is sent until
   * `resend()` brings a new code (when `resendSecondsRemaining` allows).
   */
  isLocked: boolean;
  /** True when `resend()` would send now: not verifying, not sending, no cooldown running. */
  canResend: boolean;
  /**
   * The last `resend()` (not the send on mount): `sending`, `sent` (say "We sent you a new
   * code."), `failed` (`error` says why), or `idle` when there was none.
   */
  resendStatus: 'idle' | 'sending' | 'sent' | 'failed';
  /** Prop getter for the one code input. */
  getCodeInputProps: (handlers?: CodeInputHandlers) => CodeInputProps;
  /** Prop getter for the `<form>`: submit verifies (and blocks implicit re-submit while pending). */
  getFormProps: (handlers?: FormHandlers) => FormProps;
}

// ---------------------------------------------------------------------------------------------
// useTwoFactorSection
// ---------------------------------------------------------------------------------------------

export interface UseTwoFactorSectionOptions extends BaseHookOptions {
  /** Controlled edit mode. */
  editing?: boolean;
  /** Initial edit mode when uncontrolled. @default false */
  defaultEditing?: boolean;
  /** Called when edit mode changes. */
  onEditingChange?: (editing: boolean) => void;
  /** Called after `disable()` succeeds. */
  onDisabled?: () => void;
  /**
   * A status a parent already loaded (the wizard does). When given, the hook shows it and does not
   * load on mount; `reload()` still asks the adapter.
   */
  twoFactorStatus?: TwoFactorStatus;
}

export type TwoFactorSectionStatus = 'loading' | 'error' | 'ready';

export interface TwoFactorSectionState {
  status: TwoFactorSectionStatus;
  /** The adapter's answer once loaded. */
  twoFactorStatus: TwoFactorStatus | null;
  /** Masked current number, or null (none yet, or still loading). */
  maskedNumber: string | null;
  /** Whether 2FA may be disabled (free-trial accounts). */
  canDisable: boolean;
  editing: boolean;
  setEditing: (editing: boolean) => void;
  /** Reloads the status (after an error or a change). */
  reload: () => void;
  /** Disable was pressed: opens the confirmation (`disableConfirmation: 'confirming'`), when allowed. */
  requestDisable: () => void;
  /** Closes the confirmation without turning 2FA off (not while it is being turned off). */
  cancelDisable: () => void;
  /**
   * Turns 2FA off when `canDisable` and the adapter supports it: from the confirmation, or straight
   * away for a headless host that confirms its own way. Single flight.
   */
  disable: () => void;
  /**
   * The last disable: `'confirming'` while the confirmation is open, `'pending'` while 2FA is being
   * turned off, `'error'` when that failed (the confirmation stays open), `'done'` once it is off.
   */
  disableStatus: 'idle' | 'confirming' | 'pending' | 'error' | 'done';
  /** Disable's confirmation as the section's state holds it: closed, open, or turning 2FA off. */
  disableConfirmation: 'idle' | 'confirming' | 'pending';
  error: TwoFactorError | null;
}

// ---------------------------------------------------------------------------------------------
// useResetPhone
// ---------------------------------------------------------------------------------------------

export interface UseResetPhoneOptions extends BaseHookOptions {
  /** Controlled open state of the confirmation. */
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * Called once the user confirmed ("Reset and continue"): with `'on-verify'` right away (nothing
   * was removed: the swap happens when the new number verifies, `replacesCurrent: true`), with
   * `'immediate'` after `adapter.resetPhone` succeeded.
   */
  onReset?: () => void;
  /**
   * `'on-verify'` records the confirmed intent and calls nothing; `'immediate'` calls
   * `adapter.resetPhone` (the old delete-first behaviour).
   * @default 'on-verify'
   */
  resetTiming?: ResetTiming;
}

export interface ResetPhoneState {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The required "I understand" checkbox. */
  acknowledged: boolean;
  setAcknowledged: (value: boolean) => void;
  status: 'idle' | 'pending' | 'error' | 'done';
  /**
   * If acknowledged: records the intent (`'on-verify'`) or calls `adapter.resetPhone`
   * (`'immediate'`), then `onReset`. Single flight.
   */
  confirm: () => void;
  error: TwoFactorError | null;
  /** True while the reset is in flight: the dialog must not close on Escape. */
  isPending: boolean;
  /** `acknowledged && !isPending`. */
  canConfirm: boolean;
}

// ---------------------------------------------------------------------------------------------
// usePhoneEntry
// ---------------------------------------------------------------------------------------------

export interface PhoneEntryFormValues {
  /** What the phone input holds: E.164 from react-phone-number-input, or raw text. */
  phone: string;
}

export interface UsePhoneEntryOptions extends BaseHookOptions {
  /** ISO 3166-1 alpha-2 default country for national input, e.g. "US". */
  defaultCountry?: string;
  /** Number to start with (e.g. kept when going back from code verification). E.164. */
  defaultPhoneNumber?: string;
  /** Called after a code was sent. Receives the E.164 number and channel, never a code. */
  onCodeSent?: (details: PhoneCodeSentDetails) => void;
}

export interface PhoneCodeSentDetails {
  phoneNumber: string;
  channel: PhoneCodeChannel;
  resendAfterSeconds?: number;
  codeLength?: number;
}

export interface PhoneEntryState {
  /** react-hook-form instance (zod/mini resolver). Register or `Controller` the `phone` field. */
  form: UseFormReturn<PhoneEntryFormValues>;
  /** E.164 when the current value parses, else null. */
  phoneNumber: string | null;
  /** Why the current value does not parse (after a submit attempt), else null. */
  fieldError: PhoneParseFailure | null;
  status: 'idle' | 'sending' | 'error';
  /** Validates then sends a code via the channel. Single flight. Keeps the number on failure. */
  sendCode: (channel?: PhoneCodeChannel) => void;
  /** The adapter failure of the last send, or null. */
  error: TwoFactorError | null;
  /** Seconds until sending is allowed again after `rate_limited`. */
  retrySecondsRemaining: number;
  /** Prop getter for the `<form>`: submit sends by SMS. */
  getFormProps: (handlers?: FormHandlers) => FormProps;
}

// ---------------------------------------------------------------------------------------------
// useCodeVerification
// ---------------------------------------------------------------------------------------------

export interface UseCodeVerificationOptions extends BaseHookOptions {
  /** The number the code went to, E.164. */
  phoneNumber: string;
  /** The channel of the first send. @default 'sms' */
  channel?: PhoneCodeChannel;
  /** Digits expected. @default 6 */
  codeLength?: number;
  /** Seconds before the first resend is allowed (from `sendPhoneCode`). */
  resendAfterSeconds?: number;
  /**
   * When the first resend is allowed (epoch ms), e.g. the wizard's `resendAt`; wins over
   * `resendAfterSeconds`, so a remount does not restart the cooldown.
   */
  resendAt?: number | null;
  /** Called after a resend (or channel switch) succeeds. Receives no code. */
  onCodeSent?: (details: PhoneCodeSentDetails) => void;
  /**
   * Verify automatically whenever an edit makes the code complete: typed to full length, a new
   * code pasted over an old one, or one digit typed over. An unchanged code is not sent again, nor
   * one already being verified. @default true
   */
  autoSubmit?: boolean;
  /**
   * Called after the code verifies with the recovery code. This is the hand-off to the recovery
   * step inside the library; it is not a host callback. An answer that arrives is always handed
   * over: nothing on the step can abort a verify in flight.
   */
  onVerified?: (result: { recoveryCode: string }) => void;
  /**
   * Sent as `replacesCurrent` with `verifyPhoneCode`: true when the user confirmed Reset of a
   * phone that is still active, so the backend swaps old for new in one step.
   * @default false
   */
  replacesCurrent?: boolean;
  /**
   * "Use another number". Called by `changeNumber()`, which does nothing while a verify is in
   * flight (its answer must reach `onVerified`). Without it `changeNumber()` does nothing.
   */
  onChangeNumber?: () => void;
  /**
   * Called with `{ verifying: true }` when a verify starts and `{ verifying: false }` when it
   * ends, e.g. so a parent can hold its own Cancel while the answer is pending.
   */
  onVerifyingChange?: (details: { verifying: boolean }) => void;
}

/** The last request for a new code on the phone step, for honest status text. */
export interface CodeDeliveryDetails {
  /** `sending` while in flight, `sent` once the backend accepted it, `failed`, or `idle` (none yet). */
  status: 'idle' | 'sending' | 'sent' | 'failed';
  /** The channel asked for. */
  channel: PhoneCodeChannel;
}

export interface CodeVerificationState {
  phoneNumber: string;
  channel: PhoneCodeChannel;
  codeLength: number;
  code: string;
  setCode: (value: string) => void;
  status: 'awaiting-code' | 'verifying' | 'verified' | 'error';
  /**
   * Verifies the code. Single flight, shared with auto-submit. Keeps the code on failure. With
   * fewer than `codeLength` digits it calls nothing and sets `fieldError` instead.
   */
  verify: () => void;
  /** Sends a new code on `channel` (default: the current one), respecting the cooldown. */
  resend: (channel?: PhoneCodeChannel) => void;
  /**
   * Switches to a voice call (or back to SMS) and sends a new code that way. Held to the same
   * cooldown as `resend`: one cooldown per delivery.
   */
  switchChannel: (channel: PhoneCodeChannel) => void;
  isResending: boolean;
  resendSecondsRemaining: number;
  /** From the last `invalid_code` failure, when the adapter gave it. */
  attemptsRemaining: number | null;
  error: TwoFactorError | null;
  /**
   * `'incomplete'` after `verify()` (Verify, Enter) found fewer than `codeLength` digits: nothing
   * was sent and no attempt used. Kept apart from `error`, which only holds adapter failures.
   * The code input is `aria-invalid` meanwhile. Cleared as soon as the code changes.
   */
  fieldError: 'incomplete' | null;
  /** True when the code has `codeLength` digits; before that `verify()` only sets `fieldError`. */
  isCodeComplete: boolean;
  /**
   * True while a verify is in flight. Meanwhile `resend`, `switchChannel` and `changeNumber` do
   * nothing (guarded synchronously), so the answer always reaches `onVerified`; a parent should
   * hold its own Cancel too (see `onVerifyingChange`).
   */
  isVerifying: boolean;
  /**
   * True after `too_many_attempts`: the field is disabled and nothing typed is sent; offer a new
   * code (`resend`, `switchChannel`) or another number (`changeNumber`).
   */
  isLocked: boolean;
  /**
   * True when a new code may be requested now, by SMS or call alike: not verifying, not sending,
   * and the cooldown of the last delivery is over (one cooldown per delivery, whatever the channel).
   */
  canResend: boolean;
  /** The last request for a new code made on this step (not the send that opened it). */
  delivery: CodeDeliveryDetails;
  /** "Use another number": calls `onChangeNumber` unless a verify is in flight. */
  changeNumber: () => void;
  /** Prop getter for the one code input (paste of a whole code replaces the field). */
  getCodeInputProps: (handlers?: CodeInputHandlers) => CodeInputProps;
  /** Prop getter for the `<form>`: submit verifies (and blocks implicit re-submit while pending). */
  getFormProps: (handlers?: FormHandlers) => FormProps;
}

// ---------------------------------------------------------------------------------------------
// useRecoveryCode
// ---------------------------------------------------------------------------------------------

export interface UseRecoveryCodeOptions {
  /** The code from `verifyPhoneCode`. Leaves state on finish or unmount. */
  recoveryCode: string;
  /** Called after Finish. Receives no code. */
  onFinish?: () => void;
  /** File name for the download. @default 'recovery-code.txt' */
  downloadFileName?: string;
  /**
   * The text of the downloaded file, given the code (exactly as the adapter returned it). The
   * styled step names the service, the account, the date and how to use the code.
   * @default the code and a line break
   */
  fileContents?: (recoveryCode: string) => string;
}

export interface RecoveryCodeState {
  /** The code, or '' after finish. */
  recoveryCode: string;
  /**
   * Pieces of the code for display, exactly as given (`groups.join('') === recoveryCode`): split
   * after each separator, or every 4 characters when there is none. Grouping is only styling.
   */
  groups: string[];
  copyStatus: 'idle' | 'copied' | 'failed';
  /** Copies to the clipboard; sets `copyStatus`. */
  copy: () => Promise<void>;
  /** Downloads a .txt file with the code (a Blob URL, revoked right after). */
  download: () => void;
  /** Opens the print dialog. */
  print: () => void;
  acknowledged: boolean;
  setAcknowledged: (value: boolean) => void;
  /** Clears the code and calls `onFinish`, only when acknowledged. */
  finish: () => void;
  canFinish: boolean;
}

// ---------------------------------------------------------------------------------------------
// useTwoFactorPhoneWizard
// ---------------------------------------------------------------------------------------------

/** When "Reset and continue" touches the current phone. */
export type ResetTiming = 'on-verify' | 'immediate';

/** What `onComplete` receives after Finish: never a code. */
export interface CompleteDetails {
  /**
   * The new 2FA phone, masked as the section shows it (e.g. `"+1 ••• ••• 0199"`); `null` when a
   * headless host finished without passing it to `handlers.onFinish`.
   */
  maskedNumber: string | null;
}

export interface UseTwoFactorPhoneWizardOptions extends BaseHookOptions {
  adapter: TwoFactorAdapter;
  /** After Finish, with the new number masked. Receives no code. */
  onComplete?: (details: CompleteDetails) => void;
  /**
   * When "Reset and continue" touches the current phone. `'on-verify'`: nothing is removed; the
   * current phone keeps working until the new number's code verifies, and `verifyPhoneCode` gets
   * `replacesCurrent: true` so the backend swaps them in one step. `'immediate'`: the old
   * delete-first behaviour (`adapter.resetPhone` right away), for backends that need it; leaving
   * between Reset and Finish then asks to confirm (Cancel, and the browser's leave prompt).
   * @default 'on-verify'
   */
  resetTiming?: ResetTiming;
  onCancel?: () => void;
  /** Every step change, with the step's name only. */
  onStepChange?: (details: { step: WizardState['step'] }) => void;
  defaultCountry?: string;
  /**
   * How long (ms) an email verification stays fresh for removing the current phone or disabling
   * 2FA. When the last verification is older, opening or confirming the reset, or Disable, locks
   * the flow behind the email gate again and resumes afterwards. `Infinity` turns the check off.
   * @default 1200000 (20 minutes)
   */
  reverifyAfterMs?: number;
}

export interface TwoFactorPhoneWizardState {
  /** The machine state: `state.step` names the step, the rest is that step's data. */
  state: WizardState;
  /**
   * The adapter to give the step hooks: yours, plus the wizard's guards (the `reverifyAfterMs`
   * check right before `resetPhone`; the number being sent to, kept across a re-verification).
   */
  adapter: TwoFactorAdapter;
  /** Send a machine event (advanced). */
  send: (event: import('../core/machine').WizardEvent) => void;
  /** Cancels the flow and calls `onCancel`; does nothing while a verify is in flight. */
  cancel: () => void;
  /** Reloads the 2FA status (two-factor-section step, after a load error). */
  reloadStatus: () => void;
  /** Disables 2FA (two-factor-section step, only when `canDisable`). Single flight. */
  disableTwoFactor: () => void;
  disableStatus: 'idle' | 'pending' | 'error';
  /** The last failure of the wizard's own calls (status load, disable), or null. */
  error: TwoFactorError | null;
  /**
   * True while leaving would leave the account without a phone (`resetTiming="immediate"` removed
   * the old one and the new one is not verified yet): ask before calling `cancel`, and warn on
   * page unload.
   */
  isLeaveGuarded: boolean;
  /**
   * True while a `verifyPhoneCode` is in flight: the backend may already have swapped the phone,
   * so leaving is unavailable (`cancel` does nothing) until the answer arrives.
   */
  isVerifyInFlight: boolean;
  /** The `resetTiming` in effect. */
  resetTiming: ResetTiming;
  /** Handlers for the step components: each maps a step outcome to a machine event. */
  handlers: {
    onEmailVerified: () => void;
    onEdit: () => void;
    onCloseEdit: () => void;
    onResetRequest: () => void;
    /**
     * Call when Disable is pressed, before asking the user to confirm: returns whether to ask now.
     * False when Disable is not possible, or when the email verification is older than
     * `reverifyAfterMs`; the flow then re-locks at the email gate first, as for Reset.
     */
    onDisableRequest: () => boolean;
    /** Disable's confirmation was dismissed (Cancel, Escape). */
    onDisableCancel: () => void;
    onResetCancel: () => void;
    onResetDone: () => void;
    onAddPhone: () => void;
    onCodeSent: (details: PhoneCodeSentDetails) => void;
    onChangeNumber: () => void;
    onPhoneVerified: (result: { recoveryCode: string }) => void;
    /**
     * Finish on the recovery step. Pass the new number masked (the styled wizard does) so the
     * section and `onComplete` can show it.
     */
    onFinish: (details?: { maskedNumber?: string }) => void;
    /** Pass to every step's `onError`: handles `reverification_required`. */
    onStepError: (details: { error: TwoFactorError }) => void;
  };
}
