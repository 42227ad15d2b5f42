import { STYTCH_ROUTES, type StytchClient, type StytchRoute, stytchPath } from '@connected-apps/core';
import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import { ProxyError } from '../errors/proxy-error.ts';
import { upstreamFailureType } from '../upstream/upstream-failure.ts';

/** The session signing keys as the proxy uses them: a jose key resolver `/readyz` can ask about. */
export type SessionKeys = JWTVerifyGetKey & {
  /** Whether the keys are cached and younger than the cache's max age. */
  readonly fresh: boolean;
  /** Fetches the keys now. */
  reload(): Promise<void>;
};

/** Options of {@link createStytchJwks}. */
export interface StytchJwksOptions {
  /**
   * The proxy's Stytch client, consumer or B2B (both have `sessions.getJWKS`): the keys come through
   * its transport, timeout, retries and auth.
   */
  stytch: { sessions: Pick<StytchClient['sessions'], 'getJWKS'> };
  /** Which keys: the consumer sessions' (`sessionsGetJWKS`) or B2B members' (`b2bSessionsGetJWKS`). @default STYTCH_ROUTES.sessionsGetJWKS */
  route?: StytchRoute;
  projectId: string;
  baseUrl: string;
  /** Aborts a fetch in flight (the proxy's shutdown). */
  signal?: AbortSignal;
  /** Least time between two fetches, so forged `kid`s cannot make us hammer Stytch. @default 30000 */
  cooldownMs?: number;
}

/**
 * The project's session signing keys, `GET /v1/sessions/jwks/{project_id}` (B2B:
 * `GET /v1/b2b/sessions/jwks/{project_id}`, with the B2B client), kept by jose's remote
 * JWKS: cached for 10 minutes and refetched (at most every `cooldownMs`) when a token names an unknown
 * `kid`, which is how Stytch's key rotation reaches us. jose's own fetch is replaced (`customFetch`)
 * by `stytch.sessions.getJWKS`, so the keys travel like every other Stytch call. A failed fetch
 * rejects with a {@link ProxyError} (`upstream_timeout`, `upstream_unavailable`,
 * `upstream_invalid_response`, `shutting_down`), which jose passes through.
 *
 * @example
 * const keys = createStytchJwks({ stytch, projectId: 'project-test-…', baseUrl: 'https://test.stytch.com' });
 */
export function createStytchJwks(options: StytchJwksOptions): SessionKeys {
  const { stytch, projectId, signal } = options;
  const route = options.route ?? STYTCH_ROUTES.sessionsGetJWKS;
  const path = stytchPath(route.template, { project_id: projectId });
  return createRemoteJWKSet(new URL(`${options.baseUrl}${path}`), {
    cacheMaxAge: 10 * 60_000,
    cooldownDuration: options.cooldownMs ?? 30_000,
    // jose's fetch timeout is never reached: the client's own timeout bounds the call, and jose's
    // signal is not passed on (it would turn a slow Stytch into an abort rather than a timeout).
    [customFetch]: async () => {
      try {
        const { keys } = await stytch.sessions.getJWKS({ project_id: projectId }, { signal });
        return Response.json({ keys });
      } catch (cause) {
        throw new ProxyError(upstreamFailureType(cause) ?? 'upstream_unavailable', { cause });
      }
    },
  });
}
