'use client';

import { useSharedQuery } from '../use-shared-query.ts';
import { useConnectedAppsB2BClient } from './provider.tsx';
import { b2bStoreForClient } from './store/b2b-store-for-client.ts';
import type {
  IdsOrUnknown,
  MemberConnectedAppsIds,
  UseB2BQueryOptions,
  UseMemberConnectedAppsResult,
} from './types.ts';

/**
 * Lists the apps a member of an organization has authorized (`organizations.members.getConnectedApps`
 * through the proxy). Every mounted list of the same member shares one state and one request; an app
 * revoked through `useRevokeMemberConnectedApp()` leaves it. An id that is `null`/`undefined` (or
 * `enabled: false`) holds the request.
 *
 * @example
 * const apps = useMemberConnectedApps({ organization_id, member_id });
 * if (apps.status === 'error') return <p>{apps.error.error_message} ({apps.error.request_id})</p>;
 */
export function useMemberConnectedApps(
  { organization_id, member_id }: IdsOrUnknown<MemberConnectedAppsIds>,
  options: UseB2BQueryOptions = {},
): UseMemberConnectedAppsResult {
  const store = b2bStoreForClient(useConnectedAppsB2BClient(options.client));
  const enabled = options.enabled ?? true;
  return useSharedQuery(
    () =>
      enabled && organization_id && member_id ? store.memberApps(organization_id, member_id) : undefined,
    [store, organization_id, member_id, enabled],
  );
}
