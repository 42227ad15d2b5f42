import type { ConnectedAppsClient } from '@connected-apps/core';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
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

/**
 * Renders `useHook` with no provider above it and returns what rendering threw. React (and jsdom,
 * for React 18) report an error thrown during render; they are kept quiet so the test output is clean.
 */
export function renderErrorOf(useHook: () => unknown): unknown {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const silence = (event: ErrorEvent) => event.preventDefault();
  window.addEventListener('error', silence);
  try {
    renderHook(useHook);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    window.removeEventListener('error', silence);
    vi.restoreAllMocks();
  }
}
