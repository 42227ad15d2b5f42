import { route } from './route.ts';

// Its own constant, so a bundle that never revokes everything leaves it out.
const usersRevokeAll = /* @__PURE__ */ route('POST', '/v1/users/{user_id}/connected_apps/revoke_all');
const usersRevocations = /* @__PURE__ */ route('GET', '/v1/users/{user_id}/connected_apps/revocations');
const b2bMembersRevocations = /* @__PURE__ */ route(
  'GET',
  '/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps/revocations',
);

/**
 * Routes only the connected-apps proxy serves, under its base path. **Stytch has no such calls**:
 * the proxy makes them of Stytch's own (`usersRevokeAll` lists the user's apps, then revokes each),
 * or answers them itself (`usersRevocations` and `b2bMembersRevocations`, a user's or a member's
 * history from the proxy's audit trail).
 * Kept apart from {@link STYTCH_ROUTES} so nothing ever sends them to Stytch.
 */
export const PROXY_ROUTES = { usersRevokeAll, usersRevocations, b2bMembersRevocations } as const;

/** The name of a route in {@link PROXY_ROUTES}. */
export type ProxyRouteName = keyof typeof PROXY_ROUTES;

/**
 * The HTTP status (and `status_code`) of a revoke-all answer in which at least one app failed:
 * 207 Multi-Status, because the body holds one outcome per app. All revoked, or nothing to revoke, is 200.
 */
export const REVOKE_ALL_PARTIAL_STATUS = 207;

export { b2bMembersRevocations, usersRevocations, usersRevokeAll };
