import { proxyRevokePath } from '../paths/paths.ts';
import { bearer } from './credentials.ts';

/**
 * The revoke a client sends: `POST {baseUrl}/api/v1/users/{user_id}/connected_apps/{id}/revoke` with
 * the bearer session `jwt` and `{}` as JSON. The path's user may be another than the JWT's (a 403 test).
 *
 * @example
 * const response = await postRevoke(stack.url, alice.user_id, calendar, alice.jwt);
 */
export function postRevoke(
  baseUrl: string,
  user_id: string,
  connected_app_id: string,
  jwt: string,
): Promise<Response> {
  return fetch(`${baseUrl}${proxyRevokePath(user_id, connected_app_id)}`, {
    method: 'POST',
    headers: { ...bearer(jwt), 'content-type': 'application/json' },
    body: '{}',
  });
}
