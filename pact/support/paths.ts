import type { MatchersV3 } from '@pact-foundation/pact';
import { matching, SEGMENT } from './matchers.ts';

// The contract spells its paths out instead of taking them from core's STYTCH_ROUTES, on purpose: a
// pact derived from the code under test would follow a changed path silently, and the consumer tests
// could no longer catch it (see README, "Core changes its Stytch revoke path").

/**
 * The matcher of one path, spelled out once as a template: each `{name}` is any one path segment in
 * the pattern and `values[name]` in the example. `base` is `''` at Stytch and the proxy's `/api` in
 * front of the proxy.
 */
function pathMatcher(template: string, values: Record<string, string>, base = ''): MatchersV3.V3RegexMatcher {
  const pattern = template.replace(/\{[a-z_]+\}/g, SEGMENT);
  const example = template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${template}`);
    return value;
  });
  return matching(`^${base}${pattern}$`, `${base}${example}`);
}

/** `POST {base}/v1/users/{user_id}/connected_apps/{connected_app_id}/revoke`. */
export function revokePath(user_id: string, connected_app_id: string, base = ''): MatchersV3.V3RegexMatcher {
  return pathMatcher(
    '/v1/users/{user_id}/connected_apps/{connected_app_id}/revoke',
    { user_id, connected_app_id },
    base,
  );
}

/** `GET {base}/v1/users/{user_id}/connected_apps`. */
export function listPath(user_id: string, base = ''): MatchersV3.V3RegexMatcher {
  return pathMatcher('/v1/users/{user_id}/connected_apps', { user_id }, base);
}

/** `POST {base}/v1/users/{user_id}/connected_apps/revoke_all`: the proxy's own route (Stytch has none). */
export function revokeAllPath(user_id: string, base = ''): MatchersV3.V3RegexMatcher {
  return pathMatcher('/v1/users/{user_id}/connected_apps/revoke_all', { user_id }, base);
}

/** `GET {base}/v1/users/{user_id}/connected_apps/revocations`: the proxy's own revocation history (Stytch has none). */
export function revocationsPath(user_id: string, base = ''): MatchersV3.V3RegexMatcher {
  return pathMatcher('/v1/users/{user_id}/connected_apps/revocations', { user_id }, base);
}

/** `GET /v1/sessions/jwks/{project_id}` (Stytch only). */
export function jwksPath(project_id: string): MatchersV3.V3RegexMatcher {
  return pathMatcher('/v1/sessions/jwks/{project_id}', { project_id });
}

// B2B: Stytch's paths for an organization's members (and the proxy's, the same under its base path).
// `organization_id` may be the id, the slug or the external id; `member_id` the id or the external id.
const ORGANIZATION = '/v1/b2b/organizations/{organization_id}';

/** `GET {base}/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps`. */
export function memberAppsPath(
  organization_id: string,
  member_id: string,
  base = '',
): MatchersV3.V3RegexMatcher {
  return pathMatcher(
    `${ORGANIZATION}/members/{member_id}/connected_apps`,
    { organization_id, member_id },
    base,
  );
}

/** `GET {base}/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps/revocations` (proxy only). */
export function memberRevocationsPath(
  organization_id: string,
  member_id: string,
  base = '',
): MatchersV3.V3RegexMatcher {
  return pathMatcher(
    `${ORGANIZATION}/members/{member_id}/connected_apps/revocations`,
    { organization_id, member_id },
    base,
  );
}

/** `POST {base}/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps/{connected_app_id}/revoke`. */
export function memberRevokePath(
  organization_id: string,
  member_id: string,
  connected_app_id: string,
  base = '',
): MatchersV3.V3RegexMatcher {
  return pathMatcher(
    `${ORGANIZATION}/members/{member_id}/connected_apps/{connected_app_id}/revoke`,
    { organization_id, member_id, connected_app_id },
    base,
  );
}

/** `GET {base}/v1/b2b/organizations/{organization_id}/connected_apps`: the organization's apps (admin view). */
export function organizationAppsPath(organization_id: string, base = ''): MatchersV3.V3RegexMatcher {
  return pathMatcher(`${ORGANIZATION}/connected_apps`, { organization_id }, base);
}

/** `GET {base}/v1/b2b/organizations/{organization_id}/connected_apps/{connected_app_id}`: one app, who granted it. */
export function organizationAppPath(
  organization_id: string,
  connected_app_id: string,
  base = '',
): MatchersV3.V3RegexMatcher {
  return pathMatcher(
    `${ORGANIZATION}/connected_apps/{connected_app_id}`,
    { organization_id, connected_app_id },
    base,
  );
}

/** `GET /v1/b2b/organizations/{organization_id}` (Stytch only: `organizations.get`). */
export function organizationPath(organization_id: string): MatchersV3.V3RegexMatcher {
  return pathMatcher(ORGANIZATION, { organization_id });
}

/** `GET /v1/b2b/organizations/{organization_id}/member` (Stytch only: `organizations.members.get`, `?member_id=`). */
export function memberLookupPath(organization_id: string): MatchersV3.V3RegexMatcher {
  return pathMatcher(`${ORGANIZATION}/member`, { organization_id });
}

/** `GET /v1/b2b/sessions/jwks/{project_id}` (Stytch only). */
export function b2bJwksPath(project_id: string): MatchersV3.V3RegexMatcher {
  return pathMatcher('/v1/b2b/sessions/jwks/{project_id}', { project_id });
}

/** `POST /v1/b2b/sessions/authenticate` (Stytch only). */
export const B2B_SESSIONS_AUTHENTICATE_PATH = '/v1/b2b/sessions/authenticate';

/** `GET /v1/b2b/rbac/policy` (Stytch only). */
export const RBAC_POLICY_PATH = '/v1/b2b/rbac/policy';
