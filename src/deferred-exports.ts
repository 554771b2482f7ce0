/**
 * The package index's bindings for code that `TwoFactorPhoneWizard` loads on demand or never
 * uses: the steps after the email gate and their hooks, the standalone section, and everything
 * else that imports libphonenumber-js (phone parsing, masking, the mock adapter). Same functions,
 * same names; only the path differs.
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
import { TwoFactorSectionView as TwoFactorSectionViewComponent } from './components/two-factor-section-view';
import { MASK_CHARACTER as maskCharacter, maskEmail as maskEmailAddress, maskPhoneNumber as maskPhone } from './core/mask';
import {
  formatPhoneForDisplay as formatPhone,
  normalizePhoneInput as normalizePhone,
  parsePhoneNumber as parsePhone,
} from './core/phone';
import { de as germanMessages } from './i18n/de';
import { es as spanishMessages } from './i18n/es';
import { useCodeVerification as codeVerificationHook } from './hooks/use-code-verification';
import { usePhoneEntry as phoneEntryHook } from './hooks/use-phone-entry';
import { useRecoveryCode as recoveryCodeHook } from './hooks/use-recovery-code';
import { useResetPhone as resetPhoneHook } from './hooks/use-reset-phone';
import { useTwoFactorSection as twoFactorSectionHook } from './hooks/use-two-factor-section';

/** Returns its argument; called with a pure annotation so an unused binding is dropped. */
function same<T>(value: T): T {
  return value;
}

/** See `CodeVerificationStepProps`. */
export const CodeVerificationStep = /* @__PURE__ */ same(CodeVerificationStepComponent);
/** See `PhoneEntryStepProps`. */
export const PhoneEntryStep = /* @__PURE__ */ same(PhoneEntryStepComponent);
/** See `RecoveryCodeStepProps`. */
export const RecoveryCodeStep = /* @__PURE__ */ same(RecoveryCodeStepComponent);
/** See `ResetPhoneDialogProps`. */
export const ResetPhoneDialog = /* @__PURE__ */ same(ResetPhoneDialogComponent);
/** See `TwoFactorSectionProps`. */
export const TwoFactorSection = /* @__PURE__ */ same(TwoFactorSectionComponent);
/** See `TwoFactorSectionViewProps`. */
export const TwoFactorSectionView = /* @__PURE__ */ same(TwoFactorSectionViewComponent);

/** See `UseCodeVerificationOptions`. */
export const useCodeVerification = /* @__PURE__ */ same(codeVerificationHook);
/** See `UsePhoneEntryOptions`. */
export const usePhoneEntry = /* @__PURE__ */ same(phoneEntryHook);
/** See `UseRecoveryCodeOptions`. */
export const useRecoveryCode = /* @__PURE__ */ same(recoveryCodeHook);
/** See `UseResetPhoneOptions`. */
export const useResetPhone = /* @__PURE__ */ same(resetPhoneHook);
/** See `UseTwoFactorSectionOptions`. */
export const useTwoFactorSection = /* @__PURE__ */ same(twoFactorSectionHook);

/** Parses a phone number typed in any common way; see `PhoneParseResult`. */
export const parsePhoneNumber = /* @__PURE__ */ same(parsePhone);
/** Cleans typed, pasted or autofilled phone text before parsing. */
export const normalizePhoneInput = /* @__PURE__ */ same(normalizePhone);
/** Formats an E.164 number for people, in international format. */
export const formatPhoneForDisplay = /* @__PURE__ */ same(formatPhone);

/** The character that stands for each hidden character, `•`. */
export const MASK_CHARACTER = /* @__PURE__ */ same(maskCharacter);
/** Masks an email address for display: `"j•••@example.com"`. */
export const maskEmail = /* @__PURE__ */ same(maskEmailAddress);
/** Masks an E.164 number for display: `"+1 ••• ••• 0123"`. */
export const maskPhoneNumber = /* @__PURE__ */ same(maskPhone);

/** See `MockAdapterOptions`. */
export const createMockAdapter = /* @__PURE__ */ same(mockAdapter);

/** The Spanish copy (also `react-2fa-phone/locales/es`). */
export const es = /* @__PURE__ */ same(spanishMessages);
/** The German copy (also `react-2fa-phone/locales/de`). */
export const de = /* @__PURE__ */ same(germanMessages);
