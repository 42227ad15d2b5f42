export type { ConnectedAppsProviderProps } from './provider.tsx';
export { ConnectedAppsProvider, useConnectedAppsClient } from './provider.tsx';
export type {
  ConnectedAppsErrorResult,
  ConnectedAppsPendingResult,
  ConnectedAppsStatus,
  ConnectedAppsSuccessResult,
  RevokeActions,
  RevokeCallbacks,
  RevokeErrorResult,
  RevokeIdleResult,
  RevokePendingResult,
  RevokeStatus,
  RevokeSuccessResult,
  RevokeVariables,
  UseConnectedAppsOptions,
  UseConnectedAppsResult,
  UseRevokeConnectedAppOptions,
  UseRevokeConnectedAppResult,
} from './types.ts';
export { useConnectedApps } from './use-connected-apps.ts';
export { useRevokeConnectedApp } from './use-revoke-connected-app.ts';
