'use client';

import { useConnectedAppsClient } from './provider.tsx';
import { storeForClient } from './store/store-for-client.ts';
import type { UseConnectedAppsOptions, UseConnectedAppsResult } from './types.ts';
import { useSharedQuery } from './use-shared-query.ts';

/**
 * Lists a user's connected apps. Every mounted list of the same user shares one state and one request;
 * the list loads on mount and leaves out apps as they are revoked through `useRevokeConnectedApp()`.
 * Pass `null`/`undefined` (or `enabled: false`) to wait, for example until the user is known.
 *
 * @example
 * const apps = useConnectedApps(user_id);
 * if (apps.status === 'pending') return <Spinner />;
 * if (apps.status === 'error') return <p>{apps.error.error_message} ({apps.error.request_id})</p>;
 * return apps.data.map((app) => <AppRow key={app.connected_app_id} app={app} />);
 */
export function useConnectedApps(
  user_id: string | null | undefined,
  options: UseConnectedAppsOptions = {},
): UseConnectedAppsResult {
  const store = storeForClient(useConnectedAppsClient(options.client));
  const enabled = options.enabled ?? true;
  return useSharedQuery(
    () => (enabled && user_id ? store.query(user_id) : undefined),
    [store, user_id, enabled],
  );
}
