'use client';

import { useConnectedAppsClient } from './provider.tsx';
import { revokeAll } from './store/revoke-all.ts';
import { storeForClient } from './store/store-for-client.ts';
import type { UseRevokeAllConnectedAppsOptions, UseRevokeAllConnectedAppsResult } from './types.ts';
import { useMutation } from './use-mutation.ts';

/**
 * Revokes every connected app of a user through the proxy's revoke-all (a proxy-only route: Stytch
 * has no such call), with the same conventions as `useRevokeConnectedApp()`: `revoke`, `revokeAsync`,
 * `status`, `isPending`, `data`, `error`, `variables`, `reset`, callbacks.
 *
 * `success` means the proxy answered with its envelope: every app revoked (`data.status_code` 200) or
 * some failed (207, each with its `error`). The revoked apps leave every mounted `useConnectedApps()` of
 * that user; the failed ones stay. `error` is for a call that failed as a whole (refused, list failed).
 * A second call while one is in flight joins it. Needs `createProxyClient`'s client.
 *
 * @example
 * const { revoke, isPending, data } = useRevokeAllConnectedApps();
 * <button disabled={isPending} onClick={() => revoke({ user_id })}>Revoke all</button>
 * const failed = data?.connected_apps.filter((app) => app.outcome === 'failed') ?? [];
 */
export function useRevokeAllConnectedApps(
  options: UseRevokeAllConnectedAppsOptions = {},
): UseRevokeAllConnectedAppsResult {
  const store = storeForClient(useConnectedAppsClient(options.client));
  return useMutation(store, options, (variables) => revokeAll(store, variables));
}
