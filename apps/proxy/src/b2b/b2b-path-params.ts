import { pathParamProblem } from '@connected-apps/core/wire';
import type { ProxyErrorType } from '../errors/error-catalog.ts';
import { ProxyError } from '../errors/proxy-error.ts';
import type { Check } from '../pipeline/route.ts';

/** Each B2B path parameter, in path order, and the error its breach answers. */
const PARAMS: readonly (readonly [name: string, error: ProxyErrorType])[] = [
  ['organization_id', 'invalid_organization_id'],
  ['member_id', 'invalid_member_id'],
  ['connected_app_id', 'invalid_connected_app_id'],
];

/**
 * The B2B routes' path-parameter check, the counterpart of `checks/path-params.ts`: `organization_id`,
 * and `member_id` / `connected_app_id` where the route has them, must pass core's one path-parameter
 * rule (`pathParamProblem`), or the request ends with 400 `invalid_organization_id` /
 * `invalid_member_id` / `invalid_connected_app_id` before any other work. What the rule found wrong
 * goes to the log, not to the caller.
 *
 * @example
 * const checks = [perAddress, allowMethods(['GET', 'HEAD']), b2bPathParams, …];
 */
export const b2bPathParams: Check = function b2bPathParams({ params }) {
  for (const [name, error] of PARAMS) {
    if (!(name in params)) continue;
    const problem = pathParamProblem(params[name]);
    if (problem !== undefined) throw new ProxyError(error, { cause: `${name} ${problem}` });
  }
};
