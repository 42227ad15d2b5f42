import { ProxyError } from '../errors/proxy-error.ts';
import type { Exchange } from '../pipeline/exchange.ts';
import type { ProxyResponse } from '../pipeline/proxy-response.ts';
import type { Responder } from '../pipeline/respond.ts';
import type { SessionKeys } from '../session/stytch-jwks.ts';

/** A failed JWKS fetch is remembered this long, so `/readyz` (unauthenticated) cannot hammer Stytch. */
const RETRY_AFTER_FAILURE_MS = 5000;

const OK = JSON.stringify({ status: 'ok' });
const READY_CACHED = JSON.stringify({ status: 'ok', jwks: 'cached' });
const READY_FETCHED = JSON.stringify({ status: 'ok', jwks: 'fetched' });

/**
 * `GET /healthz`: the process is up (liveness). `GET /readyz`: the session signing keys are cached or
 * can be fetched now, so sessions can be verified (readiness); else 503 `not_ready`.
 *
 * @example
 * const { healthz, readyz } = createProbes(keys, respond);
 */
export function createProbes(
  keys: Pick<SessionKeys, 'fresh' | 'reload'>,
  respond: Responder,
): Record<'healthz' | 'readyz', (exchange: Exchange) => ProxyResponse | Promise<ProxyResponse>> {
  let failedAt = Number.NEGATIVE_INFINITY;
  return {
    healthz: (exchange) => respond.json(exchange, 200, OK),
    readyz: async (exchange) => {
      if (keys.fresh) return respond.json(exchange, 200, READY_CACHED);
      if (Date.now() - failedAt < RETRY_AFTER_FAILURE_MS) throw new ProxyError('not_ready');
      try {
        await keys.reload();
        return respond.json(exchange, 200, READY_FETCHED);
      } catch (cause) {
        failedAt = Date.now();
        throw new ProxyError('not_ready', { cause });
      }
    },
  };
}
