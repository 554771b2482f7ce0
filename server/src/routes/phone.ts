import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { addSeconds, secondsUntil } from '../clock';
import type { AppDeps, AppEnv } from '../context';
import { ApiError } from '../errors';
import { ProviderError, cancelInBackground } from '../providers/provider';
import type { PhoneChannel } from '../providers/provider';
import { generateRecoveryCode, hashCode, newId } from '../security/crypto';
import { recordSecurityEvent } from '../security/events';
import { isValidPhoneNumber, maskPhoneNumber } from '../security/masking';
import { hitRateLimit, perIpLimit, releaseCooldown, reserveCooldown } from '../security/rate-limit';
import { deleteReplay, findReplay, hashRecoveryCode, replaceRecoveryCodes, revokeRecoveryCodes, storeReplay } from '../security/recovery-codes';
import {
  cancelPendingChanges,
  findPendingChange,
  lastSendAt,
  pendingChangeStatus,
  refundAttempt,
  replacePendingChange,
  reserveAttempt,
  settlePendingChange,
} from '../store/pending-changes';
import { addActivePhone, findActivePhone, retireActivePhone } from '../store/phone-factors';
import { hasFreshStepUp, narrowStepUp } from '../security/step-up';
import { requireStepUp } from './middleware';
import {
  AcknowledgeRequest,
  SendPhoneCodeRequest,
  SendPhoneCodeResult,
  VerifyPhoneCodeRequest,
  VerifyPhoneCodeResult,
  commonErrors,
  errorResponse,
  postErrors,
  stepUpRequired,
} from './schemas';

const DEFAULT_CODE_LENGTH = 6;

function routes(deps: AppDeps) {
  const middleware = requireStepUp(deps);
  // Repeating the verify whose answer was lost, and acknowledging, stay open after the swap.
  const finishing = requireStepUp(deps, 'finish');
  return {
    resetPhone: createRoute({
      method: 'delete',
      path: '/phone',
      operationId: 'resetPhone',
      summary:
        'Remove the current 2FA phone now (idempotent), with any pending change. Only for `resetTiming="immediate"`: the default flow swaps on verify. Refused where 2FA is mandatory unless the server allows an immediate reset.',
      middleware,
      responses: {
        204: { description: 'Removed, or there was none.' },
        ...stepUpRequired,
        409: errorResponse('2FA is mandatory on this account and the server does not allow an immediate reset (`unknown`).'),
        ...commonErrors,
      },
    }),
    sendPhoneCode: createRoute({
      method: 'post',
      path: '/phone/code',
      operationId: 'sendPhoneCode',
      summary: 'Send a code to the new number by SMS or voice call; replaces any pending change. The account is not changed yet.',
      middleware,
      request: { body: { required: true, content: { 'application/json': { schema: SendPhoneCodeRequest } } } },
      responses: {
        200: { description: 'Code sent.', content: { 'application/json': { schema: SendPhoneCodeResult } } },
        400: errorResponse('The number was refused (`invalid_phone_number` or `unsupported_phone_number`).'),
        ...stepUpRequired,
        429: errorResponse('Resend cooldown or a per-user, per-number or per-IP send limit (`rate_limited`), with `Retry-After`.', true),
        503: errorResponse('The SMS/voice provider could not be reached (`network`).'),
        ...postErrors,
      },
    }),
    verifyPhoneCode: createRoute({
      method: 'post',
      path: '/phone/verify',
      operationId: 'verifyPhoneCode',
      summary:
        'Confirm the new number: in one transaction it becomes the 2FA phone (replacing the current one when `replacesCurrent`), old recovery codes are revoked and a new one is issued. Repeating the same verify answers the same recovery code until acknowledged or 15 minutes.',
      middleware: finishing,
      request: { body: { required: true, content: { 'application/json': { schema: VerifyPhoneCodeRequest } } } },
      responses: {
        200: {
          description: 'Verified. The recovery code is shown to the user once (`Cache-Control: no-store`).',
          content: { 'application/json': { schema: VerifyPhoneCodeResult } },
        },
        ...stepUpRequired,
        409: errorResponse(
          'No pending code for this number, or it was superseded (`expired_code`); or the account has a phone and `replacesCurrent` is false (`unknown`).',
        ),
        410: errorResponse('The code expired (`expired_code`).'),
        422: errorResponse('Wrong code (`invalid_code`, with `attemptsRemaining`).'),
        423: errorResponse('Too many wrong codes (`too_many_attempts`): the pending change is burnt.'),
        ...postErrors,
      },
    }),
    acknowledgeRecoveryCode: createRoute({
      method: 'post',
      path: '/phone/recovery-code/acknowledge',
      operationId: 'acknowledgeRecoveryCode',
      summary: 'The user saved the recovery code: the server forgets its copy for repeated verifies.',
      middleware: finishing,
      request: { body: { required: true, content: { 'application/json': { schema: AcknowledgeRequest } } } },
      responses: { 204: { description: 'Forgotten (also when there was nothing to forget).' }, ...stepUpRequired, ...postErrors },
    }),
  };
}

/** The phone routes: everything here needs a fresh step-up grant. */
export function registerPhoneRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db, clock, limits, provider, secret } = deps;
  const route = routes(deps);

  /** A provider refusal as an API error (its message is already free of numbers and codes). */
  function fromProvider(error: unknown): never {
    if (error instanceof ProviderError) {
      throw new ApiError(error.code, { message: `provider: ${error.message}`, retryAfterSeconds: error.retryAfterSeconds });
    }
    throw error;
  }

  app.openapi(route.resetPhone, async (c) => {
    const user = c.get('user');
    // Removing the only phone of an account where 2FA is mandatory leaves it without a second
    // factor: the same decision as DELETE /two-factor, unless the host opted in to delete-first.
    if (user.canDisable !== true && !deps.allowImmediateReset) {
      throw new ApiError('unknown', { status: 409, message: '2FA is mandatory on this account' });
    }
    const now = clock();
    const { removed, cancelled } = await db.transaction(async (tx) => {
      const cancelledChanges = await cancelPendingChanges(tx, user.id);
      await deleteReplay(tx, user.id);
      const retired = await retireActivePhone(tx, user.id, now);
      if (retired === null) return { removed: null, cancelled: cancelledChanges };
      await revokeRecoveryCodes(tx, user.id, now);
      await recordSecurityEvent(tx, { userId: user.id, type: 'factor_reset', maskedNumber: maskPhoneNumber(retired), ipAddress: c.get('clientIp'), at: now });
      return { removed: retired, cancelled: cancelledChanges };
    });
    cancelInBackground(provider, cancelled);
    if (removed !== null) await Promise.resolve(deps.sendEmail({ kind: 'phone-removed', to: user.email, userId: user.id })).catch(() => undefined);
    return c.body(null, 204);
  });

  app.openapi(route.sendPhoneCode, async (c) => {
    const user = c.get('user');
    const { phoneNumber, channel } = c.req.valid('json');
    const now = clock();
    if (!isValidPhoneNumber(phoneNumber)) throw new ApiError('invalid_phone_number', { message: 'not a valid E.164 number' });

    const last = await lastSendAt(db, user.id, phoneNumber, channel);
    if (last && now.getTime() < last.getTime() + limits.resendCooldownSeconds * 1000) {
      const retryAfterSeconds = secondsUntil(addSeconds(last, limits.resendCooldownSeconds), now);
      throw new ApiError('rate_limited', { message: 'resend cooldown', retryAfterSeconds });
    }
    // The cooldown is taken before the provider is called, atomically: of parallel sends (a double
    // click, two tabs, a retrying client) exactly one goes on, the others are refused here.
    const cooldownKey = `cooldown:phone:${user.id}:${hashCode(secret, 'rate', phoneNumber)}:${channel}`;
    const reservation = await reserveCooldown(db, cooldownKey, limits.resendCooldownSeconds, now);
    if (!reservation.reserved) {
      throw new ApiError('rate_limited', { message: 'resend cooldown', retryAfterSeconds: reservation.retryAfterSeconds });
    }
    /** The send did not happen: the cooldown goes back, so the user can retry at once. */
    const release = () => releaseCooldown(db, cooldownKey, reservation.sentAt).catch(() => undefined);

    // Keys hold a keyed hash of the number and the IP, not the values themselves.
    for (const [key, limit] of [
      [`send:user:${user.id}`, limits.sendsPerUser],
      [`send:number:${hashCode(secret, 'rate', phoneNumber)}`, limits.sendsPerNumber],
      ...perIpLimit(secret, c.get('clientIp'), limits.sendsPerIp),
    ] as const) {
      const decision = await hitRateLimit(db, key, limit, now).catch(async (error: unknown) => {
        await release();
        throw error;
      });
      if (!decision.allowed) {
        await release();
        throw new ApiError('rate_limited', { message: 'send limit', retryAfterSeconds: decision.retryAfterSeconds });
      }
    }

    // A new change starts: the previous success's replay copy is no longer wanted.
    await deleteReplay(db, user.id);
    // The one provider call this request waits for. A refused or failed send leaves the pending
    // change as it was (as a refusal by the limits above does) and gives the cooldown back.
    const started = await provider.start({ to: phoneNumber, channel: channel as PhoneChannel }).catch(async (error: unknown) => {
      await release();
      return fromProvider(error);
    });
    // One pending change per user, even when sends race: the ones it replaces (a parallel send's
    // included) are cancelled here, and their verifications at the provider.
    const superseded = await replacePendingChange(db, {
      id: newId(),
      userId: user.id,
      phoneNumber,
      channel,
      providerRef: started.ref,
      status: 'pending',
      createdAt: now,
      expiresAt: addSeconds(now, deps.phoneCodeTtlSeconds),
    }).catch(async (error: unknown) => {
      // Not stored: its verification must not stay live at the provider either, and the user may retry.
      cancelInBackground(provider, [{ providerRef: started.ref, phoneNumber }]);
      await release();
      throw error;
    });
    cancelInBackground(provider, superseded);
    return c.json({ resendAfterSeconds: limits.resendCooldownSeconds, codeLength: started.codeLength ?? DEFAULT_CODE_LENGTH }, 200);
  });

  app.openapi(route.verifyPhoneCode, async (c) => {
    const user = c.get('user');
    const { phoneNumber, code, replacesCurrent } = c.req.valid('json');
    const now = clock();
    const replay = () => findReplay(db, secret, { userId: user.id, phoneNumber, code, now });

    // A repeat of the verify that succeeded (its answer was lost on the way): the same code again.
    const replayed = await replay();
    if (replayed !== null) return c.json({ recoveryCode: replayed }, 200);
    // Anything else is a new verify: it needs a full grant (not the one left after a swap).
    if (!(await hasFreshStepUp(db, user.id, c.get('sessionKey'), now, 'full'))) {
      // A concurrent verify of the same change may have just swapped (and narrowed the grant).
      const won = await replay();
      if (won !== null) return c.json({ recoveryCode: won }, 200);
      throw new ApiError('reverification_required', { message: 'step-up missing or expired' });
    }

    const pending = await findPendingChange(db, user.id);
    if (!pending || pending.phoneNumber !== phoneNumber) {
      throw new ApiError('expired_code', { status: 409, message: 'no pending code for this number' });
    }
    if (pending.expiresAt.getTime() <= now.getTime()) {
      if (await settlePendingChange(db, pending.id, 'cancelled')) cancelInBackground(provider, [pending]);
      throw new ApiError('expired_code', { message: 'code expired' });
    }
    const refuseSilentReplace = () =>
      new ApiError('unknown', { status: 409, message: 'the account has a phone: verify with replacesCurrent to replace it' });
    if (!replacesCurrent && (await findActivePhone(db, user.id)) !== null) throw refuseSilentReplace();

    const lockOut = async () => {
      if (await settlePendingChange(db, pending.id, 'locked')) {
        cancelInBackground(provider, [pending]);
        await recordSecurityEvent(db, { userId: user.id, type: 'lockout', maskedNumber: maskPhoneNumber(phoneNumber), ipAddress: c.get('clientIp'), at: now });
      }
      return new ApiError('too_many_attempts', { message: 'pending change burnt after too many wrong codes' });
    };

    // The attempt is taken before the provider sees the code, so the limit holds under parallel
    // guesses whatever the provider's own limit (a custom provider may have none).
    const attempt = await reserveAttempt(db, pending.id, limits.maxAttempts);
    if (attempt === null) {
      const won = await replay();
      if (won !== null) return c.json({ recoveryCode: won }, 200);
      // Burnt: as the attempt that burnt it. Verified, cancelled, or its last attempts still being
      // checked by other requests: this code is not checked (as for a lost race, 409).
      if ((await pendingChangeStatus(db, pending.id)) === 'locked') {
        throw new ApiError('too_many_attempts', { message: 'pending change burnt after too many wrong codes' });
      }
      throw new ApiError('expired_code', { status: 409, message: 'the change is no longer pending' });
    }

    let check;
    try {
      check = await provider.check({ ref: pending.providerRef, to: phoneNumber, code });
    } catch (error) {
      if (error instanceof ProviderError && error.code === 'expired_code') {
        // A concurrent verify of the same change may have won: answer as it did.
        const won = await replay();
        if (won !== null) return c.json({ recoveryCode: won }, 200);
        throw new ApiError('expired_code', { status: 409, message: 'the verification is gone' });
      }
      if (error instanceof ProviderError && error.code === 'too_many_attempts') throw await lockOut();
      if (error instanceof ProviderError && error.code === 'invalid_code') {
        // The provider refused the code's form (e.g. not its length): a wrong code, counted.
        check = { status: 'wrong_code' as const };
      } else {
        // The code was not checked (provider down, …): the attempt does not count.
        await refundAttempt(db, pending.id);
        return fromProvider(error);
      }
    }

    if (check.status === 'wrong_code') {
      const attemptsRemaining = Math.max(0, limits.maxAttempts - attempt);
      if (attemptsRemaining === 0) throw await lockOut();
      throw new ApiError('invalid_code', { attemptsRemaining });
    }

    // The code is right. Hash the new recovery code (scrypt, slow) before taking the transaction.
    const recoveryCode = generateRecoveryCode();
    const recoveryHash = await hashRecoveryCode(recoveryCode);
    const maskedNumber = maskPhoneNumber(phoneNumber);
    const outcome = await db.transaction(async (tx) => {
      // Only one concurrent verify moves the change out of `pending`; the others find nothing to do.
      if (!(await settlePendingChange(tx, pending.id, 'verified'))) return 'lost' as const;
      const retired = await retireActivePhone(tx, user.id, now);
      if (retired !== null && !replacesCurrent) throw refuseSilentReplace();
      await addActivePhone(tx, user.id, phoneNumber, now);
      await replaceRecoveryCodes(tx, user.id, recoveryHash, now);
      await storeReplay(tx, secret, { userId: user.id, phoneNumber, code, recoveryCode, now });
      // The change is done: a further one needs a new email code, and no other session keeps a grant.
      await narrowStepUp(tx, user.id, c.get('sessionKey'), 'finish');
      await recordSecurityEvent(tx, {
        userId: user.id,
        type: retired === null ? 'factor_added' : 'factor_changed',
        maskedNumber,
        ipAddress: c.get('clientIp'),
        at: now,
      });
      return 'swapped' as const;
    });
    if (outcome === 'lost') {
      const won = await replay();
      if (won !== null) return c.json({ recoveryCode: won }, 200);
      throw new ApiError('expired_code', { status: 409, message: 'the change is no longer pending' });
    }
    await Promise.resolve(deps.sendEmail({ kind: 'phone-changed', to: user.email, userId: user.id, maskedNumber })).catch(() => undefined);
    return c.json({ recoveryCode }, 200);
  });

  app.openapi(route.acknowledgeRecoveryCode, async (c) => {
    await deleteReplay(db, c.get('user').id);
    return c.body(null, 204);
  });
}
