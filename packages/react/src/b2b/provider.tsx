'use client';

import type { ConnectedAppsB2BClient } from '@connected-apps/core';
import { createContext, type ReactNode, useContext } from 'react';

const ClientContext = createContext<ConnectedAppsB2BClient | undefined>(undefined);

/** Props of `<ConnectedAppsB2BProvider>`. */
export interface ConnectedAppsB2BProviderProps {
  /** Usually `createB2BProxyClient({ baseUrl: '/api' })`; create it once, outside render. */
  client: ConnectedAppsB2BClient;
  children?: ReactNode;
}

/**
 * Supplies the B2B client to every B2B hook below it. Hooks given the same client (here or through
 * their `client` option) share one store: the same lists, views and in-flight revokes. Its own
 * context, apart from `<ConnectedAppsProvider>`'s, so a page can have both.
 *
 * @example
 * const client = createB2BProxyClient({ baseUrl: '/api' });
 * root.render(<ConnectedAppsB2BProvider client={client}><App /></ConnectedAppsB2BProvider>);
 */
export function ConnectedAppsB2BProvider({ client, children }: ConnectedAppsB2BProviderProps) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

/**
 * The client of the nearest `<ConnectedAppsB2BProvider>`, or the one given.
 * @throws Error when there is neither, naming the fix.
 */
export function useConnectedAppsB2BClient(client?: ConnectedAppsB2BClient): ConnectedAppsB2BClient {
  const fromContext = useContext(ClientContext);
  const resolved = client ?? fromContext;
  if (!resolved) {
    throw new Error(
      'No connected-apps B2B client: wrap the tree in <ConnectedAppsB2BProvider client={...}> or pass { client } to the hook.',
    );
  }
  return resolved;
}
