import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context';
import { ApiError } from '../errors';
import { recordSecurityEvent } from '../security/events';
import { maskPhoneNumber } from '../security/masking';
import { deleteReplay, revokeRecoveryCodes } from '../security/recovery-codes';
import { cancelPendingChanges } from '../store/pending-changes';
import { cancelInBackground } from '../providers/provider';
import { findActivePhone, retireActivePhone } from '../store/phone-factors';
import { narrowStepUp } from '../security/step-up';
import { requireStepUp } from './middleware';
import { TwoFactorStatus, commonErrors, errorResponse, stepUpRequired } from './schemas';

/** `GET /status` and `DELETE /two-factor`: the account's 2FA as a whole. */
export function registerTwoFactorRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const { db, clock } = deps;
  const middleware = requireStepUp(deps);
  // The status stays readable after a disable (the UI reloads it), not after a swap: the next change
  // then starts at the email gate.
  const statusOnly = requireStepUp(deps, 'status');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/status',
      operationId: 'getTwoFactorStatus',
      summary: 'The current 2FA phone (masked) and whether 2FA may be disabled. 403 without a fresh step-up.',
      middleware: statusOnly,
      responses: {
        200: { description: 'The status.', content: { 'application/json': { schema: TwoFactorStatus } } },
        ...stepUpRequired,
        ...commonErrors,
      },
    }),
    async (c) => {
      const user = c.get('user');
      const active = await findActivePhone(db, user.id);
      return c.json({ phone: active && { maskedNumber: maskPhoneNumber(active.phoneNumber) }, canDisable: user.canDisable === true }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/two-factor',
      operationId: 'disableTwoFactor',
      summary: 'Turn 2FA off (only where `canDisable` is true; refused with 409 `unknown` otherwise).',
      middleware,
      responses: {
        204: { description: '2FA is off.' },
        ...stepUpRequired,
        409: errorResponse('2FA is mandatory on this account (`unknown`).'),
        ...commonErrors,
      },
    }),
    async (c) => {
      const user = c.get('user');
      if (user.canDisable !== true) throw new ApiError('unknown', { status: 409, message: '2FA is mandatory on this account' });
      const now = clock();
      const cancelled = await db.transaction(async (tx) => {
        const retired = await retireActivePhone(tx, user.id, now);
        await revokeRecoveryCodes(tx, user.id, now);
        const cancelledChanges = await cancelPendingChanges(tx, user.id);
        await deleteReplay(tx, user.id);
        await recordSecurityEvent(tx, {
          userId: user.id,
          type: 'two_factor_disabled',
          maskedNumber: retired === null ? null : maskPhoneNumber(retired),
          ipAddress: c.get('clientIp'),
          at: now,
        });
        await narrowStepUp(tx, user.id, c.get('sessionKey'), 'status');
        return cancelledChanges;
      });
      // The pending verifications go at the provider too (in the background, best effort).
      cancelInBackground(deps.provider, cancelled);
      await Promise.resolve(deps.sendEmail({ kind: 'two-factor-disabled', to: user.email, userId: user.id })).catch(() => undefined);
      return c.body(null, 204);
    },
  );
}
