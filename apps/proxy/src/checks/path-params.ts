import { pathParamProblem } from '@connected-apps/core/wire';
import { ProxyError } from '../errors/proxy-error.ts';
import type { Check } from '../pipeline/route.ts';

/**
 * First check of every Stytch-shaped route: `user_id` and, where the route has it, `connected_app_id`
 * must pass core's one path-parameter rule (`pathParamProblem`), or the request ends with 400
 * `invalid_user_id` / `invalid_connected_app_id` before any other work. What the rule found wrong
 * goes to the log, not to the caller.
 *
 * @example
 * const checks = [pathParams, …];
 */
export const pathParams: Check = function pathParams({ params }) {
  let problem = pathParamProblem(params.user_id);
  if (problem !== undefined) throw new ProxyError('invalid_user_id', { cause: `user_id ${problem}` });
  if (!('connected_app_id' in params)) return;
  problem = pathParamProblem(params.connected_app_id);
  if (problem !== undefined) {
    throw new ProxyError('invalid_connected_app_id', { cause: `connected_app_id ${problem}` });
  }
};
