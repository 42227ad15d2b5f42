import {
  b2bMembersConnectedApps,
  b2bMembersGet,
  b2bMembersRevoke,
  b2bOrganizationConnectedApp,
  b2bOrganizationConnectedApps,
  b2bOrganizationsGet,
  b2bRbacPolicy,
  b2bSessionsAuthenticate,
  b2bSessionsGetJWKS,
  MEMBER_SESSION_HEADER,
  MEMBER_SESSION_JWT_HEADER,
} from '../wire/b2b-routes.ts';
import {
  isB2BSessionsAuthenticateResponse,
  isMemberConnectedAppsResponse,
  isMembersGetResponse,
  isOrganizationConnectedAppResponse,
  isOrganizationConnectedAppsResponse,
  isOrganizationsGetResponse,
  isRbacPolicyResponse,
} from '../wire/b2b-shape-guards.ts';
import type { B2BMemberAuthorization } from '../wire/b2b-shapes.ts';
import type { StytchRoute } from '../wire/route.ts';
import { isJwksResponse, isRevokeResponse } from '../wire/shape-guards.ts';
import type { B2BProxyClient, B2BRequestOptions, StytchB2BClient } from './b2b-types.ts';
import { operation, sessionCredential } from './operations.ts';
import { type ClientConfig, invalidOption } from './options.ts';
import { request } from './request.ts';

// `organizations.members.get` names the member in the query (SDK: `GET …/member` with `params:
// { member_id }`); filling it as a template parameter puts it under the same rule and encoding as a
// path segment, with no query handling in the request path.
const membersGet = { ...b2bMembersGet, template: `${b2bMembersGet.template}?member_id={member_id}` };

/**
 * The B2B operation table, as `operations.ts` is the consumer's. The proxy client gets the
 * connected-apps operations (all the proxy serves to browsers); the Stytch client also gets the
 * lookups, the session checks and the RBAC policy, and lets each connected-apps call run with a
 * member's permissions (`authorization`). A bundle with only consumer clients has none of this.
 */
export function b2bProxyOperations(config: ClientConfig): B2BProxyClient {
  return {
    organizations: {
      connectedApps: operation(config, b2bOrganizationConnectedApps, isOrganizationConnectedAppsResponse),
      getConnectedApp: operation(config, b2bOrganizationConnectedApp, isOrganizationConnectedAppResponse),
      members: {
        getConnectedApps: operation(config, b2bMembersConnectedApps, isMemberConnectedAppsResponse),
        connectedApps: { revoke: operation(config, b2bMembersRevoke, isRevokeResponse) },
      },
    },
  };
}

/** {@link b2bProxyOperations} with member authorization, plus lookups, sessions and the RBAC policy. */
export function stytchB2BOperations(config: ClientConfig): StytchB2BClient {
  // A connected-apps operation that may run with a member's permissions. Async, so that a bad
  // `authorization` rejects like every other invalid input.
  const asMember =
    <P, T extends { request_id: string }>(route: StytchRoute, isExpected: (json: unknown) => json is T) =>
    async (params: P, options?: B2BRequestOptions): Promise<T> =>
      request(
        withMemberAuthorization(config, options?.authorization),
        { ...route, params, isExpected },
        options,
      );
  return {
    organizations: {
      get: operation(config, b2bOrganizationsGet, isOrganizationsGetResponse),
      connectedApps: asMember(b2bOrganizationConnectedApps, isOrganizationConnectedAppsResponse),
      getConnectedApp: asMember(b2bOrganizationConnectedApp, isOrganizationConnectedAppResponse),
      members: {
        get: operation(config, membersGet, isMembersGetResponse),
        getConnectedApps: asMember(b2bMembersConnectedApps, isMemberConnectedAppsResponse),
        connectedApps: { revoke: asMember(b2bMembersRevoke, isRevokeResponse) },
      },
    },
    sessions: {
      authenticate: (params, options) =>
        request(
          config,
          {
            ...b2bSessionsAuthenticate,
            params: {},
            body: sessionCredential(params),
            isExpected: isB2BSessionsAuthenticateResponse,
          },
          options,
        ),
      getJWKS: operation(config, b2bSessionsGetJWKS, isJwksResponse),
    },
    rbac: {
      policy: (options) =>
        request(config, { ...b2bRbacPolicy, params: {}, isExpected: isRbacPolicyResponse }, options),
    },
  };
}

/**
 * The config of one call run with a member's permissions: the member's session token or JWT as
 * Stytch's headers, beside the client's Basic auth, and among the values redacted from every error.
 */
function withMemberAuthorization(
  config: ClientConfig,
  authorization: B2BMemberAuthorization | undefined,
): ClientConfig {
  if (authorization === undefined) return config;
  const headers: Record<string, string> = {};
  for (const [field, header] of [
    ['session_token', MEMBER_SESSION_HEADER],
    ['session_jwt', MEMBER_SESSION_JWT_HEADER],
  ] as const) {
    const value = authorization[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '')
      invalidOption(`authorization.${field}`, 'a non-empty string');
    headers[header.toLowerCase()] = value;
  }
  const secrets = Object.values(headers);
  return {
    ...config,
    callCredentials: () => {
      const client = config.callCredentials();
      return { headers: { ...client.headers, ...headers }, secrets: [...client.secrets, ...secrets] };
    },
  };
}
