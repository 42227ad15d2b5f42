import type {
  ConnectedApp,
  ConnectedAppsClient,
  ConnectedAppsError,
  UsersRevokeResponse,
} from '@connected-apps/core';
import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { toConnectedAppsError } from '../store/to-connected-apps-error.ts';
import type { RevokeVariables } from '../types.ts';
import { connectedAppsQueryKey } from './query-key.ts';

/** What `onMutate` hands on: the app it took out of the cached list, and where it stood. */
export interface RevokeMutationContext {
  removed: { app: ConnectedApp; index: number } | undefined;
}

/**
 * `useMutation` options that revoke an app through our client, optimistically: the app leaves the
 * cached `connectedAppsQueryOptions` list of that user at once, comes back in its place if the revoke
 * fails, and the list is invalidated (refetched) once the revoke settles either way.
 *
 * @example
 * const revoke = useMutation(revokeConnectedAppMutationOptions(client, queryClient));
 * revoke.mutate({ user_id, connected_app_id });
 * revoke.error?.request_id; // a ConnectedAppsError
 */
export function revokeConnectedAppMutationOptions(client: ConnectedAppsClient, queryClient: QueryClient) {
  return mutationOptions<UsersRevokeResponse, ConnectedAppsError, RevokeVariables, RevokeMutationContext>({
    mutationKey: ['connected-apps', 'revoke'],
    mutationFn: async ({ user_id, connected_app_id }) => {
      try {
        return await client.users.revoke({ user_id, connected_app_id });
      } catch (error) {
        throw toConnectedAppsError(error);
      }
    },
    onMutate: async ({ user_id, connected_app_id }) => {
      const queryKey = connectedAppsQueryKey(user_id);
      // A list answer already on its way would otherwise bring the app back.
      await queryClient.cancelQueries({ queryKey });
      const apps = queryClient.getQueryData<ConnectedApp[]>(queryKey) ?? [];
      const index = apps.findIndex((app) => app.connected_app_id === connected_app_id);
      if (index < 0) return { removed: undefined };
      queryClient.setQueryData<ConnectedApp[]>(
        queryKey,
        apps.filter((_, at) => at !== index),
      );
      return { removed: { app: apps[index]!, index } };
    },
    onError: (_error, { user_id }, context) => {
      const removed = context?.removed;
      if (!removed) return;
      // Put back only this app, in its place: another revoke in flight keeps its own removal.
      queryClient.setQueryData<ConnectedApp[]>(connectedAppsQueryKey(user_id), (apps) =>
        !apps || apps.some((app) => app.connected_app_id === removed.app.connected_app_id)
          ? apps
          : [...apps.slice(0, removed.index), removed.app, ...apps.slice(removed.index)],
      );
    },
    onSettled: (_data, _error, { user_id }) =>
      queryClient.invalidateQueries({ queryKey: connectedAppsQueryKey(user_id) }),
  });
}
