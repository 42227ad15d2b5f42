import { STYTCH_ROUTES } from '@connected-apps/core/wire';
import type { ControlClient } from '@connected-apps/stytch-emulator';

/**
 * How many Stytch API requests the emulator received for exactly this method and wire path.
 *
 * @example
 * expect(await countRequests(control, 'POST', stytchRevokePath(user_id, app_id))).toBe(1);
 */
export async function countRequests(control: ControlClient, method: string, path: string): Promise<number> {
  const { requests } = await control.getRequests();
  return requests.filter((request) => request.method === method && request.path === path).length;
}

/** The JWKS routes up to their project id: `/v1/sessions/jwks/` and `/v1/b2b/sessions/jwks/`. */
const JWKS_PREFIXES = [STYTCH_ROUTES.sessionsGetJWKS, STYTCH_ROUTES.b2bSessionsGetJWKS].map(
  (route) => route.template.split('{')[0] as string,
);

/**
 * The Stytch API requests the emulator received, as `METHOD /path`, JWKS fetches (consumer and B2B)
 * left out: what a
 * caller's request made "reach Stytch" (the proxy fetches the signing keys on its own schedule).
 *
 * @example
 * expect(await stytchRequests(control)).toEqual([`POST ${stytchRevokePath(alice, calendar)}`]);
 */
export async function stytchRequests(control: ControlClient): Promise<string[]> {
  const { requests } = await control.getRequests();
  return requests
    .filter((request) => !JWKS_PREFIXES.some((prefix) => request.path.startsWith(prefix)))
    .map((request) => `${request.method} ${request.path}`);
}

/**
 * Waits long enough for a request that should not exist to reach the emulator, before counting:
 * "exactly one" only means something once a duplicate would have had time to arrive.
 * A wait for an absence, never a timing assertion.
 */
export function quietPeriod(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
