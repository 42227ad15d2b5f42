import { STYTCH_ROUTES, stytchPath } from '@connected-apps/core/wire';

/** Where the proxy serves its Stytch-shaped routes unless `PROXY_BASE_PATH` says otherwise. */
export const PROXY_BASE_PATH = '/api';

// Built with core's own path builder, so the ids are checked and percent-encoded exactly as every hop
// does it: a value the wire rule refuses (`..`, `a/b`, '') throws here. A test of a hostile path writes
// that path out literally and sends it with `rawRequest`.

/**
 * The wire path of a revoke at Stytch: what the emulator logs and what its faults match.
 *
 * @example
 * await control.injectFault({ method: 'POST', path: stytchRevokePath(user_id, app_id), status: 500 });
 */
export function stytchRevokePath(user_id: string, connected_app_id: string): string {
  return stytchPath(STYTCH_ROUTES.usersRevoke.template, { user_id, connected_app_id });
}

/** The wire path of a list at Stytch (`GET /v1/users/{user_id}/connected_apps`). */
export function stytchListPath(user_id: string): string {
  return stytchPath(STYTCH_ROUTES.usersConnectedApps.template, { user_id });
}

/**
 * The proxy's path of a revoke: Stytch's path under the proxy's base path.
 *
 * @example
 * await fetch(`${stack.url}${proxyRevokePath(alice, calendar)}`, { method: 'POST', headers: bearer(jwt) });
 */
export function proxyRevokePath(
  user_id: string,
  connected_app_id: string,
  basePath: string = PROXY_BASE_PATH,
): string {
  return `${basePath}${stytchRevokePath(user_id, connected_app_id)}`;
}

/** The proxy's path of a list: Stytch's path under the proxy's base path. */
export function proxyListPath(user_id: string, basePath: string = PROXY_BASE_PATH): string {
  return `${basePath}${stytchListPath(user_id)}`;
}
