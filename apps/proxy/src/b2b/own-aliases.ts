import { isStytchApiError, type StytchB2BClient } from '@connected-apps/core';
import { LRUCache } from 'lru-cache';
import { entryBound } from '../cache/entry-bound.ts';
import { ProxyError } from '../errors/proxy-error.ts';
import { upstreamFailureType } from '../upstream/upstream-failure.ts';

/** Aliases are kept this long: a renamed slug or external id keeps naming its owner for at most 5 minutes. */
export const ALIAS_CACHE_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

/**
 * The other names Stytch accepts for the caller's **own** organization and member, so that a path
 * naming them by slug or external id is recognized as the caller's own. Only the caller's own records
 * are ever looked up, never the one a path names: what the path says cannot choose a Stytch call.
 */
export interface OwnAliases {
  /** The organization's slug and external id (`organizations.get`). */
  organization(organization_id: string): Promise<readonly string[]>;
  /** The member's external id, if it has one (`organizations.members.get`). */
  member(organization_id: string, member_id: string): Promise<readonly string[]>;
}

/**
 * {@link OwnAliases} through the proxy's B2B Stytch client, cached for {@link ALIAS_CACHE_MS} (bounded,
 * least recently used dropped first; `lru-cache`'s `fetch` shares one call between concurrent
 * requests). A record Stytch does not find (404) has no aliases, so the path's name is not the
 * caller's; a call that fails otherwise rejects with the upstream `ProxyError` and is not cached.
 *
 * Staleness is harmless by construction: whichever alias matches, the B2B routes forward the caller's
 * canonical organization and member ids, never the alias.
 *
 * @example
 * const aliases = createOwnAliases(b2b, shutdown.signal);
 * (await aliases.organization(session.organization.organization_id)).includes('acme');
 */
export function createOwnAliases(stytch: StytchB2BClient, signal?: AbortSignal): OwnAliases {
  const options = { signal };
  const organizations = new LRUCache<string, readonly string[]>({
    ...entryBound(MAX_ENTRIES),
    ttl: ALIAS_CACHE_MS,
    fetchMethod: (organization_id) =>
      lookUp(async () => {
        const { organization } = await stytch.organizations.get({ organization_id }, options);
        return [organization.organization_slug, organization.organization_external_id];
      }),
  });
  const members = new LRUCache<string, readonly string[], { organization_id: string; member_id: string }>({
    ...entryBound(MAX_ENTRIES),
    ttl: ALIAS_CACHE_MS,
    fetchMethod: (_key, _stale, { context }) =>
      lookUp(async () => [(await stytch.organizations.members.get(context, options)).member.external_id]),
  });
  return {
    organization: async (organization_id) => (await organizations.fetch(organization_id)) ?? [],
    member: async (organization_id, member_id) =>
      (await members.fetch(`${organization_id}\n${member_id}`, {
        context: { organization_id, member_id },
      })) ?? [],
  };
}

async function lookUp(read: () => Promise<(string | undefined)[]>): Promise<readonly string[]> {
  try {
    return (await read()).filter((alias): alias is string => typeof alias === 'string' && alias !== '');
  } catch (cause) {
    if (isStytchApiError(cause) && cause.status_code === 404) return [];
    throw new ProxyError(upstreamFailureType(cause) ?? 'upstream_unavailable', { cause });
  }
}
