'use client';

import { useConnectedAppsClient } from './provider.tsx';
import { storeForClient } from './store/store-for-client.ts';
import type { UseRevokeConnectedAppOptions, UseRevokeConnectedAppResult } from './types.ts';
import { useMutation } from './use-mutation.ts';

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
  return useMutation(store, options, (variables, latest) =>
    store.revoke(variables, { optimistic: latest.optimistic === true }),
  );
}
