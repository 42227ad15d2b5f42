import type { ConnectedAppsB2BClient } from '@connected-apps/core';
import { ConnectedAppsB2BStore } from './b2b-store.ts';

// Keyed weakly by client, as the consumer hooks' stores are: a provider and a hook given the same
// client share lists and in-flight revokes, and a dropped client takes its store with it.
const stores = new WeakMap<ConnectedAppsB2BClient, ConnectedAppsB2BStore>();

/** The one B2B store of a client. */
export function b2bStoreForClient(client: ConnectedAppsB2BClient): ConnectedAppsB2BStore {
  let store = stores.get(client);
  if (!store) {
    store = new ConnectedAppsB2BStore(client);
    stores.set(client, store);
  }
  return store;
}
