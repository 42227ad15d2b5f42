import type {
  B2BOrganizationsGetConnectedAppResponse,
  B2BOrganizationsMembersConnectedAppsRevokeRequest,
  B2BOrganizationsMembersConnectedAppsRevokeResponse,
  ConnectedAppsB2BClient,
  MemberConnectedApp,
  OrganizationConnectedApp,
} from '@connected-apps/core';
import type { MutationCallbacks, MutationResult, QueryResult } from '../types.ts';

/**
 * The ids a B2B list hook needs; each may be `null`/`undefined` while you do not know it yet, and
 * nothing is sent until all are known.
 */
export type IdsOrUnknown<T> = { [K in keyof T]: T[K] | null | undefined };

/** Whose apps `useMemberConnectedApps()` lists, as `organizations.members.getConnectedApps()` takes them. */
export interface MemberConnectedAppsIds {
  /** The organization's id, slug or external id. */
  organization_id: string;
  /** The member's id or external id. */
  member_id: string;
}

/** Which organization `useOrganizationConnectedApps()` lists, as `organizations.connectedApps()` takes it. */
export interface OrganizationConnectedAppsIds {
  organization_id: string;
}

/** Which app `useOrganizationConnectedApp()` shows, as `organizations.getConnectedApp()` takes it. */
export interface OrganizationConnectedAppIds {
  organization_id: string;
  connected_app_id: string;
}

/**
 * What a member revoke needs: the organization, the member and the app, exactly as
 * `client.organizations.members.connectedApps.revoke()` takes them.
 */
export type RevokeMemberVariables = B2BOrganizationsMembersConnectedAppsRevokeRequest;

/** What a member revoke answers: `{ request_id, status_code }`. */
export type RevokeMemberResponse = B2BOrganizationsMembersConnectedAppsRevokeResponse;

/**
 * One app of the organization and the members who have it installed, each with the scopes of their
 * grant (`granted_scopes`, an array): `organizations.getConnectedApp()`'s answer without its
 * `request_id` and `status_code`.
 */
export type OrganizationConnectedAppDetails = Omit<
  B2BOrganizationsGetConnectedAppResponse,
  'request_id' | 'status_code'
>;

/** Options of the B2B list hooks. */
export interface UseB2BQueryOptions {
  /**
   * The client to use instead of the one from `<ConnectedAppsB2BProvider>`.
   * @default the provider's client
   */
  client?: ConnectedAppsB2BClient;
  /**
   * Set to `false` to hold the request (for example until the member is known).
   * @default true
   */
  enabled?: boolean;
}

/** What `useMemberConnectedApps()` returns: a union discriminated on `status`. */
export type UseMemberConnectedAppsResult = QueryResult<MemberConnectedApp[]>;

/** What `useOrganizationConnectedApps()` returns: a union discriminated on `status`. */
export type UseOrganizationConnectedAppsResult = QueryResult<OrganizationConnectedApp[]>;

/** What `useOrganizationConnectedApp()` returns: a union discriminated on `status`. */
export type UseOrganizationConnectedAppResult = QueryResult<OrganizationConnectedAppDetails>;

/** Callbacks for one member revoke. */
export type RevokeMemberCallbacks = MutationCallbacks<RevokeMemberVariables, RevokeMemberResponse>;

/** Options of `useRevokeMemberConnectedApp()`. */
export interface UseRevokeMemberConnectedAppOptions extends RevokeMemberCallbacks {
  /**
   * The client to use instead of the one from `<ConnectedAppsB2BProvider>`.
   * @default the provider's client
   */
  client?: ConnectedAppsB2BClient;
  /**
   * Remove the app from the member's mounted lists, and the member from the app's mounted views, as
   * soon as the revoke starts, and put them back if it fails. Otherwise they leave when it succeeds.
   * @default false
   */
  optimistic?: boolean;
}

/** What `useRevokeMemberConnectedApp()` returns: a union discriminated on `status`. */
export type UseRevokeMemberConnectedAppResult = MutationResult<RevokeMemberVariables, RevokeMemberResponse>;
