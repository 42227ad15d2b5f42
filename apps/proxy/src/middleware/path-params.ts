import type { Guard } from '../app/guard.ts';
import type { ErrorResponder } from '../errors/error-response.ts';
import { validPathParam } from './raw-path.ts';

/**
 * First step of every Stytch-shaped route: `user_id` and, where present, `connected_app_id` must be
 * safe path segments (see `validPathParam`), or the request ends with 400 before any other work.
 *
 * @example
 * guarded([pathParams(respondError), …], forward.list);
 */
export function pathParams(respondError: ErrorResponder): Guard {
  return function pathParams(c) {
    if (!validPathParam(c.req.param('user_id'))) return respondError(c, 'invalid_user_id');
    const appId = c.req.param('connected_app_id');
    if (appId !== undefined && !validPathParam(appId)) return respondError(c, 'invalid_connected_app_id');
    return undefined;
  };
}
