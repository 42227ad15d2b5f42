'use client';

import { useMutation } from '../use-mutation.ts';
import { useConnectedAppsB2BClient } from './provider.tsx';
import { b2bStoreForClient } from './store/b2b-store-for-client.ts';
import type { UseRevokeMemberConnectedAppOptions, UseRevokeMemberConnectedAppResult } from './types.ts';

/**
 * Revokes a member's app (`organizations.members.connectedApps.revoke` through the proxy): a member's
 * own, or, for a member whose roles allow it, another member's of the same organization. The
 * conventions of `useRevokeConnectedApp()`: `revoke` (never rejects), `revokeAsync` (a promise),
 * `status`, `isPending`, `data`, `error`, `variables`, `reset`, callbacks.
 *
 * A successful revoke removes the app from every mounted `useMemberConnectedApps()` of that member and
 * the member from every mounted `useOrganizationConnectedApp()` of that app (at once with
 * `optimistic: true`, rolled back on failure). A revoke of the same member's app already in flight
 * is joined instead of sent twice.
 *
 * @example
 * const { revoke, isPending, error } = useRevokeMemberConnectedApp();
 * <button disabled={isPending} onClick={() => revoke({ organization_id, member_id, connected_app_id })}>Revoke</button>
 */
export function useRevokeMemberConnectedApp(
  options: UseRevokeMemberConnectedAppOptions = {},
): UseRevokeMemberConnectedAppResult {
  const store = b2bStoreForClient(useConnectedAppsB2BClient(options.client));
  return useMutation(store, options, (variables, latest) =>
    store.revoke(variables, { optimistic: latest.optimistic === true }),
  );
}
