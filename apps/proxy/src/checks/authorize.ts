import { ProxyError } from '../errors/proxy-error.ts';
import type { Check } from '../pipeline/route.ts';

/**
 * Who may act on `user_id`: the session's own user, compared exactly (so a non-admin cannot use an
 * `external_id`, an alias Stytch would resolve to someone), or any session holding `adminRole`.
 * Everything else is 403 `user_forbidden`, and nothing is sent to Stytch.
 *
 * @example
 * const checks = [pathParams, sessionCheck, perUserLimit, authorize('connected_apps_admin')];
 */
export function authorize(adminRole: string | undefined): Check {
  return function authorize(exchange) {
    const { session, params } = exchange;
    if (session === undefined) throw new ProxyError('session_required');
    if (session.user_id === params.user_id) return;
    if (adminRole !== undefined && session.roles.includes(adminRole)) return;
    throw new ProxyError('user_forbidden');
  };
}
