import { type ProxyClientOptions, proxyClientConfig } from './create-proxy-client.ts';
import { revocationOperations } from './operations.ts';
import type { RevocationHistoryClient } from './types.ts';

/**
 * A client for the proxy's revocation history (`GET {base}/v1/users/{user_id}/connected_apps/revocations`,
 * and a B2B member's under `/v1/b2b/organizations/{organization_id}/members/{member_id}/…`, read from
 * the proxy's audit trail), with the same options, credentials, retries and errors as
 * {@link createProxyClient}. Its own constructor, so the history costs nothing to pages that never show it.
 *
 * @example
 * const history = createRevocationHistoryClient({ baseUrl: '/api' });
 * const page = await history.users.revocations({ user_id, limit: 20 });
 * const next = page.next_cursor && (await history.users.revocations({ user_id, cursor: page.next_cursor }));
 */
export function createRevocationHistoryClient(options: ProxyClientOptions): RevocationHistoryClient {
  return revocationOperations(proxyClientConfig(options));
}
