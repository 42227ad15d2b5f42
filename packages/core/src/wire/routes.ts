import { InvalidRequestError } from '../errors/invalid-request-error.ts';
import {
  b2bMembersConnectedApps,
  b2bMembersGet,
  b2bMembersRevoke,
  b2bOrganizationConnectedApp,
  b2bOrganizationConnectedApps,
  b2bOrganizationsGet,
  b2bRbacPolicy,
  b2bSessionsAuthenticate,
  b2bSessionsGetJWKS,
} from './b2b-routes.ts';
import { pathParamProblem } from './path-param.ts';
import { route } from './route.ts';

export { route, type StytchRoute } from './route.ts';

// One constant per route, so a browser bundle that sends only the `users` calls leaves the others out.
const usersRevoke = /* @__PURE__ */ route(
  'POST',
  '/v1/users/{user_id}/connected_apps/{connected_app_id}/revoke',
);
const usersConnectedApps = /* @__PURE__ */ route('GET', '/v1/users/{user_id}/connected_apps');
const sessionsAuthenticate = /* @__PURE__ */ route('POST', '/v1/sessions/authenticate');
const sessionsGetJWKS = /* @__PURE__ */ route('GET', '/v1/sessions/jwks/{project_id}');

/**
 * Every Stytch endpoint connected-apps speaks, keyed by the Stytch SDK's method name (the proxy's own
 * routes are `PROXY_ROUTES`), consumer and B2B (`b2b*`, from `b2b-routes.ts`). The proxy serves the
 * `users*` routes and the B2B members' and organizations' routes under its base path with the same
 * templates.
 */
export const STYTCH_ROUTES = {
  usersRevoke,
  usersConnectedApps,
  sessionsAuthenticate,
  sessionsGetJWKS,
  b2bOrganizationsGet,
  b2bMembersGet,
  b2bMembersConnectedApps,
  b2bMembersRevoke,
  b2bOrganizationConnectedApps,
  b2bOrganizationConnectedApp,
  b2bSessionsAuthenticate,
  b2bSessionsGetJWKS,
  b2bRbacPolicy,
} as const;

/** The name of a route in {@link STYTCH_ROUTES}. */
export type StytchRouteName = keyof typeof STYTCH_ROUTES;

export { sessionsAuthenticate, sessionsGetJWKS, usersConnectedApps, usersRevoke };

const PARAM = /\{(\w+)\}/g;

/** The path parameter names of a template, in order (`['user_id', 'connected_app_id']`). */
export function templateParams(template: string): string[] {
  return Array.from(template.matchAll(PARAM), (match) => match[1] as string);
}

/**
 * The wire path of a route: each `{name}` checked against the one path-parameter rule and
 * percent-encoded, so no value can change the path. Throws an `InvalidRequestError` naming the field.
 *
 * @example
 * stytchPath(STYTCH_ROUTES.usersRevoke.template, { user_id, connected_app_id });
 * // '/v1/users/user-test-…/connected_apps/connected-app-test-…/revoke'
 */
export function stytchPath(template: string, params: object, request_id = 'local-path'): string {
  const values = params as Record<string, unknown>;
  return template.replace(PARAM, (_, field: string) => {
    const value = values[field];
    const problem = pathParamProblem(value);
    if (problem !== undefined) {
      throw new InvalidRequestError({ request_id, field, error_message: `${field} ${problem}.` });
    }
    return encodeURIComponent(value as string);
  });
}

/**
 * A template in the `:name` syntax of Hono-style routers (`/v1/users/:user_id/connected_apps`), for
 * servers that serve these routes.
 */
export function routePattern(template: string): string {
  return template.replace(PARAM, ':$1');
}
