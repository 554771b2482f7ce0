/**
 * `react-2fa-phone`: the styled components, plus everything in `react-2fa-phone/headless` (core,
 * hooks, adapters) and the copy. Import `react-2fa-phone/styles.css` once for the styles.
 */

// Values come straight from their modules, not from the folder indexes: an index imports every
// module in its folder, and the steps the wizard loads on demand must stay out of this entry's
// static imports. Those come through ./deferred-exports, which explains why.

// Components: the whole flow and its parts.
export { CodeInput } from './components/code-input';
export { EmailCodeGate } from './components/email-code-gate';
export { TwoFactorPhoneWizard } from './components/two-factor-phone-wizard';
export {
  CodeVerificationStep,
  PhoneEntryStep,
  RecoveryCodeStep,
  ResetPhoneDialog,
  TwoFactorSection,
} from './deferred-exports';
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
} from './components';

// Copy: English (default) and the context the components read it from. The whole English copy
// and `useMessages` (which reads it) come through ./deferred-copy, Spanish and German through
// ./deferred-locales, so that they stay out of the page's JS unless a host uses them: the page
// ships only the gate's part of the English copy (the leaner way to Spanish and German is their
// own subpaths, `react-2fa-phone/locales/es` and `/de`).
export { MessagesProvider, useLocale } from './i18n/context';
export { en, useMessages } from './deferred-copy';
export { de, es } from './deferred-locales';
export type { MessagesProviderProps, TwoFactorMessages, TwoFactorMessagesOverrides } from './i18n';

// Core: adapter contract, errors, the wizard machine, and the phone parsing and masking a headless
// UI needs. Everything else in core is internal (tests import it from its module).
export { TWO_FACTOR_ERROR_CODES, TwoFactorError, isAbortError, isTwoFactorError, isTwoFactorErrorCode } from './core/errors';
export { initialWizardState, transition } from './deferred-exports';
export { maskEmail, maskPhoneNumber, parsePhoneNumber } from './deferred-exports';
export type {
  AdapterMethod,
  AdapterRequest,
  CountryCode,
  PhoneCodeChannel,
  PhoneParseFailure,
  PhoneChange,
  PhoneParseResult,
  ResumeTarget,
  SectionStatus,
  StepUpGrant,
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
  WizardStepState,
} from './core';

// Hooks: one per step, the orchestrator, and the provider (which renders no markup).
export { TwoFactorProvider } from './hooks/context';
export { useEmailCodeGate } from './hooks/use-email-code-gate';
export {
  useCodeVerification,
  usePhoneEntry,
  useRecoveryCode,
  useResetPhone,
  useTwoFactorPhoneWizard,
  useTwoFactorSection,
} from './deferred-exports';
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
export { createFetchAdapter } from './adapters/fetch-adapter';
export { createMockAdapter } from './deferred-exports';
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
