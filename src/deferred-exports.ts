/**
 * The package index's bindings for code that `TwoFactorPhoneWizard` loads on demand or never
 * uses: the steps after the email gate and their hooks, the wizard's machine and orchestrator hook
 * (loaded with the section step, after the wizard's first screen), the standalone section, and
 * everything else that imports libphonenumber-js (phone parsing, masking, the mock adapter). Same
 * functions, same names; only the path differs.
 *
 * Why not plain re-exports: esbuild gives a file to the host's initial chunk when any file the
 * entry reaches re-exports it and it is used anywhere — lazily included — so re-exporting the
 * step modules from the index would put libphonenumber-js, the forms and the dialog back in front
 * of the email gate (evanw/esbuild#3704). A binding made by a call marked pure is a module of its
 * own that bundlers drop, and stop at, while nothing uses it. tsup builds this file as an entry
 * of its own so that its chunk holds nothing the gate needs.
 */
import { createMockAdapter as mockAdapter } from './adapters/mock-adapter';
import { CodeVerificationStep as CodeVerificationStepComponent } from './components/code-verification-step';
import { PhoneEntryStep as PhoneEntryStepComponent } from './components/phone-entry-step';
import { RecoveryCodeStep as RecoveryCodeStepComponent } from './components/recovery-code-step';
import { ResetPhoneDialog as ResetPhoneDialogComponent } from './components/reset-phone-dialog';
import { TwoFactorSection as TwoFactorSectionComponent } from './components/two-factor-section';
import { maskEmail as maskEmailAddress, maskPhoneNumber as maskPhone } from './core/mask';
import { parsePhoneNumber as parsePhone } from './core/phone';
import { useCodeVerification as codeVerificationHook } from './hooks/use-code-verification';
import { usePhoneEntry as phoneEntryHook } from './hooks/use-phone-entry';
import { useRecoveryCode as recoveryCodeHook } from './hooks/use-recovery-code';
import { useResetPhone as resetPhoneHook } from './hooks/use-reset-phone';
import { useTwoFactorSection as twoFactorSectionHook } from './hooks/use-two-factor-section';
import { useTwoFactorPhoneWizard as twoFactorPhoneWizardHook } from './hooks/use-two-factor-phone-wizard';
import { initialWizardState as initialState, transition as machineTransition } from './core/machine';

/** Returns its argument; called with a pure annotation so an unused binding is dropped. */
function same<T>(value: T): T {
  return value;
}

/**
 * Entering the code sent to the new number: "We sent a code to …" (or "Calling …"), the code
 * field and Verify, "Change number", and a "Didn't get a code?" disclosure offering, in order, a
 * new code by SMS, a call, and another number, with when the code expires and when a new one may
 * be requested. What happened is said visibly and in the live region. While a verify is in
 * flight none of these can start; after too many wrong attempts the field is disabled and the
 * step offers a new code or another number. A failed verify keeps the typed code.
 */
export const CodeVerificationStep = /* @__PURE__ */ same(CodeVerificationStepComponent);
/**
 * Entering the new number: a country select with names in the user's language, the phone field
 * (react-phone-number-input's input with min metadata, no flags), a notice about choosing a
 * number hosted elsewhere, and "Send code via SMS" / "Receive a call". A failed send keeps the
 * number in the field.
 */
export const PhoneEntryStep = /* @__PURE__ */ same(PhoneEntryStepComponent);
/**
 * Shows the emergency recovery code once, exactly as the adapter returned it (grouping is only
 * styling, so selecting, copying, downloading and printing all give that string), with Copy,
 * Download .txt (naming the service, the account, the date and how to use the code) and Print.
 * Finish stays unavailable until the user confirms they saved the code, and leaving the page
 * before that asks for confirmation.
 */
export const RecoveryCodeStep = /* @__PURE__ */ same(RecoveryCodeStepComponent);
/**
 * The reset confirmation, with alert-dialog behaviour (after Radix's AlertDialog): focus starts on
 * Cancel, outside clicks are ignored, Escape and Cancel close without calling the adapter, and the
 * user must tick the acknowledgement before "Reset and continue" does anything. By default
 * (`resetTiming="on-verify"`) confirming removes nothing and says so: the current number keeps
 * working until the new one verifies. With `"immediate"` it calls `adapter.resetPhone`, and while
 * that is in flight nothing closes the dialog.
 */
export const ResetPhoneDialog = /* @__PURE__ */ same(ResetPhoneDialogComponent);
/**
 * The "Two-factor authentication (2FA)" settings section on its own: loads the current phone,
 * offers Edit, Reset (with its confirmation dialog) and, on free-trial accounts, Disable.
 */
export const TwoFactorSection = /* @__PURE__ */ same(TwoFactorSectionComponent);

/**
 * Entering the code sent to the new phone: verify (by hand or automatically once an edit makes
 * the code complete, through the same single-flight guard), ask for a new code by SMS or by call
 * once the last delivery's cooldown is over, or go back for another number. While a verify is in
 * flight nothing on the step can supersede it, so an answer the backend gave always reaches
 * `onVerified`. A thin layer over the shared code-entry engine (`useCodeEntry`).
 * @example
 * const verification = useCodeVerification({ phoneNumber, resendAfterSeconds: 30, onVerified });
 * <form {...verification.getFormProps()}>
 *   <label htmlFor="phone-code">Code</label>
 *   <input id="phone-code" {...verification.getCodeInputProps()} />
 *   <button type="submit">Verify</button>
 *   <button type="button" onClick={() => verification.switchChannel('call')}>Receive a call</button>
 * </form>
 */
export const useCodeVerification = /* @__PURE__ */ same(codeVerificationHook);
/**
 * Entering the new phone number and sending it a code. The form is react-hook-form with a zod/mini
 * schema; a number typed with `+` or an international prefix picks its own country.
 * @example
 * const entry = usePhoneEntry({ defaultCountry: 'US', onCodeSent: (details) => goToCode(details) });
 * <form {...entry.getFormProps()}>
 *   <label htmlFor="phone">Phone number</label>
 *   <input id="phone" type="tel" autoComplete="tel" {...entry.form.register('phone')} />
 *   <button type="submit">Send code via SMS</button>
 * </form>
 */
export const usePhoneEntry = /* @__PURE__ */ same(phoneEntryHook);
/**
 * Shows the emergency recovery code once and helps the user keep it: copy, download, print, then
 * Finish once they confirm they saved it. The code is held in one place, the `recoveryCode` option
 * (the wizard's state): this hook keeps no copy of it in state, only whether it was finished, and
 * reads nothing once finished or unmounted. `groups` are pieces of the code exactly as the adapter
 * returned it (`groups.join('') === recoveryCode`), for display only: grouping is styling.
 * @example
 * const recovery = useRecoveryCode({ recoveryCode, onFinish: () => navigate('/dashboard') });
 * <code translate="no">{recovery.groups.map((group, i) => <span key={i}>{group}</span>)}</code>
 * <button onClick={() => void recovery.copy()}>Copy</button>
 * <button disabled={!recovery.canFinish} onClick={recovery.finish}>Finish</button>
 */
export const useRecoveryCode = /* @__PURE__ */ same(recoveryCodeHook);
/**
 * The "reset the current 2FA phone" confirmation: open state (controlled or not), the required
 * acknowledgement, and what confirming does. By default (`resetTiming: 'on-verify'`) confirming
 * records the intent and removes nothing: the current phone keeps working until the new number
 * verifies with `replacesCurrent: true`. With `'immediate'` it calls `adapter.resetPhone` (single
 * flight) first.
 * @example
 * const reset = useResetPhone({ onReset: () => setStep('phone-entry') });
 * <button onClick={() => reset.setOpen(true)}>Reset</button>
 * <input type="checkbox" checked={reset.acknowledged} onChange={(e) => reset.setAcknowledged(e.target.checked)} />
 * <button aria-disabled={!reset.canConfirm} onClick={reset.confirm}>Reset and continue</button>
 */
export const useResetPhone = /* @__PURE__ */ same(resetPhoneHook);
/**
 * The "Two-factor authentication (2FA)" settings section: loads the current phone (masked) and
 * whether 2FA may be disabled, holds edit mode (controlled or not) and Disable's confirmation. Its
 * rules are the section's state machine in core (`transitionSection`, read through
 * `selectSection`), the same one the wizard's two-factor-section step runs.
 *
 * `requestDisable()` opens the confirmation (`disableConfirmation: 'confirming'`), `disable()`
 * turns 2FA off (from the confirmation, or straight away for a headless host that confirms its
 * own way), `cancelDisable()` closes it. On success it leaves edit mode, calls `onDisabled` and
 * reloads the status.
 * @example
 * const section = useTwoFactorSection({ onDisabled: () => toast('2FA is off') });
 * if (section.status === 'loading') return <p>Loading…</p>;
 * <p>{section.maskedNumber ?? 'No phone yet'}</p>
 * <button onClick={() => section.setEditing(true)}>Edit</button>
 */
export const useTwoFactorSection = /* @__PURE__ */ same(twoFactorSectionHook);
/**
 * The whole flow as one headless hook: owns the wizard machine (including the step-up grant),
 * asks the backend on mount whether an earlier step-up is still fresh (a status read; only a
 * `reverification_required` answer locks the flow and sends an email), loads the 2FA status when
 * the section needs it, runs Disable once confirmed, and hands each step handlers that turn its
 * outcome into the next step, plus the adapter to call (`wizard.adapter`: yours, with the
 * wizard's additions — `replacesCurrent` on verify from the machine, the freshness check before
 * `resetPhone`). Callbacks never receive a code or the recovery code.
 * @example
 * const wizard = useTwoFactorPhoneWizard({ adapter, onComplete: ({ maskedNumber }) => toast(`2FA now uses ${maskedNumber}`) });
 * const { adapter: stepAdapter, handlers, state } = wizard;
 * switch (state.step) {
 *   case 'email-code-gate':
 *     return state.status === 'checking' ? <p>Loading…</p> : <EmailCodeGate adapter={stepAdapter} onVerified={handlers.onEmailVerified} onError={handlers.onStepError} />;
 *   // …one case per step
 * }
 */
export const useTwoFactorPhoneWizard = /* @__PURE__ */ same(twoFactorPhoneWizardHook);

/** The wizard's one transition function. Pure: no clock, no I/O; same object when nothing applies. */
export const transition = /* @__PURE__ */ same(machineTransition);
/** Where the wizard starts: asking whether an earlier step-up is still fresh, nothing to resume. */
export const initialWizardState = /* @__PURE__ */ same(initialState);

/**
 * Parses a phone number typed in any common way. A leading `+` (also `＋`) or the default
 * region's international prefix (`011` from the US, `00` from most others) picks the number's own
 * country whatever `defaultCountry` says. `00` is also tried as an international prefix when the
 * number is not valid as a national number, since many people dial abroad with it everywhere.
 * Numbers with an extension are refused (`has_extension`): codes cannot be delivered to them.
 * Never throws.
 *
 * @example parsePhoneNumber('(650) 253-0000', 'US') // { ok: true, e164: '+16502530000', country: 'US' }
 */
export const parsePhoneNumber = /* @__PURE__ */ same(parsePhone);

/**
 * Masks an email address for display: `john@example.com` → `j•••@example.com`. Always three
 * bullets, so the length of the local part is not revealed. Never throws.
 */
export const maskEmail = /* @__PURE__ */ same(maskEmailAddress);
/**
 * Masks a phone number for display, keeping the calling code and the last 2–4 digits:
 * `+16502530123` → `+1 ••• ••• 0123`. Fewer digits stay visible on short numbers so that at least
 * four are always hidden where possible. Input that is not E.164 is masked digit by digit as
 * written. Never throws.
 */
export const maskPhoneNumber = /* @__PURE__ */ same(maskPhone);

/**
 * Creates an in-memory adapter.
 *
 * @example
 * const adapter = createMockAdapter({ code: '123456', phoneNumber: null, latencyMs: 400 });
 * <TwoFactorPhoneWizard adapter={adapter} onComplete={goToDashboard} />
 */
export const createMockAdapter = /* @__PURE__ */ same(mockAdapter);
