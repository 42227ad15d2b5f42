import type { ConnectedAppsClient } from '@connected-apps/core';
import type { ReactNode } from 'react';
import { ConnectedAppsProvider } from '../../src/index.ts';

/**
 * A `wrapper` for `render`/`renderHook`: the provider. For StrictMode pass testing-library's
 * `reactStrictMode: true`, not a `<StrictMode>` in the wrapper: React double-invokes effects only
 * when StrictMode sits above the newly mounted root, which a wrapper's child is not.
 */
export function providerWrapper(client: ConnectedAppsClient) {
  // biome-ignore lint/correctness/noComponentHookFactories: a wrapper bound to one client is testing-library's pattern
  return function Wrapper({ children }: { children?: ReactNode }) {
    return <ConnectedAppsProvider client={client}>{children}</ConnectedAppsProvider>;
  };
}
