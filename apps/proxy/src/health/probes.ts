import { ProxyError } from '../errors/proxy-error.ts';
import type { Exchange } from '../pipeline/exchange.ts';
import type { ProxyResponse } from '../pipeline/proxy-response.ts';
import type { Responder } from '../pipeline/respond.ts';
import type { RateLimitStore } from '../rate-limit/rate-limit-store.ts';
import type { SessionKeys } from '../session/stytch-jwks.ts';

/** A failed JWKS fetch is remembered this long, so `/readyz` (unauthenticated) cannot hammer Stytch. */
const RETRY_AFTER_FAILURE_MS = 5000;

const OK = JSON.stringify({ status: 'ok' });
const READY_CACHED = JSON.stringify({ status: 'ok', jwks: 'cached' });
const READY_FETCHED = JSON.stringify({ status: 'ok', jwks: 'fetched' });
const STOPPING = 'The proxy is stopping: send requests to another instance.';

/**
 * `GET /healthz`: the process is up (liveness). `GET /readyz`: the session signing keys are cached or
 * can be fetched now, so sessions can be verified (readiness); else 503 `not_ready`.
 *
 * With shared rate-limit stores (`REDIS_URL`), `/readyz` also says how they count: `rate_limits:
 * "shared"`, or `"local"` with `status: "degraded"` while Redis is unreachable and each process
 * limits alone. Still 200: every replica shares the one Redis, so a 503 would take them all out of
 * the load balancer at once for an outage they each serve through (failing open to local limits).
 *
 * Once `stopping` is aborted (a graceful stop began), `/readyz` answers 503 `not_ready` whatever the
 * keys, so a load balancer stops sending; `/healthz` still answers 200 while the process runs.
 *
 * @example
 * const { healthz, readyz } = createProbes(keys, respond, [addressStore, userStore], stopping.signal);
 */
export function createProbes(
  keys: Pick<SessionKeys, 'fresh' | 'reload'>,
  respond: Responder,
  rateLimitStores: readonly RateLimitStore[] = [],
  stopping?: AbortSignal,
): Record<'healthz' | 'readyz', (exchange: Exchange) => ProxyResponse | Promise<ProxyResponse>> {
  let failedAt = Number.NEGATIVE_INFINITY;
  const shared = rateLimitStores.filter((store) => store.counting !== undefined);
  const ready = (exchange: Exchange, jwks: 'cached' | 'fetched') => {
    if (shared.length === 0)
      return respond.json(exchange, 200, jwks === 'cached' ? READY_CACHED : READY_FETCHED);
    const local = shared.some((store) => store.counting?.() === 'local');
    const body = local
      ? { status: 'degraded', jwks, rate_limits: 'local' }
      : { status: 'ok', jwks, rate_limits: 'shared' };
    return respond.json(exchange, 200, JSON.stringify(body));
  };
  return {
    healthz: (exchange) => respond.json(exchange, 200, OK),
    readyz: async (exchange) => {
      if (stopping?.aborted) throw new ProxyError('not_ready', { message: STOPPING });
      if (keys.fresh) return ready(exchange, 'cached');
      if (Date.now() - failedAt < RETRY_AFTER_FAILURE_MS) throw new ProxyError('not_ready');
      try {
        await keys.reload();
        return ready(exchange, 'fetched');
      } catch (cause) {
        failedAt = Date.now();
        throw new ProxyError('not_ready', { cause });
      }
    },
  };
}
