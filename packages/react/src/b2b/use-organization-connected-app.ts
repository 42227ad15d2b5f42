'use client';

import { useSharedQuery } from '../use-shared-query.ts';
import { useConnectedAppsB2BClient } from './provider.tsx';
import { b2bStoreForClient } from './store/b2b-store-for-client.ts';
import type {
  IdsOrUnknown,
  OrganizationConnectedAppIds,
  UseB2BQueryOptions,
  UseOrganizationConnectedAppResult,
} from './types.ts';

/**
 * An admin's per-app view: one app of the organization and the members who have it installed,
 * `data.active_members` (`organizations.getConnectedApp` through the proxy). Shared by every mounted
 * view of the same app; a member revoked through `useRevokeMemberConnectedApp()` leaves
 * `active_members`.
 *
 * @example
 * const app = useOrganizationConnectedApp({ organization_id, connected_app_id });
 * app.data?.active_members.map((member) => member.member_id);
 */
export function useOrganizationConnectedApp(
  { organization_id, connected_app_id }: IdsOrUnknown<OrganizationConnectedAppIds>,
  options: UseB2BQueryOptions = {},
): UseOrganizationConnectedAppResult {
  const store = b2bStoreForClient(useConnectedAppsB2BClient(options.client));
  const enabled = options.enabled ?? true;
  return useSharedQuery(
    () =>
      enabled && organization_id && connected_app_id
        ? store.organizationApp(organization_id, connected_app_id)
        : undefined,
    [store, organization_id, connected_app_id, enabled],
  );
}
