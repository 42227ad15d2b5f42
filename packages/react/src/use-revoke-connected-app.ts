'use client';

import type { UsersRevokeResponse } from '@connected-apps/core';
import { useEffect, useSyncExternalStore } from 'react';
import { useConnectedAppsClient } from './provider.tsx';
import { MutationObserver } from './store/mutation-observer.ts';
import { storeForClient } from './store/store-for-client.ts';
import type { RevokeVariables, UseRevokeConnectedAppOptions, UseRevokeConnectedAppResult } from './types.ts';
import { useObserver } from './use-observer.ts';

/**
 * Revokes a connected app, with TanStack Query's mutation conventions: `revoke` (never rejects),
 * `revokeAsync` (a promise), `status`, `isPending`, `data`, `error`, `variables`, `reset`.
 *
 * A successful revoke removes the app from every mounted `useConnectedApps()` of that user (at once
 * with `optimistic: true`, rolled back on failure). Revoking an app that is already being revoked
 * joins that request instead of sending a second one.
 *
 * @example
 * const { revoke, isPending, error } = useRevokeConnectedApp({ onSuccess: () => toast('Access removed') });
 * <button disabled={isPending} onClick={() => revoke({ user_id, connected_app_id })}>Revoke</button>
 */
export function useRevokeConnectedApp(
  options: UseRevokeConnectedAppOptions = {},
): UseRevokeConnectedAppResult {
  const store = storeForClient(useConnectedAppsClient(options.client));
  // One observer per store (a new client is a new store, so a new observer). Creating one has no side
  // effects, so StrictMode's double render is harmless; later options reach it through the effect below.
  const observer = useObserver(
    () =>
      new MutationObserver<RevokeVariables, UsersRevokeResponse, UseRevokeConnectedAppOptions>(
        (variables, latest) => store.revoke(variables, { optimistic: latest.optimistic === true }),
        options,
      ),
    [store],
  );
  useEffect(() => {
    observer.setOptions(options);
  }, [observer, options]);
  return useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getSnapshot);
}
