import { b2bProxyOperations } from './b2b-operations.ts';
import type { B2BProxyClient } from './b2b-types.ts';
import { type ProxyClientOptions, proxyClientConfig } from './create-proxy-client.ts';

/**
 * The browser's client of the proxy's B2B routes: a member's connected apps and their revoke, and the
 * organization's admin views, on Stytch's B2B paths under the proxy's base path. Same options and
 * errors as {@link createProxyClient}; apart from it, so that a consumer page never bundles B2B.
 *
 * @example
 * const client = createB2BProxyClient({ baseUrl: '/api', headers: { 'x-csrf-token': token } });
 * const { connected_apps } = await client.organizations.members.getConnectedApps({ organization_id, member_id });
 */
export function createB2BProxyClient(options: ProxyClientOptions): B2BProxyClient {
  return b2bProxyOperations(proxyClientConfig(options));
}
