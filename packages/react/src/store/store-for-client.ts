import type { ConnectedAppsClient } from '@connected-apps/core';
import { ConnectedAppsStore } from './connected-apps-store.ts';

// Keyed weakly by client: a provider and a hook given the same client share lists and in-flight revokes,
// and a client that is dropped takes its store with it. Nothing here touches `window`, so SSR can import it.
const stores = new WeakMap<ConnectedAppsClient, ConnectedAppsStore>();

/** The one store of a client. */
export function storeForClient(client: ConnectedAppsClient): ConnectedAppsStore {
  let store = stores.get(client);
  if (!store) {
    store = new ConnectedAppsStore(client);
    stores.set(client, store);
  }
  return store;
}
