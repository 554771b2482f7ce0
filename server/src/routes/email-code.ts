import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { addSeconds, secondsUntil } from '../clock';
import type { AppDeps, AppEnv } from '../context';
import { ApiError } from '../errors';
import { randomDigits } from '../security/crypto';
import { checkEmailCode, createEmailCode, lastEmailCodeSentAt } from '../security/email-codes';
import { recordSecurityEvent } from '../security/events';
import { maskEmail } from '../security/masking';
import { hitRateLimit, perIpLimit, pruneRateCounters } from '../security/rate-limit';
import { pruneExpiredReplays } from '../security/recovery-codes';
import { grantStepUp } from '../security/step-up';
import { SendEmailCodeRequest, SendEmailCodeResult, VerifyEmailCodeRequest, errorResponse, postErrors } from './schemas';

const EMAIL_CODE_LENGTH = 6;

const sendEmailCode = createRoute({
  method: 'post',
  path: '/email-code',
  operationId: 'sendEmailCode',
  summary: 'Email a step-up code to the signed-in user.',
  request: { body: { required: true, content: { 'application/json': { schema: SendEmailCodeRequest } } } },
  responses: {
    200: { description: 'Code sent.', content: { 'application/json': { schema: SendEmailCodeResult } } },
    429: errorResponse('Too many emails (`rate_limited`), with `Retry-After`.', true),
    ...postErrors,
  },
});

const verifyEmailCode = createRoute({
  method: 'post',
  path: '/email-code/verify',
  operationId: 'verifyEmailCode',
  summary: 'Check the emailed code and open the step-up window (10 minutes by default).',
  request: { body: { required: true, content: { 'application/json': { schema: VerifyEmailCodeRequest } } } },
  responses: {
    204: { description: 'The code is right; the routes after the email gate answer until the window closes.' },
    409: errorResponse('No pending code (`expired_code`): send a new one.'),
    410: errorResponse('The code expired (`expired_code`).'),
    422: errorResponse('Wrong code (`invalid_code`, with `attemptsRemaining`).'),
    423: errorResponse('Too many wrong codes (`too_many_attempts`): the code is burnt.'),
    ...postErrors,
  },
});

/** The email step-up: the only routes open without a fresh grant. */
export function registerEmailCodeRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db, clock, limits } = deps;
  const settings = { secret: deps.secret, ttlSeconds: deps.emailCodeTtlSeconds, maxAttempts: limits.maxAttempts };

  app.openapi(sendEmailCode, async (c) => {
    const user = c.get('user');
    const now = clock();
    const last = await lastEmailCodeSentAt(db, user.id);
    if (last && now.getTime() < last.getTime() + limits.emailCooldownSeconds * 1000) {
      const retryAfterSeconds = secondsUntil(addSeconds(last, limits.emailCooldownSeconds), now);
      throw new ApiError('rate_limited', { message: 'resend cooldown', retryAfterSeconds });
    }
    for (const [key, limit] of [
      [`email:user:${user.id}`, limits.emailsPerUser],
      ...perIpLimit(deps.secret, c.get('clientIp'), limits.sendsPerIp),
    ] as const) {
      const decision = await hitRateLimit(db, key, limit, now);
      if (!decision.allowed) throw new ApiError('rate_limited', { message: 'send limit', retryAfterSeconds: decision.retryAfterSeconds });
    }
    // Housekeeping at the start of each step-up: old counters and expired replay copies go.
    await pruneRateCounters(db, now);
    await pruneExpiredReplays(db, now);
    const code = randomDigits(EMAIL_CODE_LENGTH);
    await createEmailCode(db, settings, user.id, c.get('sessionKey'), code, now);
    await deps.sendEmail({
      kind: 'step-up-code',
      to: user.email,
      userId: user.id,
      code,
      expiresInMinutes: Math.round(deps.emailCodeTtlSeconds / 60),
    });
    return c.json(
      { maskedEmail: maskEmail(user.email), resendAfterSeconds: limits.emailCooldownSeconds, codeLength: EMAIL_CODE_LENGTH },
      200,
    );
  });

  app.openapi(verifyEmailCode, async (c) => {
    const user = c.get('user');
    const { code } = c.req.valid('json');
    const now = clock();
    const check = await checkEmailCode(db, settings, user.id, c.get('sessionKey'), code, now);
    switch (check.outcome) {
      case 'approved':
        await grantStepUp(db, user.id, c.get('sessionKey'), now, deps.stepUpTtlSeconds);
        return c.body(null, 204);
      case 'none':
        throw new ApiError('expired_code', { status: 409, message: 'no pending email code' });
      case 'expired':
        throw new ApiError('expired_code', { message: 'email code expired' });
      case 'wrong':
        throw new ApiError('invalid_code', { attemptsRemaining: check.attemptsRemaining });
      case 'locked':
        if (check.burnt) await recordSecurityEvent(db, { userId: user.id, type: 'lockout', ipAddress: c.get('clientIp'), at: now });
        throw new ApiError('too_many_attempts', { message: 'email code burnt after too many wrong codes' });
      default: {
        const unreachable: never = check;
        return unreachable;
      }
    }
  });
}
