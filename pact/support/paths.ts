import type { MatchersV3 } from '@pact-foundation/pact';
import { matching, SEGMENT } from './matchers.ts';

// The contract spells its paths out instead of taking them from core's STYTCH_ROUTES, on purpose: a
// pact derived from the code under test would follow a changed path silently, and the consumer tests
// could no longer catch it (see README, "Core changes its Stytch revoke path").

/**
 * `POST {base}/v1/users/{user_id}/connected_apps/{connected_app_id}/revoke`, ids matched as path segments.
 * `base` is `''` at Stytch and the proxy's `/api` in front of the proxy.
 */
export function revokePath(user_id: string, connected_app_id: string, base = ''): MatchersV3.V3RegexMatcher {
  return matching(
    `^${base}/v1/users/${SEGMENT}/connected_apps/${SEGMENT}/revoke$`,
    `${base}/v1/users/${user_id}/connected_apps/${connected_app_id}/revoke`,
  );
}

/** `GET {base}/v1/users/{user_id}/connected_apps`. */
export function listPath(user_id: string, base = ''): MatchersV3.V3RegexMatcher {
  return matching(
    `^${base}/v1/users/${SEGMENT}/connected_apps$`,
    `${base}/v1/users/${user_id}/connected_apps`,
  );
}

/** `POST {base}/v1/users/{user_id}/connected_apps/revoke_all`: the proxy's own route (Stytch has none). */
export function revokeAllPath(user_id: string, base = ''): MatchersV3.V3RegexMatcher {
  return matching(
    `^${base}/v1/users/${SEGMENT}/connected_apps/revoke_all$`,
    `${base}/v1/users/${user_id}/connected_apps/revoke_all`,
  );
}
