export { createTwoFactorApp, createOpenApiDocument, openApiDocument, OPENAPI_INFO } from './app';
export type { TwoFactorAppOptions, TwoFactorUser, TwoFactorEmail, TwoFactorLimits, AppEnv } from './context';
export { DEFAULT_LIMITS } from './context';
export { openDatabase, migrationsFolder } from './db/connection';
export type { Database, OpenDatabaseOptions, OpenedDatabase } from './db/connection';
export { ApiError, ERROR_CODES } from './errors';
export type { ErrorCode } from './errors';
export type { Clock } from './clock';
export { systemClock } from './clock';
export { ProviderError } from './providers/provider';
export type {
  VerificationProvider,
  PhoneChannel,
  StartVerificationRequest,
  StartedVerification,
  CheckVerificationRequest,
  CheckVerificationResult,
} from './providers/provider';
export { createFakeProvider } from './providers/fake';
export type { FakeProviderOptions } from './providers/fake';
export { createTwilioVerifyProvider, mapTwilioError } from './providers/twilio-verify';
export type { TwilioCall, TwilioVerifyOptions, TwilioCredentials } from './providers/twilio-verify';
export { createDevInbox } from './providers/dev-inbox';
export type { DevInbox, DevInboxMessage } from './providers/dev-inbox';
export { consumeRecoveryCode } from './security/recovery-codes';
export { listSecurityEvents } from './security/events';
export type { SecurityEventType } from './security/events';
export { csrfProtection } from './security/csrf';
export type { CsrfOptions } from './security/csrf';
export type { RateLimit } from './security/rate-limit';
export { listen } from './node';
export type { ListeningServer } from './node';
