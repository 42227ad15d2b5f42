'use client';

import type { ConnectedAppsClient } from '@connected-apps/core';
import { createContext, type ReactNode, useContext } from 'react';

const ClientContext = createContext<ConnectedAppsClient | undefined>(undefined);

/** Props of `<ConnectedAppsProvider>`. */
export interface ConnectedAppsProviderProps {
  /** Usually `createProxyClient({ baseUrl: '/api' })`; create it once, outside render. */
  client: ConnectedAppsClient;
  children?: ReactNode;
}

/**
 * Supplies the client to every hook below it. Hooks given the same client (here or through their
 * `client` option) share one store: the same lists and the same in-flight revokes.
 *
 * @example
 * const client = createProxyClient({ baseUrl: '/api' });
 * root.render(<ConnectedAppsProvider client={client}><App /></ConnectedAppsProvider>);
 */
export function ConnectedAppsProvider({ client, children }: ConnectedAppsProviderProps) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

/**
 * The client of the nearest `<ConnectedAppsProvider>`, or the one given.
 * @throws Error when there is neither, naming the fix.
 */
export function useConnectedAppsClient(client?: ConnectedAppsClient): ConnectedAppsClient {
  const fromContext = useContext(ClientContext);
  const resolved = client ?? fromContext;
  if (!resolved) {
    throw new Error(
      'No connected-apps client: wrap the tree in <ConnectedAppsProvider client={...}> or pass { client } to the hook.',
    );
  }
  return resolved;
}
