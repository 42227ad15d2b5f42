import { isOrganizationId } from '@connected-apps/core/wire';
import { ProxyError } from '../errors/proxy-error.ts';
import type { Exchange } from '../pipeline/exchange.ts';
import type { Check } from '../pipeline/route.ts';
import type { OwnAliases } from './own-aliases.ts';

/**
 * Nothing crosses organizations: the path's `organization_id` must name the member session's own
 * organization — by its id, by its slug (the session's organization claim carries it), or by its
 * external id (looked up for the session's organization, cached) — else 403 `organization_forbidden`,
 * whatever the member's roles. Another organization's id (`organization-test-…`) is refused without
 * any lookup. The path's value is then replaced by the canonical id, which is what Stytch receives,
 * so an alias can never be resolved by Stytch to some other organization.
 *
 * @example
 * const checks = [b2bPathParams, memberSessionCheck, perUser, organizationCheck(aliases), …];
 */
export function organizationCheck(aliases: OwnAliases): Check {
  return function organizationCheck(exchange) {
    const own = exchange.session?.organization;
    if (own === undefined) throw new ProxyError('session_required');
    const named = exchange.params.organization_id as string;
    if (named === own.organization_id) return;
    if (named === own.slug) return useCanonical(exchange, own.organization_id);
    if (isOrganizationId(named)) throw refusal(named, own.organization_id);
    return aliases.organization(own.organization_id).then((names) => {
      if (!names.includes(named)) throw refusal(named, own.organization_id);
      useCanonical(exchange, own.organization_id);
    });
  };
}

function useCanonical(exchange: Exchange, organization_id: string): void {
  exchange.params = { ...exchange.params, organization_id };
}

function refusal(named: string, own: string): ProxyError {
  return new ProxyError('organization_forbidden', {
    cause: `the path names organization ${JSON.stringify(named)}, the session belongs to ${own}`,
  });
}
