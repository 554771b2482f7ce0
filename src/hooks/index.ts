export { TwoFactorProvider, useTwoFactorAdapter } from './context';
export type { TwoFactorProviderProps } from './context';
export { useEmailCodeGate } from './use-email-code-gate';
export { useTwoFactorSection } from './use-two-factor-section';
export { useResetPhone } from './use-reset-phone';
export { usePhoneEntry } from './use-phone-entry';
export { useCodeVerification } from './use-code-verification';
export { useRecoveryCode } from './use-recovery-code';
export { useTwoFactorPhoneWizard } from './use-two-factor-phone-wizard';
export type {
  BaseHookOptions,
  CodeInputHandlers,
  CodeInputProps,
  CodeVerificationState,
  CompleteDetails,
  EmailCodeGateState,
  EmailCodeGateStatus,
  FormHandlers,
  FormProps,
  PhoneCodeSentDetails,
  PhoneEntryFormValues,
  PhoneEntryState,
  RecoveryCodeState,
  ResetPhoneState,
  ResetTiming,
  TwoFactorPhoneWizardState,
  TwoFactorSectionState,
  TwoFactorSectionStatus,
  UseCodeVerificationOptions,
  UseEmailCodeGateOptions,
  UsePhoneEntryOptions,
  UseRecoveryCodeOptions,
  UseResetPhoneOptions,
  UseTwoFactorPhoneWizardOptions,
  UseTwoFactorSectionOptions,
} from './types';
