import { z } from '@hono/zod-openapi';
import { ERROR_CODES } from '../errors';

// Each schema is declared once here and named, so the generated document has components
// (docs/openapi.yaml is written from these).

export const E164 = z
  .string()
  .regex(/^\+[1-9][0-9]{6,14}$/)
  .openapi('E164', { example: '+14155550123' });

export const Code = z
  .string()
  .regex(/^[0-9]{1,64}$/)
  .openapi('Code', { description: 'The code the user typed, ASCII digits only.', example: '482913' });

const codeHints = {
  resendAfterSeconds: z.number().min(0).optional().openapi({ description: 'Seconds before a resend is accepted.' }),
  codeLength: z.number().int().min(1).max(64).optional().openapi({ description: 'Digits in the code.', default: 6 }),
};

export const SendEmailCodeRequest = z.object({}).strict().openapi('SendEmailCodeRequest');

export const SendEmailCodeResult = z
  .object({
    maskedEmail: z.string().min(1).openapi({ description: 'The account email, masked on the server.', example: 'j•••@example.com' }),
    ...codeHints,
  })
  .openapi('SendEmailCodeResult');

export const VerifyEmailCodeRequest = z.object({ code: Code }).strict().openapi('VerifyEmailCodeRequest');

export const TwoFactorStatus = z
  .object({
    phone: z
      .object({ maskedNumber: z.string().min(1).openapi({ example: '+1 ••• ••• 0123' }) })
      .nullable()
      .openapi({ description: 'The phone receiving 2FA codes, or null for none.' }),
    canDisable: z.boolean().openapi({ description: 'True only where 2FA may be turned off (free-trial accounts).' }),
  })
  .openapi('TwoFactorStatus');

export const SendPhoneCodeRequest = z
  .object({ phoneNumber: E164, channel: z.enum(['sms', 'call']) })
  .strict()
  .openapi('SendPhoneCodeRequest');

export const SendPhoneCodeResult = z.object(codeHints).openapi('SendPhoneCodeResult');

export const VerifyPhoneCodeRequest = z
  .object({
    phoneNumber: E164,
    code: Code,
    replacesCurrent: z.boolean().default(false).openapi({
      description:
        'True when the user confirmed Reset of the current, still-active phone: on success the new number replaces it in one step. False while the account has a phone is refused (409, `unknown`).',
    }),
  })
  .strict()
  .openapi('VerifyPhoneCodeRequest');

export const VerifyPhoneCodeResult = z
  .object({ recoveryCode: z.string().min(1).openapi({ example: 'ABCD-EFGH-JKMN-PQRS' }) })
  .openapi('VerifyPhoneCodeResult');

export const AcknowledgeRequest = z.object({}).strict().openapi('AcknowledgeRecoveryCodeRequest');

export const ErrorCode = z.enum(ERROR_CODES).openapi('ErrorCode');

export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string().optional().openapi({ description: 'For developers; never shown to users. Never holds a code, a number or an email.' }),
      retryAfterSeconds: z.number().min(0).optional(),
      attemptsRemaining: z.number().int().min(0).optional(),
    }),
  })
  .openapi('ErrorBody');

const errorContent = { 'application/json': { schema: ErrorBody } };

/** A documented error answer. */
export function errorResponse(description: string, withRetryAfter = false) {
  return {
    description,
    content: errorContent,
    ...(withRetryAfter
      ? {
          headers: z.object({
            'Retry-After': z.string().openapi({ description: 'Seconds until the action may be retried.', example: '30' }),
          }),
        }
      : {}),
  };
}

/** Answers every route may give besides its own. */
export const commonErrors = {
  401: errorResponse('Not signed in (the host’s `getUser` returned null).'),
  default: errorResponse('Any other failure, from the closed vocabulary (`unknown` for a server fault).'),
} as const;

/** Answers every POST route may give besides its own (they take JSON only). */
export const postErrors = {
  ...commonErrors,
  415: errorResponse('The request body is not `application/json` (CSRF defence).'),
} as const;

/** The answer of the routes after the email gate when the step-up is missing or expired. */
export const stepUpRequired = {
  403: errorResponse('The email step-up is missing or expired (`reverification_required`), or a cross-origin request was refused (`unknown`).'),
} as const;
