import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import { ApiError } from '../errors';
import { hasFreshStepUp } from '../security/step-up';

/** 403 `reverification_required` unless the user verified an email code within the step-up window. */
export function requireStepUp(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(await hasFreshStepUp(deps.db, c.get('user').id, deps.clock()))) {
      throw new ApiError('reverification_required', { message: 'step-up missing or expired' });
    }
    await next();
  };
}
