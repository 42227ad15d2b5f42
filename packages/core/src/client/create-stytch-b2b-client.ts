import { stytchB2BOperations } from './b2b-operations.ts';
import type { StytchB2BClient } from './b2b-types.ts';
import { type StytchClientOptions, stytchClientConfig } from './create-stytch-client.ts';

/**
 * A client of Stytch's B2B API with the project secret (Basic auth), named as the `stytch` SDK's
 * `B2BClient`: a member's connected apps and their revoke, the organization's admin views, the
 * organization and member lookups, member sessions and the RBAC policy. Same options, transport,
 * timeouts, retries and typed errors as {@link createStytchClient}. Server side only.
 *
 * @example
 * const stytch = createStytchB2BClient({ project_id: process.env.STYTCH_PROJECT_ID!, secret: process.env.STYTCH_SECRET! });
 * await stytch.organizations.members.connectedApps.revoke({ organization_id, member_id, connected_app_id });
 */
export function createStytchB2BClient(options: StytchClientOptions): StytchB2BClient {
  return stytchB2BOperations(stytchClientConfig(options));
}
