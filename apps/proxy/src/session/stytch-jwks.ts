import type { StytchClient } from '@connected-apps/core';
import { createLocalJWKSet, errors, type JWTVerifyGetKey } from 'jose';
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
   * its transport, timeout, retries and auth, and the client decides which keys (the consumer
   * sessions' or B2B members').
   */
  stytch: { sessions: Pick<StytchClient['sessions'], 'getJWKS'> };
  projectId: string;
  /** Aborts a fetch in flight (the proxy's shutdown). */
  signal?: AbortSignal;
  /** Least time between two fetches, so forged `kid`s cannot make us hammer Stytch. @default 30000 */
  cooldownMs?: number;
}

/** How long fetched keys are used before they are fetched again: jose's remote-set default. */
const CACHE_MAX_AGE_MS = 10 * 60_000;

/**
 * The project's session signing keys, `GET /v1/sessions/jwks/{project_id}` (B2B:
 * `GET /v1/b2b/sessions/jwks/{project_id}`, with the B2B client), fetched through
 * `stytch.sessions.getJWKS` so the keys travel like every other Stytch call (its transport, timeout,
 * retries and auth). They are cached for 10 minutes and refetched (at most every `cooldownMs`) when a
 * token names an unknown `kid`, which is how Stytch's key rotation reaches us; concurrent refetches
 * share one call. The keys themselves are jose's local set (`createLocalJWKSet`). A failed fetch
 * rejects with a {@link ProxyError} (`upstream_timeout`, `upstream_unavailable`,
 * `upstream_invalid_response`, `shutting_down`), which jose passes through.
 *
 * Not jose's `createRemoteJWKSet`: that one builds a WHATWG `Headers` when it is created and wants a
 * `Response` from its fetch, and on Node the first of either loads Node's whole fetch implementation
 * (~25 ms of every start, for a proxy that never otherwise uses it). What it adds over the local set —
 * the cache age, the cooldown and one fetch at a time — is the few lines below.
 *
 * @example
 * const keys = createStytchJwks({ stytch, projectId: 'project-test-…' });
 */
export function createStytchJwks(options: StytchJwksOptions): SessionKeys {
  const { stytch, projectId, signal } = options;
  const cooldownMs = options.cooldownMs ?? 30_000;
  let local: JWTVerifyGetKey | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<void> | undefined;

  const fetchedWithin = (ms: number) => Date.now() < fetchedAt + ms;
  const reload = (): Promise<void> => {
    pending ??= stytch.sessions
      .getJWKS({ project_id: projectId }, { signal })
      .then(
        ({ keys }) => {
          local = createLocalJWKSet({ keys });
          fetchedAt = Date.now();
        },
        (cause) => {
          throw new ProxyError(upstreamFailureType(cause) ?? 'upstream_unavailable', { cause });
        },
      )
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  const getKey: JWTVerifyGetKey = async (protectedHeader, token) => {
    if (local === undefined || !fetchedWithin(CACHE_MAX_AGE_MS)) await reload();
    try {
      return await (local as JWTVerifyGetKey)(protectedHeader, token);
    } catch (error) {
      // An unknown `kid`: the keys may have rotated since the last fetch.
      if (!(error instanceof errors.JWKSNoMatchingKey) || fetchedWithin(cooldownMs)) throw error;
      await reload();
      return (local as JWTVerifyGetKey)(protectedHeader, token);
    }
  };
  return Object.defineProperties(getKey, {
    fresh: { get: () => local !== undefined && fetchedWithin(CACHE_MAX_AGE_MS), enumerable: true },
    reload: { value: reload, enumerable: true },
  }) as SessionKeys;
}
