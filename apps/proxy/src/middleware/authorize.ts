import type { Guard } from '../app/guard.ts';
import type { ErrorResponder } from '../errors/error-response.ts';

/**
 * Who may act on `user_id`: the session's own user, compared exactly (so a non-admin cannot use an
 * `external_id`, an alias Stytch would resolve to someone), or any session holding `adminRole`.
 * Everything else is 403 `user_forbidden`, and nothing is sent to Stytch.
 *
 * @example
 * guarded([…, authorize('connected_apps_admin', respondError)], forward.revoke);
 */
export function authorize(adminRole: string | undefined, respondError: ErrorResponder): Guard {
  return function authorize(c) {
    const session = c.get('session');
    if (session.user_id === c.req.param('user_id')) return undefined;
    if (adminRole !== undefined && session.roles.includes(adminRole)) return undefined;
    return respondError(c, 'user_forbidden');
  };
}
