/**
 * Public data types of the emulator: fixtures (what you load) and records (what the control API
 * returns). The Stytch wire shapes it serves are core's (`@connected-apps/core/wire`), re-exported here.
 */
import type { ClientType, ConnectedApp } from '@connected-apps/core/wire';
import type { MemberGrantInput, MemberInput, OrganizationInput, RbacPolicyInput } from './b2b-types.ts';

export type { ClientType, ConnectedApp };

/** A user's name, as Stytch stores it. */
export interface UserName {
  first_name?: string;
  middle_name?: string;
  last_name?: string;
}

/**
 * A user to create (fixture entry or `POST /_emulator/users`). Missing ids are generated
 * (`user-test-<uuid>`). Creating a user whose `user_id` exists replaces its profile and keeps its grants.
 * @example { "user_id": "user-test-…", "external_id": "ada", "name": "Ada Lovelace", "email": "ada@example.com" }
 */
export interface UserInput {
  user_id?: string;
  /** Usable wherever a `user_id` is accepted. Unique per project. */
  external_id?: string;
  /** `"Ada Lovelace"` (split at the first space) or Stytch's `{ first_name, last_name }`. */
  name?: string | UserName;
  email?: string;
  /** RBAC roles of the user, added to every session minted for them. @default [] */
  roles?: string[];
}

/**
 * A Connected App to create. Missing ids are generated (`connected-app-test-<uuid>`).
 * @example { "name": "Calendar Sync", "client_type": "third_party", "logo_url": null }
 */
export interface ConnectedAppInput {
  connected_app_id?: string;
  name: string;
  /** @default "" */
  description?: string;
  /** @default "third_party" */
  client_type?: ClientType;
  /** A URL (data: URLs work) or null. @default null */
  logo_url?: string | null;
}

/**
 * A grant: the user authorized the app for these scopes. Issues one access and one refresh token.
 * @example { "user_id": "user-test-…", "connected_app_id": "connected-app-test-…", "scopes": ["openid", "email"] }
 */
export interface GrantInput {
  /** A `user_id` or an `external_id`. */
  user_id: string;
  connected_app_id: string;
  /** A list, or one space-separated string as Stytch reports it. */
  scopes: string[] | string;
}

/**
 * A fixture document: users, apps and the grants between them; organizations, their members and the
 * members' grants; and the RBAC policy's custom roles. Every entry is optional.
 */
export interface Fixtures {
  users?: UserInput[];
  connected_apps?: ConnectedAppInput[];
  grants?: GrantInput[];
  organizations?: OrganizationInput[];
  members?: MemberInput[];
  member_grants?: MemberGrantInput[];
  rbac_policy?: RbacPolicyInput;
}

/** Project settings (`GET`/`POST /_emulator/project`). */
export interface ProjectSettings {
  /**
   * The base URL the project reaches Stytch through (a CNAME), without a trailing slash, or `null`.
   * When set, session JWTs with this `iss` authenticate too, and sessions can be minted with it.
   */
  custom_domain: string | null;
}

/** A connected app as the emulator stores it: Stytch's listing without a user's `scopes_granted`. */
export type ConnectedAppRecord = Omit<ConnectedApp, 'scopes_granted'>;

/** One token a grant issued. Revoking the grant revokes it. */
export interface TokenRecord {
  token_id: string;
  type: 'access' | 'refresh';
  revoked: boolean;
  revoked_at: string | null;
}

/** A grant as the control API returns it. */
export interface GrantRecord {
  user_id: string;
  connected_app_id: string;
  scopes: string[];
  scopes_granted: string;
  granted_at: string;
  tokens: TokenRecord[];
}

/** `GET /_emulator/users/{user_id}/connected_apps/{connected_app_id}/tokens`. */
export interface TokensResponse {
  tokens: TokenRecord[];
  grant_active: boolean;
}

/** Stytch's user email entry. */
export interface StytchUserEmail {
  email_id: string;
  email: string;
  verified: boolean;
}

/** Stytch's User object (the fields the emulator models; the lists Stytch has are present and empty). */
export interface StytchUser {
  user_id: string;
  external_id?: string;
  emails: StytchUserEmail[];
  status: 'active';
  name: Required<UserName>;
  phone_numbers: never[];
  webauthn_registrations: never[];
  providers: never[];
  totps: never[];
  crypto_wallets: never[];
  biometric_registrations: never[];
  is_locked: boolean;
  roles: string[];
  created_at: string;
  password: null;
  trusted_metadata: Record<string, unknown>;
  untrusted_metadata: Record<string, unknown>;
}

/** Stytch's authentication factor (the emulator reports one `email` magic link factor, or `imported`). */
export interface AuthenticationFactor {
  type: string;
  delivery_method: string;
  last_authenticated_at: string;
  created_at: string;
  updated_at: string;
  email_factor?: { email_id: string; email_address: string };
}

/** Stytch's Session object. */
export interface StytchSession {
  session_id: string;
  user_id: string;
  started_at: string;
  last_accessed_at: string;
  expires_at: string;
  attributes: { ip_address: string; user_agent: string };
  authentication_factors: AuthenticationFactor[];
  custom_claims: Record<string, unknown>;
  roles: string[];
}

/** Claims a test may force on a minted session JWT (e.g. an `exp` in the past, a wrong `aud`). */
export interface ClaimsOverride {
  iss?: string;
  aud?: string | string[];
  sub?: string;
  /** Seconds since the epoch. */
  exp?: number;
  nbf?: number;
  iat?: number;
}

/** `POST /_emulator/sessions` body. */
export interface MintSessionInput {
  /** A `user_id` or an `external_id`. */
  user_id: string;
  /** Extra roles for this session, on top of `stytch_user` and the user's own roles. */
  roles?: string[];
  /** Lifetime of the session (not the JWT, which lives 5 minutes). @default 3600 */
  lifetime_seconds?: number;
  claims_override?: ClaimsOverride;
  /** `custom_domain`: the JWT's `iss` is the project's custom domain (see `ProjectSettings`). @default "stytch" */
  issuer?: 'stytch' | 'custom_domain';
}

/** `POST /_emulator/sessions` response. */
export interface MintedSession {
  session_id: string;
  session_token: string;
  session_jwt: string;
  expires_at: string;
}

/**
 * A fault to inject on Stytch API paths (`/v1/…`) for the next `times` matching requests. Effects
 * combine: latency first, then dropping the connection, else a status/body, else malformed JSON.
 * @example { "path": "/v1/users/*", "status": 429, "retry_after": 1, "times": 2 }
 */
export interface FaultInput {
  /** Only requests with this method (case-insensitive). @default any */
  method?: string;
  /** An exact path as sent on the wire, or a prefix ending with `*`. */
  path: string;
  /** How many matching requests the fault applies to. @default 1 */
  times?: number;
  /** Delay before answering (or before the other effects). */
  latency_ms?: number;
  /** Answer with this status instead of the real handler. */
  status?: number;
  /** Body for `status`: JSON for objects, raw text for strings. @default Stytch's error for that status */
  body?: unknown;
  /** Content type of a string `body`. @default "text/plain; charset=utf-8" */
  content_type?: string;
  /** `Retry-After` header (seconds) on the response. */
  retry_after?: number;
  /** Destroy the socket without answering. */
  drop_connection?: boolean;
  /** Answer `status` (default 200) with `application/json` that is cut off mid-document. */
  malformed_json?: boolean;
}

/** An injected fault with its id and the requests it still applies to. */
export interface FaultRecord extends FaultInput {
  fault_id: string;
  remaining: number;
}

/** One Stytch API request the emulator received. */
export interface RequestLogEntry {
  method: string;
  /** The path as sent on the wire (percent-encoding kept), without the query string. */
  path: string;
  /** ISO 8601 time of arrival. */
  at: string;
  /** Whether the request carried this project's valid Basic credentials. */
  authorized: boolean;
  /** The status answered; 0 when a fault dropped the connection. */
  status: number;
}

/** What a load or reset left in the emulator. */
export interface StateSummary {
  users: number;
  connected_apps: number;
  grants: number;
  organizations: number;
  members: number;
  member_grants: number;
}
