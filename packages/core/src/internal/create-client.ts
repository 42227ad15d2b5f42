import type { ConnectedAppsClient } from '../types.ts';
import type { ClientConfig } from './client-config.ts';
import { execute } from './execute.ts';
import { isConnectedAppsResponse, isRevokeResponse } from './validate-response.ts';

/** The one implementation behind both constructors: Stytch's routes over a {@link ClientConfig}. */
export function createClient(config: ClientConfig): ConnectedAppsClient {
  return {
    users: {
      revoke: (params, options) =>
        execute(
          config,
          {
            method: 'POST',
            template: '/v1/users/{user_id}/connected_apps/{connected_app_id}/revoke',
            params,
            isExpected: isRevokeResponse,
          },
          options,
        ),
      connectedApps: (params, options) =>
        execute(
          config,
          {
            method: 'GET',
            template: '/v1/users/{user_id}/connected_apps',
            params,
            isExpected: isConnectedAppsResponse,
          },
          options,
        ),
    },
  };
}
