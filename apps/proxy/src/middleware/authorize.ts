import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from '../app/proxy-env.ts';
import type { ErrorResponder } from '../errors/error-response.ts';

/**
 * Who may act on `user_id`: the session's own user, compared exactly (so a non-admin cannot use an
 * `external_id`, an alias Stytch would resolve to someone), or any session holding `adminRole`.
 * Everything else is 403 `user_forbidden`, and nothing is sent to Stytch.
 *
 * @example
 * app.post('/…/revoke', …, authorize('connected_apps_admin', respondError), forward);
 */
export function authorize(adminRole: string | undefined, respondError: ErrorResponder): MiddlewareHandler<ProxyEnv> {
  return async function authorize(c, next) {
    const session = c.get('session');
    if (session.user_id === c.req.param('user_id')) return next();
    if (adminRole !== undefined && session.roles.includes(adminRole)) return next();
    return respondError(c, 'user_forbidden');
  };
}
