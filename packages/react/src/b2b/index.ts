/**
 * `@connected-apps/react/b2b`: hooks for Stytch B2B, where the one who revokes is an organization's
 * member: a member's own connected apps and their revoke, and an admin's views of the organization's
 * apps and who installed them. Apart from the consumer hooks' entry, so a consumer page ships none of it.
 */
export type {
  MutationActions,
  MutationCallbacks,
  MutationResult,
  QueryErrorResult,
  QueryPendingResult,
  QueryResult,
  QuerySuccessResult,
} from '../types.ts';
export type { ConnectedAppsB2BProviderProps } from './provider.tsx';
export { ConnectedAppsB2BProvider, useConnectedAppsB2BClient } from './provider.tsx';
export type {
  IdsOrUnknown,
  MemberConnectedAppsIds,
  OrganizationConnectedAppDetails,
  OrganizationConnectedAppIds,
  OrganizationConnectedAppsIds,
  RevokeMemberCallbacks,
  RevokeMemberResponse,
  RevokeMemberVariables,
  UseB2BQueryOptions,
  UseMemberConnectedAppsResult,
  UseOrganizationConnectedAppResult,
  UseOrganizationConnectedAppsResult,
  UseRevokeMemberConnectedAppOptions,
  UseRevokeMemberConnectedAppResult,
} from './types.ts';
export { useMemberConnectedApps } from './use-member-connected-apps.ts';
export { useOrganizationConnectedApp } from './use-organization-connected-app.ts';
export { useOrganizationConnectedApps } from './use-organization-connected-apps.ts';
export { useRevokeMemberConnectedApp } from './use-revoke-member-connected-app.ts';
