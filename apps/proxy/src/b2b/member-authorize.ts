import type { OrganizationClaim, RbacPolicy } from '@connected-apps/core/wire';
import { isMemberId } from '@connected-apps/core/wire';
import { ProxyError } from '../errors/proxy-error.ts';
import type { Exchange } from '../pipeline/exchange.ts';
import type { Check } from '../pipeline/route.ts';
import type { VerifiedSession } from '../session/verified-session.ts';
import type { OwnAliases } from './own-aliases.ts';
import { RBAC, rolesAllow } from './rbac-permissions.ts';
import type { RbacPolicySource } from './rbac-policy-cache.ts';

/** What the authorization checks read: the project's RBAC policy and the caller's own aliases. */
export interface MemberAuthorizeParts {
  policy: RbacPolicySource;
  aliases: OwnAliases;
}

/**
 * Who may act on `member_id`'s connected apps (after `organizationCheck`, so the organization is the
 * caller's own), as the project's RBAC policy grants `action` to the session's roles: on
 * `stytch.member`, any member's apps in the organization (their own included); on `stytch.self`, only
 * their own. Else 403 `member_forbidden`, and nothing is sent to Stytch.
 *
 * A caller allowed on `stytch.member` needs no lookup: Stytch resolves an external id within the
 * (canonical) organization. Otherwise "own" is decided as Stytch resolves `member_id`: the session's
 * member id, or that member's external id (looked up for the caller's own member, cached), and then
 * the canonical member id is forwarded. Another member's id (`member-test-…`) is refused without a
 * lookup.
 *
 * @example
 * const checks = [..., organizationCheck(aliases), authorizeMember(RBAC.revoke, { policy, aliases })];
 */
export function authorizeMember(action: string, parts: MemberAuthorizeParts): Check {
  const self = { resource_id: RBAC.self, action };
  const member = { resource_id: RBAC.member, action };
  return function authorizeMember(exchange) {
    const session = callerOf(exchange);
    const named = exchange.params.member_id as string;
    return withPolicy(parts.policy, (policy) => {
      if (rolesAllow(policy, session.roles, member)) return;
      if (named === session.user_id) return mustAllow(rolesAllow(policy, session.roles, self), action);
      if (isMemberId(named)) throw forbidden(`${action} on another member (stytch.member)`);
      return parts.aliases.member(session.organization.organization_id, session.user_id).then((names) => {
        if (!names.includes(named)) throw forbidden(`${action} on another member (stytch.member)`);
        mustAllow(rolesAllow(policy, session.roles, self), action);
        exchange.params = { ...exchange.params, member_id: session.user_id };
      });
    });
  };
}

/**
 * The organization's views (every installed app; one app and the members who granted it) show every
 * member's grants, so they need `get.connected-apps` on `stytch.member`: the permission to read any
 * member's connected apps. (Stytch's SDKs annotate no RBAC action on these two methods; this is the
 * permission whose data they expose.) Else 403 `member_forbidden`.
 *
 * @example
 * const checks = [..., organizationCheck(aliases), authorizeOrganizationView(policy)];
 */
export function authorizeOrganizationView(policy: RbacPolicySource): Check {
  const check = { resource_id: RBAC.member, action: RBAC.list };
  return function authorizeOrganizationView(exchange) {
    const session = callerOf(exchange);
    return withPolicy(policy, (current) => mustAllow(rolesAllow(current, session.roles, check), RBAC.list));
  };
}

/** The member session the session check left (B2B sessions always name their organization). */
function callerOf(exchange: Exchange): VerifiedSession & { organization: OrganizationClaim } {
  const { session } = exchange;
  if (session?.organization === undefined) throw new ProxyError('session_required');
  return session as VerifiedSession & { organization: OrganizationClaim };
}

/** Runs `decide` on the policy: synchronously while it is cached, after the fetch otherwise. */
function withPolicy(
  source: RbacPolicySource,
  decide: (policy: RbacPolicy) => void | Promise<void>,
): void | Promise<void> {
  const policy = source.get();
  return policy instanceof Promise ? policy.then(decide) : decide(policy);
}

function mustAllow(allowed: boolean, action: string): void {
  if (!allowed) throw forbidden(`${action} on the member's own apps (stytch.self)`);
}

function forbidden(missing: string): ProxyError {
  return new ProxyError('member_forbidden', { cause: `the session's roles do not grant ${missing}` });
}
