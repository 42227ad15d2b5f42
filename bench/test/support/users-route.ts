import { STYTCH_ROUTES, templateParams } from '@connected-apps/core/wire';
import { PROXY_BASE_PATH } from '@connected-apps/testkit';

/** A call of one of the two users routes, its path parameters decoded. */
export interface UsersCall {
  route: 'usersRevoke' | 'usersConnectedApps';
  user_id: string;
  connected_app_id?: string;
}

// Each users route's template as an anchored pattern: one non-empty segment per path parameter.
const PATTERNS = (['usersRevoke', 'usersConnectedApps'] as const).map((route) => {
  const { template } = STYTCH_ROUTES[route];
  return {
    route,
    names: templateParams(template),
    regex: new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`),
  };
});

/**
 * Which users route a Stytch wire path calls, with its parameters percent-decoded; `undefined` for any
 * other path, or one whose parameters do not decode. The query string is ignored.
 *
 * @example
 * usersCall('/v1/users/user-test-1/connected_apps'); // { route: 'usersConnectedApps', user_id: 'user-test-1' }
 */
export function usersCall(wirePath: string): UsersCall | undefined {
  const path = wirePath.split('?')[0] ?? '';
  for (const { route, names, regex } of PATTERNS) {
    const match = regex.exec(path);
    if (!match) continue;
    try {
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      return {
        route,
        user_id: params.user_id!,
        ...(params.connected_app_id ? { connected_app_id: params.connected_app_id } : {}),
      };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The same for a request target at the proxy: origin-form (`/api/v1/…`) or absolute-form (`http://host/api/v1/…`), unresolved. */
export function proxyUsersCall(target: string): UsersCall | undefined {
  const path = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return path.startsWith(`${PROXY_BASE_PATH}/`) ? usersCall(path.slice(PROXY_BASE_PATH.length)) : undefined;
}

/** One string per call, equal for equal calls: for comparing what was forwarded with what reached Stytch. */
export function callKey(call: UsersCall): string {
  return JSON.stringify([call.route, call.user_id, call.connected_app_id ?? null]);
}
