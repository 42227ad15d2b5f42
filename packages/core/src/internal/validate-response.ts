import type { ConnectedApp, UsersConnectedAppsResponse, UsersRevokeResponse } from '../types.ts';
import { isRecord } from './is-record.ts';

/** `{ request_id: string, status_code: number }`, the part every Stytch success body has. */
export function isRevokeResponse(value: unknown): value is UsersRevokeResponse {
  return isRecord(value) && typeof value.request_id === 'string' && typeof value.status_code === 'number';
}

/** A list response whose every app has the documented fields and types. */
export function isConnectedAppsResponse(value: unknown): value is UsersConnectedAppsResponse {
  return (
    isRevokeResponse(value) &&
    isRecord(value) &&
    Array.isArray(value.connected_apps) &&
    value.connected_apps.every(isConnectedApp)
  );
}

// client_type is only checked to be a string: a new type from Stytch must not break the list.
function isConnectedApp(value: unknown): value is ConnectedApp {
  return (
    isRecord(value) &&
    typeof value.connected_app_id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.description === 'string' &&
    typeof value.client_type === 'string' &&
    (typeof value.logo_url === 'string' || value.logo_url === null) &&
    typeof value.scopes_granted === 'string'
  );
}
