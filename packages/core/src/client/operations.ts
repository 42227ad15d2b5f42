import { sessionsAuthenticate, sessionsGetJWKS, usersConnectedApps, usersRevoke } from '../wire/routes.ts';
import {
  isConnectedAppsResponse,
  isJwksResponse,
  isRevokeResponse,
  isSessionsAuthenticateResponse,
} from '../wire/shape-guards.ts';
import type { SessionsAuthenticateRequest } from '../wire/shapes.ts';
import type { ClientConfig } from './options.ts';
import { request } from './request.ts';
import type { ConnectedAppsClient, StytchClient } from './types.ts';

/**
 * The operation table: each Stytch route with its success shape, over one {@link ClientConfig}.
 * The proxy client gets the `users` operations (all the proxy serves); the Stytch client also gets
 * `sessions`. Two functions, so a browser bundle leaves the session operations out.
 */
export function usersOperations(config: ClientConfig): ConnectedAppsClient {
  return {
    users: {
      revoke: (params, options) =>
        request(config, { ...usersRevoke, params, isExpected: isRevokeResponse }, options),
      connectedApps: (params, options) =>
        request(config, { ...usersConnectedApps, params, isExpected: isConnectedAppsResponse }, options),
    },
  };
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
      getJWKS: (params, options) =>
        request(config, { ...sessionsGetJWKS, params, isExpected: isJwksResponse }, options),
    },
  };
}

// Only the credential goes to Stytch, whatever else the caller's object carries.
function sessionCredential(params: SessionsAuthenticateRequest | undefined) {
  return params?.session_jwt !== undefined
    ? { session_jwt: params.session_jwt }
    : { session_token: params?.session_token };
}
