/**
 * `react-2fa-phone`: the styled components, plus everything in `react-2fa-phone/headless` (core,
 * hooks, adapters) and the copy. Import `react-2fa-phone/styles.css` once for the styles.
 */

// Components: the whole flow and its parts.
export {
  CodeInput,
  CodeVerificationStep,
  EmailCodeGate,
  PhoneEntryStep,
  RecoveryCodeStep,
  ResetPhoneDialog,
  TwoFactorPhoneWizard,
  TwoFactorSection,
  TwoFactorSectionView,
} from './components';
export type {
  CodeInputComponentProps,
  CodeVerificationStepProps,
  EmailCodeGateProps,
  HeadingLevel,
  PhoneEntryStepProps,
  RecoveryCodeStepProps,
  ResetPhoneDialogProps,
  TwoFactorPhoneWizardProps,
  TwoFactorSectionProps,
  TwoFactorSectionViewProps,
  TwoFactorSectionViewStatus,
} from './components';

// Copy: English (default), Spanish, German, and the context the components read it from.
export { MessagesProvider, de, en, es, useLocale, useMessages } from './i18n';
export type { MessagesProviderProps, TwoFactorMessages, TwoFactorMessagesOverrides } from './i18n';

// Core: adapter contract, errors, the wizard machine, phone/code helpers, masking, deadlines.
export {
  DEFAULT_CODE_LENGTH,
  MASK_CHARACTER,
  TWO_FACTOR_ERROR_CODES,
  TwoFactorError,
  deadlineFromNow,
  formatPhoneForDisplay,
  initialWizardState,
  isAbortError,
  isTwoFactorError,
  isTwoFactorErrorCode,
  maskEmail,
  maskPhoneNumber,
  normalizeError,
  normalizePhoneInput,
  parsePhoneNumber,
  resolveCodeLength,
  sanitizeCode,
  secondsRemaining,
  transition,
} from './core';
export type {
  AdapterMethod,
  AdapterRequest,
  CountryCode,
  PhoneCodeChannel,
  PhoneParseFailure,
  PhoneParseResult,
  ResumeTarget,
  SectionStatus,
  SendEmailCodeResult,
  SendPhoneCodeRequest,
  SendPhoneCodeResult,
  TwoFactorAdapter,
  TwoFactorErrorCode,
  TwoFactorErrorOptions,
  TwoFactorStatus,
  VerifyEmailCodeRequest,
  VerifyPhoneCodeRequest,
  VerifyPhoneCodeResult,
  WizardEvent,
  WizardState,
  WizardStep,
} from './core';

// Hooks: one per step, the orchestrator, and the provider (which renders no markup).
export {
  TwoFactorProvider,
  useCodeVerification,
  useEmailCodeGate,
  usePhoneEntry,
  useRecoveryCode,
  useResetPhone,
  useTwoFactorPhoneWizard,
  useTwoFactorSection,
} from './hooks';
export type {
  BaseHookOptions,
  CodeInputHandlers,
  CodeInputProps,
  CodeVerificationState,
  EmailCodeGateState,
  EmailCodeGateStatus,
  FormHandlers,
  FormProps,
  PhoneCodeSentDetails,
  PhoneEntryFormValues,
  PhoneEntryState,
  RecoveryCodeState,
  ResetPhoneState,
  TwoFactorPhoneWizardState,
  TwoFactorProviderProps,
  TwoFactorSectionState,
  TwoFactorSectionStatus,
  UseCodeVerificationOptions,
  UseEmailCodeGateOptions,
  UsePhoneEntryOptions,
  UseRecoveryCodeOptions,
  UseResetPhoneOptions,
  UseTwoFactorPhoneWizardOptions,
  UseTwoFactorSectionOptions,
} from './hooks';

// Adapters: an in-memory backend for demos and tests, and one over a REST API.
export { createFetchAdapter, createMockAdapter } from './adapters';
export type {
  FetchAdapter,
  FetchAdapterHeaders,
  FetchAdapterOptions,
  MockAdapter,
  MockAdapterOptions,
  MockAdapterState,
  MockFailureScript,
  MockFailures,
  MockInboxChange,
  MockMessage,
  MockRequestMap,
} from './adapters';
