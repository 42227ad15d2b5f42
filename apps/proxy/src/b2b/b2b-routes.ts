import { PROXY_ROUTES, STYTCH_ROUTES, type StytchB2BClient } from '@connected-apps/core';
import { createHistoryAnswer, memberSubject } from '../audit/history-answer.ts';
import type { RevocationAudit } from '../audit/revocation-audit.ts';
import { allowMethods } from '../checks/allow-methods.ts';
import { revokeBody } from '../checks/revoke-body.ts';
import { sessionCheck } from '../checks/session-check.ts';
import type { ProxyConfig } from '../config/proxy-config.ts';
import type { Responder } from '../pipeline/respond.ts';
import { type ApiRoute, apiRoute, type Check, type Route } from '../pipeline/route.ts';
import { createJwtVerifier } from '../session/jwt-verifier.ts';
import { createSessionAuthenticator } from '../session/session-authenticator.ts';
import type { SessionKeys } from '../session/stytch-jwks.ts';
import { createB2BForwarders } from './b2b-forward.ts';
import { b2bPathParams } from './b2b-path-params.ts';
import { authorizeMember, authorizeOrganizationView } from './member-authorize.ts';
import { organizationCheck } from './organization-check.ts';
import { createOwnAliases } from './own-aliases.ts';
import { RBAC } from './rbac-permissions.ts';
import { createRbacPolicyCache } from './rbac-policy-cache.ts';
import { createRemoteMemberSessionCheck } from './remote-member-session.ts';

/** What the B2B routes are built from: the B2B client and keys, and the consumer routes' shared checks. */
export interface B2BRouteParts {
  /** The proxy's B2B Stytch client: member sessions, RBAC policy, lookups and the forwarded calls. */
  stytch: StytchB2BClient;
  /** The member sessions' signing keys (`GET /v1/b2b/sessions/jwks/{project_id}`). */
  keys: SessionKeys;
  respond: Responder;
  /** The per-address limit, the same counter as the consumer routes'. */
  perAddress: Check;
  /** The per-caller limit (keyed by the member id here), the same counter as the consumer routes'. */
  perUser: Check;
  /** Aborts the forwarded calls and lookups (the shutdown). */
  signal: AbortSignal;
  /**
   * The audit of revoke attempts, the consumer revokes' own (a member's revoke is one more row), and
   * its trail, which the members' history reads.
   */
  audit: RevocationAudit;
}

/**
 * The B2B routes under the base path, with Stytch's paths and shapes, and their checks in order —
 * as the consumer routes, cheapest and most decisive first: per-address limit → method → path
 * parameters → body (revoke) → credential → Origin check (cookie writes) → member session (its own
 * cache: a JWT verified against the B2B JWKS with its organization claim, or
 * `POST /v1/b2b/sessions/authenticate`) → per-member limit → organization (the session's own only,
 * canonical id forwarded) → RBAC authorization → Stytch.
 *
 * @example
 * const api = [...consumerRoutes, ...createB2BRoutes(config, { stytch: b2b, keys, respond, perAddress, perUser, signal })];
 */
export function createB2BRoutes(config: ProxyConfig, parts: B2BRouteParts): ApiRoute[] {
  const { stytch, signal } = parts;
  const authenticate = createSessionAuthenticator({
    verifyJwt: createJwtVerifier({
      projectId: config.projectId,
      baseUrl: config.stytchBaseUrl,
      keys: parts.keys,
      organizationClaim: true,
    }),
    authenticateRemote: createRemoteMemberSessionCheck(stytch, signal),
    maxAgeSeconds: config.sessionJwtMaxAgeSeconds,
    cacheSize: config.sessionCacheSize,
  });
  const policy = createRbacPolicyCache({
    fetchPolicy: async () => (await stytch.rbac.policy({ signal })).policy,
    maxAgeMs: config.rbacPolicyCacheSeconds * 1000,
  });
  const aliases = createOwnAliases(stytch, signal);
  const forward = createB2BForwarders(stytch, parts.respond, signal, parts.audit);

  const session = sessionCheck({ allowedOrigins: config.corsOrigins, authenticate });
  const sameOrganization = organizationCheck(aliases);
  const reads = [parts.perAddress, allowMethods(['GET', 'HEAD']), b2bPathParams, session, parts.perUser];
  // Whoever may list a member's connected apps may read the member's history of revoking them.
  const memberReads = [...reads, sameOrganization, authorizeMember(RBAC.list, { policy, aliases })];
  // A revoke attempt that reaches authorization is recorded, the refused ones too (organization or RBAC).
  const writes = [
    parts.perAddress,
    allowMethods(['POST']),
    b2bPathParams,
    revokeBody,
    session,
    parts.perUser,
    parts.audit.authorize(sameOrganization, 'revoke'),
    parts.audit.authorize(authorizeMember(RBAC.revoke, { policy, aliases }), 'revoke'),
  ];
  const entry = (template: string, checks: Check[], answer: Route['answer']) =>
    apiRoute(config.basePath, template, checks, answer);

  return [
    entry(STYTCH_ROUTES.b2bMembersConnectedApps.template, memberReads, forward.list),
    entry(STYTCH_ROUTES.b2bMembersRevoke.template, writes, forward.revoke),
    // The proxy's own history of the member's revoke attempts, from the audit trail.
    entry(
      PROXY_ROUTES.b2bMembersRevocations.template,
      memberReads,
      createHistoryAnswer(parts.audit.trail, parts.respond, memberSubject),
    ),
    entry(
      STYTCH_ROUTES.b2bOrganizationConnectedApps.template,
      [...reads, sameOrganization, authorizeOrganizationView(policy)],
      forward.organizationApps,
    ),
    entry(
      STYTCH_ROUTES.b2bOrganizationConnectedApp.template,
      [...reads, sameOrganization, authorizeOrganizationView(policy)],
      forward.organizationApp,
    ),
  ];
}
