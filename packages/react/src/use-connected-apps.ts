'use client';

import { useSyncExternalStore } from 'react';
import { useConnectedAppsClient } from './provider.tsx';
import { ConnectedAppsObserver } from './store/connected-apps-observer.ts';
import { storeForClient } from './store/store-for-client.ts';
import type { UseConnectedAppsOptions, UseConnectedAppsResult } from './types.ts';
import { useObserver } from './use-observer.ts';

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
  // A new user is a new observer: React unsubscribes the old one and subscribes (and loads) the new one.
  const observer = useObserver(
    () => new ConnectedAppsObserver(store, user_id, enabled),
    [store, user_id, enabled],
  );
  return useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getSnapshot);
}
