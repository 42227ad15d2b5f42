import { type ConnectedAppsClient, createStytchClient, type Transport } from '@connected-apps/core';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import type { ProxyConfig } from '../config/proxy-config.ts';
import { createErrorResponder } from '../errors/error-response.ts';
import { ProxyFailure } from '../errors/proxy-failure.ts';
import { createLogger } from '../logging/create-logger.ts';
import { authorize } from '../middleware/authorize.ts';
import { BoundedMemoryStore } from '../middleware/bounded-memory-store.ts';
import { clientAddress } from '../middleware/client-address.ts';
import { corsAllowlist } from '../middleware/cors-allowlist.ts';
import { pathParams } from '../middleware/path-params.ts';
import { rateLimit } from '../middleware/rate-limit.ts';
import type { RateLimitStore } from '../middleware/rate-limit-store.ts';
import { rawPath } from '../middleware/raw-path.ts';
import { requestLog } from '../middleware/request-log.ts';
import { responseHeaders } from '../middleware/response-headers.ts';
import { revokeBody } from '../middleware/revoke-body.ts';
import { sessionGate } from '../middleware/session-gate.ts';
import { mountHealth } from '../routes/health.ts';
import { createJwtVerifier, createStytchJwks } from '../session/jwt-verifier.ts';
import { createSessionAuthenticator } from '../session/session-authenticator.ts';
import { createSessionsAuthenticate } from '../session/stytch-sessions-authenticate.ts';
import { createForwarders } from '../upstream/forward.ts';
import { type Guard, guarded, guardMiddleware } from './guard.ts';
import type { ProxyEnv } from './proxy-env.ts';

/** What {@link createProxyApp} can be given instead of building it from the config. */
export interface ProxyDeps {
  /** Where the request log goes. @default a pino logger on stdout at `config.logLevel` */
  logger?: Logger;
  /** The client that forwards revoke/list. @default core's Stytch client on `transport` */
  stytch?: ConnectedAppsClient;
  /** HTTP transport for Stytch calls (forwarding and `sessions/authenticate`). @default undici pool on Node */
  transport?: Transport;
  /** Rate-limit counters, e.g. `hono-rate-limiter`'s RedisStore when several replicas run. @default bounded memory stores */
  rateLimitStores?: { address?: RateLimitStore; user?: RateLimitStore };
  /** The session signing keys. @default Stytch's JWKS for the project, fetched and cached by jose */
  jwks?: JWTVerifyGetKey & { readonly fresh: boolean; reload(): Promise<void> };
}

/** The proxy as a Hono app, plus its fetch handler and a way to release what it holds. */
export interface ProxyApp {
  app: Hono<ProxyEnv>;
  /** Web-standard handler: `export default { fetch }` on edge runtimes, or `serve({ fetch })` on Node. */
  fetch: (request: Request, env?: unknown, executionCtx?: unknown) => Response | Promise<Response>;
  /** Closes the connection pool it created (not one passed in `deps`). */
  close(): Promise<void>;
}

/**
 * Builds the proxy for a validated config; `defaultTransport` makes the HTTP transport when `deps` has
 * none (the Node entry passes undici's pool, the edge entry `fetch`).
 * Request pipeline, cheapest and most decisive checks first:
 * request id → log → response headers → CORS → per-address limit → path params → body → credential →
 * Origin check → session → per-user limit → authorization → Stytch.
 */
export function buildProxyApp(
  config: ProxyConfig,
  deps: ProxyDeps,
  defaultTransport: () => Transport,
): ProxyApp {
  const transport = deps.transport ?? defaultTransport();
  const logger = deps.logger ?? createLogger(config.logLevel);
  const respondError = createErrorResponder(config.errorDocsUrl);
  const authorization = `Basic ${btoa(`${config.projectId}:${config.secret}`)}`;
  const stytch =
    deps.stytch ??
    createStytchClient({
      project_id: config.projectId,
      secret: config.secret,
      baseUrl: config.stytchBaseUrl,
      timeout: config.upstreamTimeoutMs,
      // The caller is waiting: retries must fit in the same budget as a single attempt.
      retry: { limit: config.upstreamRetries, totalTimeout: config.upstreamTimeoutMs },
      transport,
    });
  const jwks = deps.jwks ?? createStytchJwks(config.stytchBaseUrl, config.projectId, authorization);
  const authenticate = createSessionAuthenticator({
    verifyJwt: createJwtVerifier({ projectId: config.projectId, keys: jwks }),
    authenticateRemote: createSessionsAuthenticate({
      baseUrl: config.stytchBaseUrl,
      authorization,
      transport,
      timeoutMs: config.upstreamTimeoutMs,
    }),
    maxAgeSeconds: config.sessionJwtMaxAgeSeconds,
    cacheSize: config.sessionCacheSize,
  });
  const forward = createForwarders(stytch, respondError);

  const app = new Hono<ProxyEnv>({ getPath: rawPath });
  // Our own ids only: a caller-chosen X-Request-Id would let anyone write ids into our logs.
  app.use(requestId({ headerName: '' }));
  app.use(requestLog(logger));
  app.use(responseHeaders());
  mountHealth(app, jwks, respondError);

  const base = config.basePath;
  app.use(`${base}/*`, corsAllowlist(config.corsOrigins));
  const limiter = (limit: number, store: RateLimitStore, key: Parameters<typeof rateLimit>[0]['key']) => {
    store.init?.({ windowMs: config.rateLimitWindowMs });
    return rateLimit({ limit, store, key, respondError, windowMs: config.rateLimitWindowMs });
  };
  app.use(
    `${base}/*`,
    guardMiddleware(
      limiter(
        config.rateLimitPerAddress,
        deps.rateLimitStores?.address ?? new BoundedMemoryStore(config.rateLimitMaxKeys),
        (c) => clientAddress(c, config.trustProxy),
      ),
    ),
  );

  const sessionSteps: Guard[] = [
    sessionGate({ allowedOrigins: config.corsOrigins, authenticate, respondError }),
    limiter(
      config.rateLimitPerUser,
      deps.rateLimitStores?.user ?? new BoundedMemoryStore(config.rateLimitMaxKeys),
      (c) => c.get('session').user_id,
    ),
    authorize(config.adminRole, respondError),
  ];
  const listRoute = `${base}/v1/users/:user_id/connected_apps`;
  const revokeRoute = `${listRoute}/:connected_app_id/revoke`;
  app.get(listRoute, guarded([pathParams(respondError), ...sessionSteps], forward.list));
  app.post(
    revokeRoute,
    guarded([pathParams(respondError), revokeBody(respondError), ...sessionSteps], forward.revoke),
  );
  app.all(listRoute, (c) => respondError(c, 'method_not_allowed', { headers: { Allow: 'GET, HEAD' } }));
  app.all(revokeRoute, (c) => respondError(c, 'method_not_allowed', { headers: { Allow: 'POST' } }));

  app.notFound((c) => respondError(c, 'route_not_found'));
  app.onError((error, c) => {
    if (error instanceof ProxyFailure) {
      c.set('failureCause', error.cause);
      return respondError(c, error.type);
    }
    logger.error(
      { request_id: c.get('requestId'), err: { name: error.name, message: error.message } },
      'unexpected error',
    );
    return respondError(c, 'internal_server_error');
  });

  return {
    app,
    fetch: (request, env, executionCtx) =>
      app.fetch(request, env as ProxyEnv['Bindings'], executionCtx as never),
    close: async () => {
      if (transport !== deps.transport) await transport.close?.();
    },
  };
}
