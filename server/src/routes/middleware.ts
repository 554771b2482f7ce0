import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import { ApiError } from '../errors';
import { hasFreshStepUp } from '../security/step-up';
import type { StepUpScope } from '../security/step-up';

/**
 * 403 `reverification_required` unless this session verified an email code within the step-up
 * window. `finish` routes (verify, acknowledge) also accept the grant a session keeps after its swap,
 * the `status` route the one it keeps after a disable.
 */
export function requireStepUp(deps: AppDeps, scope: StepUpScope = 'full'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(await hasFreshStepUp(deps.db, c.get('user').id, c.get('sessionKey'), deps.clock(), scope))) {
      throw new ApiError('reverification_required', { message: 'step-up missing or expired' });
    }
    await next();
  };
}
