import type { RbacPolicy } from '@connected-apps/core/wire';
import { ProxyError } from '../errors/proxy-error.ts';
import { upstreamFailureType } from '../upstream/upstream-failure.ts';

/** After a failed background refresh, the next one waits this long (requests keep the current policy). */
const BACKGROUND_RETRY_MS = 1000;

/** The project's RBAC policy as the B2B checks read it. */
export interface RbacPolicySource {
  /**
   * The policy: synchronously while the cached one is fresh, else once Stytch has answered (within
   * the upstream timeout). Rejects with a `ProxyError` (`upstream_timeout`, `upstream_unavailable`,
   * `upstream_invalid_response`, `shutting_down`) when no fresh policy can be had.
   */
  get(): RbacPolicy | Promise<RbacPolicy>;
}

/** Options of {@link createRbacPolicyCache}. */
export interface RbacPolicyCacheOptions {
  /** `rbac.policy` through the proxy's B2B Stytch client (its timeout and retries bound the wait). */
  fetchPolicy: () => Promise<RbacPolicy>;
  /** A policy is used for at most this long after it was fetched (`RBAC_POLICY_CACHE_SECONDS`). */
  maxAgeMs: number;
}

/**
 * Keeps the project's RBAC policy (`GET /v1/b2b/rbac/policy`) for at most `maxAgeMs`, so a change
 * made in Stytch takes effect within that time and the hot path costs no call:
 * - fresh (younger than `maxAgeMs / 2`): answered from memory;
 * - in its second half: still answered from memory, while one call fetches the next policy in the
 *   background (a failure there leaves the current one until it expires, and is retried a second
 *   later at the soonest, so an unreachable Stytch is not asked on every request);
 * - expired, or never fetched: the request waits for the call, bounded by the client's timeout; a
 *   failure is the request's typed 5xx. A stale policy is never used past `maxAgeMs`: a permission
 *   withdrawn in Stytch must stop working in the documented time, even while Stytch is unreachable.
 * Concurrent requests share one call.
 *
 * Written out rather than on `lru-cache`'s `fetch`: one value, whose fresh reads must stay synchronous
 * (`fetch` always answers with a promise), refreshed ahead of a hard expiry it must never serve past.
 *
 * @example
 * const policy = createRbacPolicyCache({ fetchPolicy: async () => (await b2b.rbac.policy()).policy, maxAgeMs: 300_000 });
 * const current = await policy.get();
 */
export function createRbacPolicyCache(options: RbacPolicyCacheOptions): RbacPolicySource {
  const { maxAgeMs } = options;
  let policy: RbacPolicy | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<RbacPolicy> | undefined;
  let backgroundFailedAt = Number.NEGATIVE_INFINITY;

  const refresh = (): Promise<RbacPolicy> => {
    inFlight ??= options
      .fetchPolicy()
      .then((fetched) => {
        policy = fetched;
        fetchedAt = Date.now();
        return fetched;
      })
      .catch((cause: unknown) => {
        if (cause instanceof ProxyError) throw cause;
        throw new ProxyError(upstreamFailureType(cause) ?? 'upstream_unavailable', { cause });
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  return {
    get() {
      const now = Date.now();
      const age = now - fetchedAt;
      if (policy === undefined || age >= maxAgeMs) return refresh();
      if (age >= maxAgeMs / 2 && inFlight === undefined && now - backgroundFailedAt >= BACKGROUND_RETRY_MS) {
        refresh().catch(() => {
          backgroundFailedAt = Date.now();
        });
      }
      return policy;
    },
  };
}
