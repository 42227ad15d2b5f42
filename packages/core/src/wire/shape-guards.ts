import type {
  ConnectedApp,
  SessionsAuthenticateResponse,
  SessionsGetJWKSResponse,
  UsersConnectedAppsResponse,
  UsersRevocationsResponse,
  UsersRevokeAllResponse,
  UsersRevokeResponse,
} from './shapes.ts';

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The success fields of a Stytch body, `{ request_id: string, status_code: number }`, its other fields left to read. */
export function isStytchSuccess(value: unknown): value is Record<string, unknown> & UsersRevokeResponse {
  return isRecord(value) && typeof value.request_id === 'string' && typeof value.status_code === 'number';
}

/** `{ request_id: string, status_code: number }`, the part every Stytch success body has: a revoke's whole answer. */
export const isRevokeResponse: (value: unknown) => value is UsersRevokeResponse = isStytchSuccess;

/** A list response whose every app has the documented fields and types. */
export function isConnectedAppsResponse(value: unknown): value is UsersConnectedAppsResponse {
  return (
    isStytchSuccess(value) &&
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

/** A sessions/authenticate answer naming the session's id, user, expiry and roles. */
export function isSessionsAuthenticateResponse(value: unknown): value is SessionsAuthenticateResponse {
  if (!isStytchSuccess(value) || !isRecord(value.session)) return false;
  const { session } = value;
  return (
    typeof session.session_id === 'string' &&
    typeof session.user_id === 'string' &&
    typeof session.expires_at === 'string' &&
    !Number.isNaN(Date.parse(session.expires_at)) &&
    Array.isArray(session.roles) &&
    session.roles.every((role) => typeof role === 'string')
  );
}

/** A JWKS answer: a list of keys, each with a key type. */
export function isJwksResponse(value: unknown): value is SessionsGetJWKSResponse {
  return (
    isStytchSuccess(value) &&
    Array.isArray(value.keys) &&
    value.keys.every((key: unknown) => isRecord(key) && typeof key.kty === 'string')
  );
}

/**
 * A revoke-all envelope: the success fields and a list of outcomes. Compact on purpose (it ships in
 * the browser client, whose budget is tight): the proxy that sends it builds each outcome from core's types.
 */
export function isRevokeAllResponse(value: unknown): value is UsersRevokeAllResponse {
  return isStytchSuccess(value) && Array.isArray(value.connected_apps);
}

/** A revocation-history page: the success fields, a list, and the cursor (compact, as above). */
export function isRevocationsResponse(value: unknown): value is UsersRevocationsResponse {
  return (
    isStytchSuccess(value) &&
    Array.isArray(value.revocations) &&
    (value.next_cursor === null || typeof value.next_cursor === 'string')
  );
}
