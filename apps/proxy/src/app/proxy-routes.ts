import { PROXY_ROUTES, STYTCH_ROUTES, type StytchClient } from '@connected-apps/core';
import type { Logger } from 'pino';
import type { AuditTrail } from '../audit/audit-trail.ts';
import { createHistoryAnswer, userSubject } from '../audit/history-answer.ts';
import { createRevocationAudit, type OnRevoked, type RevocationAction } from '../audit/revocation-audit.ts';
import { type B2BRouteParts, createB2BRoutes } from '../b2b/b2b-routes.ts';
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
import { apiRoute, type Route } from '../pipeline/route.ts';
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
  /** Aborted once the proxy is stopping: `/readyz` answers 503 from then on. */
  stopping?: AbortSignal;
  /** The B2B routes' client and member-session keys (`b2b/b2b-routes.ts`). */
  b2b: Pick<B2BRouteParts, 'stytch' | 'keys'>;
  /** The audit trail (none when off), the hook after each revoke, and where their failures are logged. */
  audit: { trail: AuditTrail | undefined; onRevoked: OnRevoked | undefined; logger: Logger };
}

/**
 * Every route of the proxy and its checks, in order — cheapest and most decisive first:
 * per-address limit → method → path parameters → body (revoke, revoke-all) → credential → Origin check
 * (cookie writes) → session → per-user limit → authorization → Stytch. The probes take no checks; a
 * CORS preflight is answered before any. Revoke-all is the proxy's own route (`PROXY_ROUTES`: Stytch
 * has no such call), with exactly revoke's checks; so is the revocation history, with the list's.
 * The revoke routes record each attempt that reaches authorization in the audit trail.
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
  const session = sessionCheck({ allowedOrigins: config.corsOrigins, authenticate: parts.authenticate });
  const mayAct = authorize(config.adminRole);
  const caller = [session, perUser, mayAct];
  const describe = createErrorDescriber(config.errorDocsUrl);
  const audit = createRevocationAudit({
    ...parts.audit,
    required: config.auditRequired,
    describe,
    trustProxy: config.trustProxy,
  });
  // The revoke routes record every attempt that reaches authorization, the refused ones too.
  const writeChecks = (action: RevocationAction) => [
    perAddress,
    allowMethods(['POST']),
    pathParams,
    revokeBody,
    session,
    perUser,
    audit.authorize(mayAct, action),
  ];
  const forward = createForwarders(parts.stytch, respond, parts.signal, audit);
  const revokeAll = createRevokeAll({
    stytch: parts.stytch,
    respond,
    describe,
    budgetMs: config.upstreamTimeoutMs,
    signal: parts.signal,
    audit,
  });
  const probes = createProbes(parts.keys, respond, [stores.address, stores.user], parts.stopping);
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
  const history = PROXY_ROUTES.usersRevocations.template;
  const readChecks = [perAddress, allowMethods(['GET', 'HEAD']), pathParams, ...caller];
  return {
    basePath: base,
    probes: { '/healthz': probe('/healthz', probes.healthz), '/readyz': probe('/readyz', probes.readyz) },
    api: [
      apiRoute(base, list, readChecks, forward.list),
      apiRoute(base, revoke, writeChecks('revoke'), forward.revoke),
      // Its fixed `revoke_all` segment is never read as a `{connected_app_id}`: the revoke template
      // ends in `/revoke`, and the router matches whole paths.
      apiRoute(base, all, writeChecks('revoke_all'), revokeAll),
      // The proxy's own history of revoke attempts, from the audit trail: the list route's checks.
      apiRoute(base, history, readChecks, createHistoryAnswer(audit.trail, respond, userSubject)),
      // Members' and organizations' routes: their own session and RBAC checks, the same limits.
      ...createB2BRoutes(config, { ...parts.b2b, respond, perAddress, perUser, signal: parts.signal, audit }),
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
