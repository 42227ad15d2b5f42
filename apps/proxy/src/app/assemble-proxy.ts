import {
  createStytchB2BClient,
  createStytchClient,
  type StytchB2BClient,
  type StytchClient,
  type Transport,
} from '@connected-apps/core';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { createFetchHandler, type FetchHandler } from '../adapters/fetch-handler.ts';
import { createHonoApp } from '../adapters/hono-app.ts';
import type { AuditTrail } from '../audit/audit-trail.ts';
import type { OnRevoked } from '../audit/revocation-audit.ts';
import { eitherKeysReady } from '../b2b/either-keys-ready.ts';
import { createRequestLineCheck } from '../checks/request-line.ts';
import { ConfigError } from '../config/config-error.ts';
import type { ProxyConfig } from '../config/proxy-config.ts';
import { createErrorExit, type ErrorExit } from '../errors/error-exit.ts';
import { createLogger } from '../logging/create-logger.ts';
import { createRequestLog, type RequestLog } from '../logging/request-log.ts';
import { createCorsPolicy } from '../pipeline/cors-policy.ts';
import { createResponder } from '../pipeline/respond.ts';
import type { Route } from '../pipeline/route.ts';
import { createRouter } from '../pipeline/router.ts';
import { createPipeline, type Pipeline } from '../pipeline/run-pipeline.ts';
import type { RateLimitStore } from '../rate-limit/rate-limit-store.ts';
import type { SharedRateLimits } from '../rate-limit/redis-rate-limits.ts';
import { createJwtVerifier } from '../session/jwt-verifier.ts';
import { createRemoteSessionCheck } from '../session/remote-session.ts';
import { createSessionAuthenticator } from '../session/session-authenticator.ts';
import { createStytchJwks, type SessionKeys } from '../session/stytch-jwks.ts';
import { createProxyRoutes } from './proxy-routes.ts';

/** What `createProxyApp` can be given instead of building it from the config. */
export interface ProxyDeps {
  /** Where the request log goes. @default a pino logger on stdout at `config.logLevel` */
  logger?: Logger;
  /**
   * The one client for every Stytch call: revoke, list, `sessions.authenticate` and the JWKS.
   * @default core's `createStytchClient` on `transport`, with `UPSTREAM_TIMEOUT_MS` and `UPSTREAM_RETRIES`
   */
  stytch?: StytchClient;
  /**
   * The client for every B2B Stytch call: members' apps and revokes, the organization's views, member
   * sessions, their JWKS, the RBAC policy and the lookups. @default core's `createStytchB2BClient`,
   * on the same transport, timeout and retries as `stytch`'s default
   */
  stytchB2B?: StytchB2BClient;
  /** HTTP transport of the default client. @default undici's keep-alive pool on Node (`createUndiciTransport`), `fetch` on the edge */
  transport?: Transport;
  /**
   * Rate-limit counters (any store with `increment(key)`). @default on Node with `REDIS_URL`, Redis
   * shared by every replica; otherwise bounded memory stores, one per process (or isolate)
   */
  rateLimitStores?: { address?: RateLimitStore; user?: RateLimitStore };
  /** The session signing keys. @default Stytch's JWKS for the project, through `stytch`, kept by jose */
  jwks?: SessionKeys;
  /** The member session signing keys. @default Stytch's B2B JWKS for the project, through `stytchB2B`, kept by jose */
  b2bJwks?: SessionKeys;
  /**
   * Where revoke attempts are recorded and the history is read. @default on Node, the one
   * `AUDIT_DATABASE_URL` names (SQLite or PostgreSQL, with the spool), or none when it is unset
   */
  auditTrail?: AuditTrail;
  /** Called once per app Stytch revoked, after its audit row is durable (see `OnRevoked`). */
  onRevoked?: OnRevoked;
}

/** The proxy as a Hono app, plus its fetch handler and a way to release what it holds. */
export interface ProxyApp {
  /** A Hono app handing every request to `fetch`: for `app.request()` and mounting into another app. */
  app: Hono;
  /** Web-standard handler: `export default { fetch }` on edge runtimes. */
  fetch: FetchHandler;
  /**
   * Closes the connection pool and the Redis connection it created (not those passed in `deps`);
   * from its call on, `/readyz` answers 503 (a host app stopping tells its load balancer).
   */
  close(): Promise<void>;
}

/** An assembled proxy: the public {@link ProxyApp} and the parts `startProxy` serves Node with. */
export interface AssembledProxy {
  proxy: ProxyApp;
  pipeline: Pipeline;
  exit: ErrorExit;
  log: RequestLog;
  logger: Logger;
  keys: SessionKeys;
  /** The route of every path that is not the proxy's: a mounted Node handler hands those to `next`. */
  outside: Route;
  /** Ends every Stytch call in flight: each answers 503 `shutting_down`. */
  abortUpstream(): void;
  /** From now on `/readyz` answers 503 `not_ready`: the proxy is stopping. */
  markStopping(): void;
}

/**
 * Builds the proxy for a validated config; `defaultTransport` makes the HTTP transport when `deps`
 * has none (the Node entry passes undici's pool, the edge entry `fetch`), so that neither entry
 * bundles the other's transport. `defaultRateLimits` likewise makes the shared rate-limit stores
 * when `deps` has none (the Node entry passes the Redis ones; the edge entry none, refusing
 * `REDIS_URL`, so that it never bundles ioredis). `defaultAuditTrail` makes the audit trail the
 * same way (the Node entry opens `AUDIT_DATABASE_URL`; the edge entry has none, refusing it, so that
 * it never bundles `pg` or `node:sqlite`).
 *
 * @example
 * const { proxy } = assembleProxy(config, {}, () => createUndiciTransport(), createRedisRateLimits);
 */
export function assembleProxy(
  config: ProxyConfig,
  deps: ProxyDeps,
  defaultTransport: () => Transport,
  defaultRateLimits?: (config: ProxyConfig, logger: Logger) => SharedRateLimits | undefined,
  defaultAuditTrail?: (config: ProxyConfig, logger: Logger) => AuditTrail | undefined,
): AssembledProxy {
  const logger = deps.logger ?? createLogger(config.logLevel);
  // Shared limits silently turned per-process would be a security surprise: refuse instead.
  const sharesLimits = deps.rateLimitStores !== undefined || defaultRateLimits !== undefined;
  if (config.redisUrl !== undefined && !sharesLimits) {
    const message = 'is read by the Node entry only; elsewhere pass deps.rateLimitStores';
    throw new ConfigError([{ variable: 'REDIS_URL', message }]);
  }
  const sharedRateLimits = deps.rateLimitStores ? undefined : defaultRateLimits?.(config, logger);
  // Likewise an audit trail silently off: the edge entry cannot open a database itself.
  const opensAuditTrail = deps.auditTrail !== undefined || defaultAuditTrail !== undefined;
  if (config.auditDatabaseUrl !== undefined && !opensAuditTrail) {
    const message = 'is read by the Node entry only; elsewhere pass deps.auditTrail';
    throw new ConfigError([{ variable: 'AUDIT_DATABASE_URL', message }]);
  }
  const ownedAuditTrail = deps.auditTrail ? undefined : defaultAuditTrail?.(config, logger);
  const auditTrail = deps.auditTrail ?? ownedAuditTrail;
  const ownsClient = deps.stytch === undefined || deps.stytchB2B === undefined;
  const transport = ownsClient ? (deps.transport ?? defaultTransport()) : undefined;
  const clientOptions = {
    project_id: config.projectId,
    secret: config.secret,
    baseUrl: config.stytchBaseUrl,
    timeout: config.upstreamTimeoutMs,
    // The caller is waiting: retries must fit in the same budget as a single attempt.
    retry: { limit: config.upstreamRetries, totalTimeout: config.upstreamTimeoutMs },
    transport,
  };
  const stytch = deps.stytch ?? createStytchClient(clientOptions);
  const stytchB2B = deps.stytchB2B ?? createStytchB2BClient(clientOptions);
  const shutdown = new AbortController();
  const { signal } = shutdown;
  const stopping = new AbortController();
  const keys = deps.jwks ?? createStytchJwks({ stytch, projectId: config.projectId, signal });
  const b2bKeys =
    deps.b2bJwks ?? createStytchJwks({ stytch: stytchB2B, projectId: config.projectId, signal });
  const authenticate = createSessionAuthenticator({
    verifyJwt: createJwtVerifier({ projectId: config.projectId, baseUrl: config.stytchBaseUrl, keys }),
    authenticateRemote: createRemoteSessionCheck(stytch, signal),
    maxAgeSeconds: config.sessionJwtMaxAgeSeconds,
    cacheSize: config.sessionCacheSize,
  });

  const respond = createResponder(createCorsPolicy(config.corsOrigins));
  const exit = createErrorExit(config.errorDocsUrl, respond);
  const routes = createProxyRoutes(config, {
    stytch,
    // A Stytch project is consumer or B2B: ready when the keys of either can be had.
    keys: eitherKeysReady(keys, b2bKeys),
    authenticate,
    respond,
    rateLimitStores: deps.rateLimitStores ?? sharedRateLimits,
    signal,
    stopping: stopping.signal,
    b2b: { stytch: stytchB2B, keys: b2bKeys },
    audit: { trail: auditTrail, onRevoked: deps.onRevoked, logger },
  });
  const pipeline = createPipeline({
    readPath: createRequestLineCheck(new Set(Object.keys(routes.probes))),
    route: createRouter(routes),
    exit,
  });
  const log = createRequestLog(logger);
  const fetch = createFetchHandler(pipeline, log);
  return {
    proxy: {
      app: createHonoApp(fetch),
      fetch,
      close: async () => {
        stopping.abort();
        if (transport !== undefined && transport !== deps.transport) await transport.close?.();
        await sharedRateLimits?.close();
        await ownedAuditTrail?.close();
      },
    },
    pipeline,
    exit,
    log,
    logger,
    keys,
    outside: routes.miss,
    abortUpstream: () => shutdown.abort(),
    markStopping: () => stopping.abort(),
  };
}
