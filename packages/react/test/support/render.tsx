import type { ConnectedAppsClient } from '@connected-apps/core';
import { type ReactNode, StrictMode } from 'react';
import { ConnectedAppsProvider } from '../../src/index.ts';

/** A `wrapper` for `render`/`renderHook`: the provider, optionally inside `<StrictMode>`. */
export function providerWrapper(client: ConnectedAppsClient, { strict = false } = {}) {
  return function Wrapper({ children }: { children?: ReactNode }) {
    const tree = <ConnectedAppsProvider client={client}>{children}</ConnectedAppsProvider>;
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
}
