/**
 * Stytch's JSON shapes for the endpoints connected-apps speaks, named as Stytch's SDKs name them.
 * Every hop (Stytch, the emulator, the proxy, the clients) sends and reads exactly these.
 */

/** How a Connected App authenticates: Stytch's four client types. */
export type ClientType = 'first_party' | 'first_party_public' | 'third_party' | 'third_party_public';

/** A Connected App a user has authorized, as Stytch lists it. */
export interface ConnectedApp {
  connected_app_id: string;
  name: string;
  description: string;
  client_type: ClientType;
  logo_url: string | null;
  /** The scopes the user granted, one space-separated string (e.g. `'openid email'`). */
  scopes_granted: string;
}

/** The JSON body of every Stytch error, from any hop. */
export interface StytchErrorBody {
  status_code: number;
  request_id: string;
  error_type: string;
  error_message: string;
  error_url: string;
  /** Present only when the error carries details. */
  error_details?: unknown;
}

/** `users.revoke()` input: the user (id or `external_id`) and the app to cut off. */
export interface UsersRevokeRequest {
  user_id: string;
  connected_app_id: string;
}

/** `users.revoke()` result: Stytch's `{ request_id, status_code }`. */
export interface UsersRevokeResponse {
  request_id: string;
  status_code: number;
}

/** `users.connectedApps()` input. */
export interface UsersConnectedAppsRequest {
  user_id: string;
}

/** `users.connectedApps()` result: the apps the user has currently authorized. */
export interface UsersConnectedAppsResponse {
  request_id: string;
  status_code: number;
  connected_apps: ConnectedApp[];
}

/** `users.revokeAll()` input (proxy only: Stytch has no such call). */
export interface UsersRevokeAllRequest {
  user_id: string;
}

/** What revoke-all did with one app: revoked, or the Stytch-shaped error its revoke met. */
export type RevokeAllOutcome =
  | { connected_app_id: string; outcome: 'revoked' }
  | { connected_app_id: string; outcome: 'failed'; error: StytchErrorBody };

/**
 * `users.revokeAll()` result, the proxy's envelope: its own `request_id` (each failed app's `error`
 * carries Stytch's), `status_code` 200 when every app was revoked (or there was none) and 207 when at
 * least one failed, and one outcome per app the user had authorized.
 */
export interface UsersRevokeAllResponse {
  request_id: string;
  status_code: 200 | 207;
  connected_apps: RevokeAllOutcome[];
}

/** `users.revocations()` input (proxy only): whose history, and which page of it. */
export interface UsersRevocationsRequest {
  user_id: string;
  /** Rows per page, 1 to 100. @default 20 */
  limit?: number;
  /** The `next_cursor` of the previous page; none for the newest rows. */
  cursor?: string;
}

/**
 * One revoke attempt the proxy recorded in its audit trail (proxy only: Stytch keeps no such history).
 * One per attempt that reached authorization; revoke-all has one per app it attempted.
 */
export interface Revocation {
  /** When the attempt reached authorization, RFC 3339 (UTC, milliseconds). */
  occurred_at: string;
  /** The proxy's id for the request (its `X-Request-Id`). */
  request_id: string;
  /** Stytch's `request_id` for the revoke, once Stytch answered. */
  stytch_request_id: string | null;
  /** `revoke`, or `revoke_all` (one row per app it attempted). */
  action: 'revoke' | 'revoke_all';
  /** The app; `null` for a revoke-all that attempted none (refused, or its listing failed). */
  connected_app_id: string | null;
  /**
   * `revoked` (Stytch confirmed), `failed` (Stytch or the proxy's call to it failed: see
   * `status_code`, `error_type`), `refused` (authorization said no; nothing reached Stytch), or
   * `pending`: recorded before the call, and no outcome followed — still in flight, or the proxy
   * stopped before Stytch answered (the revoke may have happened).
   */
  outcome: 'pending' | 'revoked' | 'failed' | 'refused';
  /** The HTTP status of the outcome; `null` while pending. */
  status_code: number | null;
  /** The error's `error_type` (Stytch's or the proxy's) when it failed or was refused. */
  error_type: string | null;
  /** Who acted: a user (consumer) or a member (B2B), their session, and whether through the admin role. */
  actor: { user_id: string | null; member_id: string | null; session_id: string | null; as_admin: boolean };
  /** Whose app it was: a user, or (B2B) an organization's member. */
  subject: { user_id: string | null; organization_id: string | null; member_id: string | null };
  /** The client's address as the proxy saw it (`TRUST_PROXY` applies). */
  client_address: string | null;
  /** The client's `User-Agent`, at most 512 characters. */
  user_agent: string | null;
}

/**
 * `users.revocations()` result, newest first; `next_cursor` is `null` on the last page. A member's
 * history (`organizations.members.revocations()`) has the same shape.
 */
export interface UsersRevocationsResponse {
  request_id: string;
  status_code: 200;
  revocations: Revocation[];
  next_cursor: string | null;
}

/** `sessions.authenticate()` input: exactly one of the two credentials. */
export type SessionsAuthenticateRequest =
  | { session_token: string; session_jwt?: never }
  | { session_jwt: string; session_token?: never };

/** The part of Stytch's Session object that connected-apps reads. */
export interface StytchSessionSummary {
  session_id: string;
  user_id: string;
  /** RFC 3339. */
  expires_at: string;
  /** RBAC roles of the session. */
  roles: string[];
  [field: string]: unknown;
}

/** `sessions.authenticate()` result (the fields connected-apps reads; Stytch sends more). */
export interface SessionsAuthenticateResponse {
  request_id: string;
  status_code: number;
  session: StytchSessionSummary;
  session_token: string;
  session_jwt: string;
  [field: string]: unknown;
}

/** `sessions.getJWKS()` input. */
export interface SessionsGetJWKSRequest {
  project_id: string;
}

/** One JSON Web Key of the project's session signing keys. */
export interface StytchJwk {
  kty: string;
  kid?: string;
  alg?: string;
  use?: string;
  [parameter: string]: unknown;
}

/** `sessions.getJWKS()` result: the keys session JWTs are signed with. */
export interface SessionsGetJWKSResponse {
  request_id: string;
  status_code: number;
  keys: StytchJwk[];
}
