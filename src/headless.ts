/**
 * `react-2fa-phone/headless`: the core, the hooks and the adapters — no styled components, no
 * CSS, no Radix — for hosts that bring their own UI.
 */

// Core: adapter contract, errors, the wizard machine, and the phone parsing and masking a headless
// UI needs. Everything else in core is internal (tests import it from its module).
export {
  TWO_FACTOR_ERROR_CODES,
  TwoFactorError,
  initialWizardState,
  isAbortError,
  isTwoFactorError,
  isTwoFactorErrorCode,
  maskEmail,
  maskPhoneNumber,
  parsePhoneNumber,
  transition,
} from './core';
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
