import type { ConnectedApp, ConnectedAppsClient, ConnectedAppsError } from '@connected-apps/core';
import { queryOptions } from '@tanstack/react-query';
import { toConnectedAppsError } from '../store/to-connected-apps-error.ts';
import { connectedAppsQueryKey } from './query-key.ts';

/**
 * `useQuery` options for a user's connected apps, through our client: `data` is `ConnectedApp[]` (as
 * in `useConnectedApps`), `error` a Stytch-shaped `ConnectedAppsError`, and the key typed, so
 * `queryClient.getQueryData(options.queryKey)` knows it too. TanStack's own retry is off because the
 * client already retries what is safe to retry (its `retry` option); spread and override as you like.
 *
 * @example
 * const apps = useQuery(connectedAppsQueryOptions(client, { user_id }));
 * apps.data?.map((app) => app.name);
 */
export function connectedAppsQueryOptions(client: ConnectedAppsClient, { user_id }: { user_id: string }) {
  return queryOptions<
    ConnectedApp[],
    ConnectedAppsError,
    ConnectedApp[],
    ReturnType<typeof connectedAppsQueryKey>
  >({
    queryKey: connectedAppsQueryKey(user_id),
    queryFn: async ({ signal }) => {
      try {
        return (await client.users.connectedApps({ user_id }, { signal })).connected_apps;
      } catch (error) {
        throw toConnectedAppsError(error);
      }
    },
    retry: false,
  });
}
