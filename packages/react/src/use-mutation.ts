'use client';

import type { ConnectedAppsClient } from '@connected-apps/core';
import { useEffect, useSyncExternalStore } from 'react';
import { useConnectedAppsClient } from './provider.tsx';
import type { ConnectedAppsStore } from './store/connected-apps-store.ts';
import { MutationObserver } from './store/mutation-observer.ts';
import { storeForClient } from './store/store-for-client.ts';
import type { MutationCallbacks, MutationResult } from './types.ts';
import { useObserver } from './use-observer.ts';

/**
 * What every mutation hook does: the client's store, one observer per store, the latest options
 * handed to it after each render, and its result through `useSyncExternalStore`.
 */
export function useMutation<V, D, O extends MutationCallbacks<V, D> & { client?: ConnectedAppsClient }>(
  options: O,
  start: (store: ConnectedAppsStore, variables: V, latest: O) => Promise<D>,
): MutationResult<V, D> {
  const store = storeForClient(useConnectedAppsClient(options.client));
  // One observer per store (a new client is a new store, so a new observer). Creating one has no side
  // effects, so StrictMode's double render is harmless; later options reach it through the effect below.
  const observer = useObserver(
    () => new MutationObserver<V, D, O>((variables, latest) => start(store, variables, latest), options),
    [store],
  );
  useEffect(() => {
    observer.setOptions(options);
  }, [observer, options]);
  return useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getSnapshot);
}
