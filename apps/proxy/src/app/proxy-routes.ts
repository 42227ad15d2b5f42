import { PROXY_ROUTES, routePattern, STYTCH_ROUTES, type StytchClient } from '@connected-apps/core';
import { allowMethods } from '../checks/allow-methods.ts';
import { authorize } from '../checks/authorize.ts';
import { pathParams } from '../checks/path-params.ts';
import { revokeBody } from '../checks/revoke-body.ts';
import { sessionCheck } from '../checks/session-check.ts';
import type { ProxyConfig } from '../config/proxy-config.ts';
import { createErrorDescriber } from '../errors/describe-error.ts';
import { ProxyError } from '../errors/proxy-error.ts';
import { createProbes } from '../health/probes.ts';
import type { Responder } from '../pipeline/respond.ts';
import type { Route } from '../pipeline/route.ts';
import type { RouterOptions } from '../pipeline/router.ts';
import { BoundedMemoryStore } from '../rate-limit/bounded-memory-store.ts';
import { clientAddress } from '../rate-limit/client-address.ts';
import { rateLimit } from '../rate-limit/rate-limit.ts';
import type { RateLimitStore } from '../rate-limit/rate-limit-store.ts';
import type { SessionAuthenticator } from '../session/session-authenticator.ts';
import type { SessionKeys } from '../session/stytch-jwks.ts';
import type { VerifiedSession } from '../session/verified-session.ts';
import { createForwarders } from '../upstream/forward.ts';
import { createRevokeAll } from '../upstream/revoke-all.ts';

/** What the routes are built from. */
export interface RouteParts {
  stytch: StytchClient;
  keys: Pick<SessionKeys, 'fresh' | 'reload'>;
  authenticate: SessionAuthenticator;
  respond: Responder;
  rateLimitStores: { address?: RateLimitStore | undefined; user?: RateLimitStore | undefined } | undefined;
  /** Aborts the forwarded calls (the shutdown). */
  signal: AbortSignal;
}

/**
 * Every route of the proxy and its checks, in order — cheapest and most decisive first:
 * per-address limit → method → path parameters → body (revoke, revoke-all) → credential → Origin check
 * (cookie writes) → session → per-user limit → authorization → Stytch. The probes take no checks; a
 * CORS preflight is answered before any. Revoke-all is the proxy's own route (`PROXY_ROUTES`: Stytch
 * has no such call), with exactly revoke's checks.
 *
 * @example
 * const router = createRouter(createProxyRoutes(config, parts));
 */
export function createProxyRoutes(config: ProxyConfig, parts: RouteParts): RouterOptions {
  const { respond } = parts;
  const base = config.basePath;
  const stores = {
    address: parts.rateLimitStores?.address ?? new BoundedMemoryStore(config.rateLimitMaxKeys),
    user: parts.rateLimitStores?.user ?? new BoundedMemoryStore(config.rateLimitMaxKeys),
  };
  const limit = (perWindow: number, store: RateLimitStore, key: Parameters<typeof rateLimit>[0]['key']) =>
    rateLimit({ limit: perWindow, store, windowMs: config.rateLimitWindowMs, key });
  const perAddress = limit(config.rateLimitPerAddress, stores.address, (exchange) =>
    clientAddress(exchange.request, config.trustProxy),
  );
  // Counted before authorization, so probing other users' ids spends the prober's own budget.
  const perUser = limit(
    config.rateLimitPerUser,
    stores.user,
    // The session check, just before, has set the session.
    (exchange) => (exchange.session as VerifiedSession).user_id,
  );
  const caller = [
    sessionCheck({ allowedOrigins: config.corsOrigins, authenticate: parts.authenticate }),
    perUser,
    authorize(config.adminRole),
  ];
  const forward = createForwarders(parts.stytch, respond, parts.signal);
  const revokeAll = createRevokeAll({
    stytch: parts.stytch,
    respond,
    describe: createErrorDescriber(config.errorDocsUrl),
    budgetMs: config.upstreamTimeoutMs,
    signal: parts.signal,
  });
  const probes = createProbes(parts.keys, respond, [stores.address, stores.user]);
  const notFound = () => {
    throw new ProxyError('route_not_found');
  };
  const probe = (pattern: string, answer: Route['answer']): Route => ({
    pattern,
    cors: false,
    checks: [],
    answer,
  });

  const list = STYTCH_ROUTES.usersConnectedApps.template;
  const revoke = STYTCH_ROUTES.usersRevoke.template;
  const all = PROXY_ROUTES.usersRevokeAll.template;
  const writeChecks = [perAddress, allowMethods(['POST']), pathParams, revokeBody, ...caller];
  return {
    basePath: base,
    probes: { '/healthz': probe('/healthz', probes.healthz), '/readyz': probe('/readyz', probes.readyz) },
    api: [
      {
        template: `${base}${list}`,
        route: {
          pattern: `${base}${routePattern(list)}`,
          cors: true,
          checks: [perAddress, allowMethods(['GET', 'HEAD']), pathParams, ...caller],
          answer: forward.list,
        },
      },
      {
        template: `${base}${revoke}`,
        route: {
          pattern: `${base}${routePattern(revoke)}`,
          cors: true,
          checks: writeChecks,
          answer: forward.revoke,
        },
      },
      // Its fixed `revoke_all` segment is never read as a `{connected_app_id}`: the revoke template
      // ends in `/revoke`, and the router matches whole paths.
      {
        template: `${base}${all}`,
        route: { pattern: `${base}${routePattern(all)}`, cors: true, checks: writeChecks, answer: revokeAll },
      },
    ],
    preflight: {
      pattern: `${base}/*`,
      cors: true,
      checks: [],
      answer: (exchange) => respond.preflight(exchange, exchange.request.header('origin') ?? ''),
    },
    apiMiss: { pattern: undefined, cors: true, checks: [perAddress], answer: notFound },
    miss: { pattern: undefined, cors: false, checks: [], answer: notFound },
  };
}
