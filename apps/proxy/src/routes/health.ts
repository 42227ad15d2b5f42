import type { Hono } from 'hono';
import type { ProxyEnv } from '../app/proxy-env.ts';
import type { ErrorResponder } from '../errors/error-response.ts';

/** What `/readyz` needs from the JWKS resolver (jose's remote JWKS has exactly these). */
export interface ReadinessKeys {
  readonly fresh: boolean;
  reload(): Promise<void>;
}

/** A failed JWKS fetch is remembered this long, so `/readyz` (unauthenticated) cannot hammer Stytch. */
const RETRY_AFTER_FAILURE_MS = 5000;

/**
 * `GET /healthz`: the process is up (liveness). `GET /readyz`: the session signing keys are cached or
 * can be fetched now, so sessions can be verified (readiness); else 503 `not_ready`.
 *
 * @example
 * mountHealth(app, jwks, respondError);
 */
export function mountHealth(app: Hono<ProxyEnv>, keys: ReadinessKeys, respondError: ErrorResponder): void {
  let failedAt = Number.NEGATIVE_INFINITY;
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (keys.fresh) return c.json({ status: 'ok', jwks: 'cached' });
    if (Date.now() - failedAt < RETRY_AFTER_FAILURE_MS) return respondError(c, 'not_ready');
    try {
      await keys.reload();
      return c.json({ status: 'ok', jwks: 'fetched' });
    } catch {
      failedAt = Date.now();
      return respondError(c, 'not_ready');
    }
  });
}
