export type {
  AdapterMethod,
  AdapterRequest,
  PhoneCodeChannel,
  SendEmailCodeResult,
  SendPhoneCodeRequest,
  SendPhoneCodeResult,
  TwoFactorAdapter,
  TwoFactorStatus,
  VerifyEmailCodeRequest,
  VerifyPhoneCodeRequest,
  VerifyPhoneCodeResult,
} from './adapter';
export {
  TWO_FACTOR_ERROR_CODES,
  TwoFactorError,
  isAbortError,
  isTwoFactorError,
  isTwoFactorErrorCode,
  normalizeError,
} from './errors';
export type { TwoFactorErrorCode, TwoFactorErrorOptions } from './errors';
export { DEFAULT_CODE_LENGTH, initialWizardState, resolveCodeLength, transition } from './machine';
export type {
  PhoneChange,
  ResumeTarget,
  SectionEvent,
  SectionModel,
  SectionSelection,
  SectionStatus,
  StepUpGrant,
  WizardEvent,
  WizardState,
  WizardStep,
  WizardStepState,
} from './machine';
export { MASK_CHARACTER, maskEmail, maskPhoneNumber } from './mask';
export { sanitizeCode } from './code';
export { formatPhoneForDisplay, normalizePhoneInput, parsePhoneNumber } from './phone';
export type { CountryCode, PhoneParseFailure, PhoneParseResult } from './phone';
export { deadlineFromNow, secondsRemaining } from './time';
