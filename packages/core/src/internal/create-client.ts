import type { RequestOptions, StytchClient } from '../types.ts';
import { STYTCH_ROUTES } from '../wire/routes.ts';
import {
  isConnectedAppsResponse,
  isJwksResponse,
  isRevokeResponse,
  isSessionsAuthenticateResponse,
} from '../wire/shape-guards.ts';
import type { ClientConfig } from './client-config.ts';
import { execute } from './execute.ts';
import type { Operation } from './operation.ts';

/** The one implementation behind both constructors: Stytch's routes over a {@link ClientConfig}. */
export function createClient(config: ClientConfig): StytchClient {
  const call = <T extends { request_id: string }>(operation: Operation<T>, options?: RequestOptions) =>
    execute(config, operation, options);
  return {
    users: {
      revoke: (params, options) =>
        call({ ...STYTCH_ROUTES.usersRevoke, params, isExpected: isRevokeResponse }, options),
      connectedApps: (params, options) =>
        call({ ...STYTCH_ROUTES.usersConnectedApps, params, isExpected: isConnectedAppsResponse }, options),
    },
    sessions: {
      authenticate: (params, options) =>
        call(
          {
            ...STYTCH_ROUTES.sessionsAuthenticate,
            params: {},
            body: sessionCredential(params),
            isExpected: isSessionsAuthenticateResponse,
          },
          options,
        ),
      getJWKS: (params, options) =>
        call({ ...STYTCH_ROUTES.sessionsGetJWKS, params, isExpected: isJwksResponse }, options),
    },
  };
}

// Only the credential goes to Stytch, whatever else the caller's object carries.
function sessionCredential(params: { session_token?: string; session_jwt?: string }) {
  return params.session_jwt !== undefined
    ? { session_jwt: params.session_jwt }
    : { session_token: params.session_token };
}
