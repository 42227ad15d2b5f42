'use client';

import { useSharedQuery } from '../use-shared-query.ts';
import { useConnectedAppsB2BClient } from './provider.tsx';
import { b2bStoreForClient } from './store/b2b-store-for-client.ts';
import type {
  IdsOrUnknown,
  OrganizationConnectedAppsIds,
  UseB2BQueryOptions,
  UseOrganizationConnectedAppsResult,
} from './types.ts';

/**
 * An admin's view: the apps some member of the organization has installed
 * (`organizations.connectedApps` through the proxy, which lets only members whose roles may see other
 * members' apps ask). Shared by every mounted list of the organization; an app leaves it when a
 * member revoke empties that app's loaded `useOrganizationConnectedApp()` view.
 *
 * @example
 * const apps = useOrganizationConnectedApps({ organization_id });
 */
export function useOrganizationConnectedApps(
  { organization_id }: IdsOrUnknown<OrganizationConnectedAppsIds>,
  options: UseB2BQueryOptions = {},
): UseOrganizationConnectedAppsResult {
  const store = b2bStoreForClient(useConnectedAppsB2BClient(options.client));
  const enabled = options.enabled ?? true;
  return useSharedQuery(
    () => (enabled && organization_id ? store.organizationApps(organization_id) : undefined),
    [store, organization_id, enabled],
  );
}
