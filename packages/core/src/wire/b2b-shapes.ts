/**
 * Stytch's B2B JSON shapes for the endpoints connected-apps speaks. Names and fields are the official
 * `stytch` SDK's (v14, `types/lib/b2b/*.d.ts`: the file is named at each), where the object types
 * carry a `Stytch`/`Rbac` prefix the SDK does without (its `Member` is `StytchMember` here). Where
 * Stytch's API reference is more precise than the typings (`logo_url` is sent as `null`; the one-app
 * view has a `request_id`), the reference wins and the comment says so.
 */
import type {
  ClientType,
  SessionsAuthenticateRequest,
  SessionsGetJWKSRequest,
  SessionsGetJWKSResponse,
  UsersRevocationsResponse,
} from './shapes.ts';

/**
 * A Connected App a member has authorized (SDK `MemberConnectedApp`, `organizations.d.ts`). The SDK
 * types `logo_url` as an optional string; Stytch's reference sends `null` for an app without a logo.
 */
export interface MemberConnectedApp {
  connected_app_id: string;
  name: string;
  description: string;
  client_type: ClientType;
  /** The scopes the member granted, one space-separated string (e.g. `'openid email'`). */
  scopes_granted: string;
  logo_url?: string | null;
}

/** An app some member of the organization has installed (SDK `OrganizationConnectedApp`, `organizations.d.ts`). */
export interface OrganizationConnectedApp {
  connected_app_id: string;
  name: string;
  description: string;
  client_type: ClientType;
  logo_url?: string | null;
}

/**
 * A member who has the app installed, with the scopes of their last authorization (SDK
 * `OrganizationConnectedAppActiveMember`). Unlike `scopes_granted`, **an array**.
 */
export interface OrganizationConnectedAppActiveMember {
  member_id: string;
  granted_scopes: string[];
}

/** One of a member's roles and where it came from (SDK `MemberRole`, `organizations.d.ts`). */
export interface StytchMemberRole {
  /** `stytch_member`, `stytch_admin`, or a custom role of the project's RBAC policy. */
  role_id: string;
  sources: Array<{ type: string; details?: Record<string, unknown> }>;
}

/** The part of Stytch's Organization object connected-apps reads (SDK `Organization`; Stytch sends more). */
export interface StytchOrganization {
  organization_id: string;
  organization_name: string;
  /** Usable wherever an `organization_id` is, like the external id. */
  organization_slug: string;
  organization_external_id?: string;
  [field: string]: unknown;
}

/** The part of Stytch's Member object connected-apps reads (SDK `Member`; Stytch sends more). */
export interface StytchMember {
  member_id: string;
  organization_id: string;
  email_address: string;
  name: string;
  status: string;
  /** Usable wherever a `member_id` is. */
  external_id?: string;
  /** Whether the member has the `stytch_admin` role. */
  is_admin: boolean;
  roles: StytchMemberRole[];
  [field: string]: unknown;
}

/** A member's session (SDK `MemberSession`, `sessions.d.ts`). */
export interface StytchMemberSession {
  member_session_id: string;
  member_id: string;
  organization_id: string;
  organization_slug: string;
  /** RFC 3339. */
  started_at: string;
  /** RFC 3339. */
  last_accessed_at: string;
  /** RFC 3339. */
  expires_at: string;
  authentication_factors: unknown[];
  /** The RBAC roles the session holds (`stytch_member`, …). */
  roles: string[];
  custom_claims?: Record<string, unknown>;
  [field: string]: unknown;
}

/** An RBAC permission: actions on one resource (SDK `PolicyRolePermission`, `rbac.d.ts`). `*` is every action. */
export interface RbacPermission {
  /** `stytch.self`, `stytch.member`, `stytch.organization`, … or a custom resource. */
  resource_id: string;
  /** e.g. `revoke.connected-app`, `get.connected-apps`, or `*`. */
  actions: string[];
}

/** A role of the project's RBAC policy (SDK `PolicyRole`). */
export interface RbacPolicyRole {
  role_id: string;
  description: string;
  permissions: RbacPermission[];
}

/** A resource of the policy and every action it has (SDK `PolicyResource`). */
export interface RbacPolicyResource {
  resource_id: string;
  description: string;
  actions: string[];
}

/** An OAuth scope of the policy and what it permits (SDK `PolicyScope`). */
export interface RbacPolicyScope {
  scope: string;
  description: string;
  permissions: RbacPermission[];
}

/** The project's RBAC policy (SDK `Policy`). */
export interface RbacPolicy {
  roles: RbacPolicyRole[];
  resources: RbacPolicyResource[];
  scopes: RbacPolicyScope[];
}

/**
 * How a B2B call runs with a member's RBAC permissions (SDK `Authorization`, `shared/method_options`):
 * sent as `X-Stytch-Member-Session` / `X-Stytch-Member-SessionJWT`. Stytch then refuses the call with
 * 403 when the member's roles do not permit it or the member belongs to another organization.
 */
export interface B2BMemberAuthorization {
  session_token?: string;
  session_jwt?: string;
}

/** `organizations.get()` input: the id, slug or external id. */
export interface B2BOrganizationsGetRequest {
  organization_id: string;
}

/** `organizations.get()` result (SDK `B2BOrganizationsGetResponse`). */
export interface B2BOrganizationsGetResponse {
  request_id: string;
  status_code: number;
  organization: StytchOrganization;
}

/** `organizations.members.get()` input: the member by id or external id (sent as a query parameter). */
export interface B2BOrganizationsMembersGetRequest {
  organization_id: string;
  member_id: string;
}

/** `organizations.members.get()` result (SDK `B2BOrganizationsMembersGetResponse`). */
export interface B2BOrganizationsMembersGetResponse {
  request_id: string;
  status_code: number;
  member_id: string;
  member: StytchMember;
  organization: StytchOrganization;
}

/** `organizations.members.getConnectedApps()` input. */
export interface B2BOrganizationsMembersGetConnectedAppsRequest {
  organization_id: string;
  member_id: string;
}

/** `organizations.members.getConnectedApps()` result: the apps the member has authorized. */
export interface B2BOrganizationsMembersGetConnectedAppsResponse {
  request_id: string;
  status_code: number;
  connected_apps: MemberConnectedApp[];
}

/** `organizations.members.connectedApps.revoke()` input. */
export interface B2BOrganizationsMembersConnectedAppsRevokeRequest {
  organization_id: string;
  member_id: string;
  connected_app_id: string;
}

/** `organizations.members.connectedApps.revoke()` result: `{ request_id, status_code }`. */
export interface B2BOrganizationsMembersConnectedAppsRevokeResponse {
  request_id: string;
  status_code: number;
}

/** `organizations.connectedApps()` input. */
export interface B2BOrganizationsConnectedAppsRequest {
  organization_id: string;
}

/** `organizations.connectedApps()` result: every app installed by some member of the organization. */
export interface B2BOrganizationsConnectedAppsResponse {
  request_id: string;
  status_code: number;
  connected_apps: OrganizationConnectedApp[];
}

/** `organizations.getConnectedApp()` input. */
export interface B2BOrganizationsGetConnectedAppRequest {
  organization_id: string;
  connected_app_id: string;
}

/**
 * `organizations.getConnectedApp()` result: the app and the members who have it installed. The SDK's
 * typing leaves out `request_id`; Stytch's API reference sends it, and so does every hop here.
 */
export interface B2BOrganizationsGetConnectedAppResponse extends OrganizationConnectedApp {
  request_id: string;
  status_code: number;
  active_members: OrganizationConnectedAppActiveMember[];
}

/** `sessions.authenticate()` input (B2B): exactly one of the two credentials, as on the consumer side. */
export type B2BSessionsAuthenticateRequest = SessionsAuthenticateRequest;

/** `sessions.authenticate()` result (B2B; the fields connected-apps reads, Stytch sends more). */
export interface B2BSessionsAuthenticateResponse {
  request_id: string;
  status_code: number;
  member_session: StytchMemberSession;
  session_token: string;
  session_jwt: string;
  member: StytchMember;
  organization: StytchOrganization;
  [field: string]: unknown;
}

/** `sessions.getJWKS()` input (B2B). */
export type B2BSessionsGetJWKSRequest = SessionsGetJWKSRequest;

/** `sessions.getJWKS()` result (B2B): the keys member session JWTs are signed with. */
export type B2BSessionsGetJWKSResponse = SessionsGetJWKSResponse;

/**
 * `rbac.policy()` result. The SDK types `policy` as optional; every project has one (Stytch's default
 * roles at least), and connected-apps cannot decide anything without it, so it is required here.
 */
export interface B2BRBACPolicyResponse {
  request_id: string;
  status_code: number;
  policy: RbacPolicy;
}

// The proxy's own routes (Stytch has no such calls).

/**
 * `organizations.members.revocations()` input (proxy only): whose history — the member of the
 * organization, each by the names the B2B paths take — and which page of it.
 */
export interface B2BOrganizationsMembersRevocationsRequest {
  organization_id: string;
  member_id: string;
  /** Rows per page, 1 to 100. @default 20 */
  limit?: number;
  /** The `next_cursor` of the previous page; none for the newest rows. */
  cursor?: string;
}

/** `organizations.members.revocations()` result: the same page as a user's history. */
export type B2BOrganizationsMembersRevocationsResponse = UsersRevocationsResponse;
