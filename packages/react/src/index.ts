export type { ConnectedAppsProviderProps } from './provider.tsx';
export { ConnectedAppsProvider, useConnectedAppsClient } from './provider.tsx';
export type {
  ConnectedAppsErrorResult,
  ConnectedAppsPendingResult,
  ConnectedAppsStatus,
  ConnectedAppsSuccessResult,
  MutationActions,
  MutationCallbacks,
  MutationErrorResult,
  MutationIdleResult,
  MutationPendingResult,
  MutationResult,
  MutationSuccessResult,
  QueryErrorResult,
  QueryPendingResult,
  QueryResult,
  QuerySuccessResult,
  RevokeActions,
  RevokeAllCallbacks,
  RevokeAllVariables,
  RevokeCallbacks,
  RevokeErrorResult,
  RevokeIdleResult,
  RevokePendingResult,
  RevokeStatus,
  RevokeSuccessResult,
  RevokeVariables,
  UseConnectedAppsOptions,
  UseConnectedAppsResult,
  UseRevokeAllConnectedAppsOptions,
  UseRevokeAllConnectedAppsResult,
  UseRevokeConnectedAppOptions,
  UseRevokeConnectedAppResult,
} from './types.ts';
export { useConnectedApps } from './use-connected-apps.ts';
export { useRevokeAllConnectedApps } from './use-revoke-all-connected-apps.ts';
export { useRevokeConnectedApp } from './use-revoke-connected-app.ts';
