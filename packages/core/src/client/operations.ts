import { b2bMembersRevocations, usersRevocations, usersRevokeAll } from '../wire/proxy-routes.ts';
import {
  type StytchRoute,
  sessionsAuthenticate,
  sessionsGetJWKS,
  usersConnectedApps,
  usersRevoke,
} from '../wire/routes.ts';
import {
  isConnectedAppsResponse,
  isJwksResponse,
  isRevocationsResponse,
  isRevokeAllResponse,
  isRevokeResponse,
  isSessionsAuthenticateResponse,
} from '../wire/shape-guards.ts';
import type { SessionsAuthenticateRequest } from '../wire/shapes.ts';
import type { ClientConfig } from './options.ts';
import { request } from './request.ts';
import type {
  ConnectedAppsClient,
  ProxyClient,
  RequestOptions,
  RevocationHistoryClient,
  StytchClient,
} from './types.ts';

/** One operation of a route: its path parameters in, the success shape out (checked by `isExpected`). */
export function operation<P, T extends { request_id: string }>(
  config: ClientConfig,
  route: StytchRoute,
  isExpected: (json: unknown) => json is T,
) {
  return (params: P, options?: RequestOptions): Promise<T> =>
    request(config, { ...route, params, isExpected }, options);
}

/**
 * The operation table: each Stytch route with its success shape, over one {@link ClientConfig}.
 * The proxy client gets the `users` operations (all the proxy serves); the Stytch client also gets
 * `sessions`. Separate functions, so a browser bundle leaves the session operations out.
 */
export function usersOperations(config: ClientConfig): ConnectedAppsClient {
  return {
    users: {
      revoke: operation(config, usersRevoke, isRevokeResponse),
      connectedApps: operation(config, usersConnectedApps, isConnectedAppsResponse),
    },
  };
}

/** {@link usersOperations} plus the proxy's own revoke-all (Stytch has no such call). */
export function proxyOperations(config: ClientConfig): ProxyClient {
  const client = usersOperations(config) as ProxyClient;
  client.users.revokeAll = operation(config, usersRevokeAll, isRevokeAllResponse);
  return client;
}

/** {@link usersOperations} plus Stytch's session checks. */
export function stytchOperations(config: ClientConfig): StytchClient {
  return {
    ...usersOperations(config),
    sessions: {
      authenticate: (params, options) =>
        request(
          config,
          {
            ...sessionsAuthenticate,
            params: {},
            body: sessionCredential(params),
            isExpected: isSessionsAuthenticateResponse,
          },
          options,
        ),
      getJWKS: operation(config, sessionsGetJWKS, isJwksResponse),
    },
  };
}

// Only the credential goes to Stytch, whatever else the caller's object carries.
export function sessionCredential(params: SessionsAuthenticateRequest | undefined) {
  return params?.session_jwt !== undefined
    ? { session_jwt: params.session_jwt }
    : { session_token: params?.session_token };
}

/**
 * The proxy's revocation history (`users.revocations`), apart from {@link proxyOperations} so a page
 * that never shows it does not ship it: `limit` and `cursor` go in the query string.
 */
export function revocationOperations(config: ClientConfig): RevocationHistoryClient {
  return {
    users: {
      revocations: ({ user_id, limit, cursor }, options) => {
        const route = { ...usersRevocations, params: { user_id }, query: pageQuery(limit, cursor) };
        return request(config, { ...route, isExpected: isRevocationsResponse }, options);
      },
    },
    organizations: {
      members: {
        revocations: ({ organization_id, member_id, limit, cursor }, options) => {
          const params = { organization_id, member_id };
          const route = { ...b2bMembersRevocations, params, query: pageQuery(limit, cursor) };
          return request(config, { ...route, isExpected: isRevocationsResponse }, options);
        },
      },
    },
  };
}

/** A history page's query string: `limit` and `cursor` when given. */
function pageQuery(limit: number | undefined, cursor: string | undefined): string {
  const search = new URLSearchParams();
  if (limit !== undefined) search.set('limit', String(limit));
  if (cursor !== undefined) search.set('cursor', cursor);
  return search.size === 0 ? '' : `?${search}`;
}
