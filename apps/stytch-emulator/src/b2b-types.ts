/**
 * Public B2B data types of the emulator: what you load (organizations, members, member grants, the
 * RBAC policy) and what the control API returns. The B2B wire shapes it serves are core's
 * (`@connected-apps/core/wire`); the full Organization and Member objects below follow the official
 * `stytch` SDK's typings (`types/lib/b2b/organizations.d.ts`), every required field present.
 */
import type {
  RbacPolicy,
  RbacPolicyResource,
  RbacPolicyRole,
  StytchMemberRole,
} from '@connected-apps/core/wire';
import type { ClaimsOverride, TokenRecord } from './types.ts';

export type { RbacPolicy, RbacPolicyResource, RbacPolicyRole };

/**
 * An organization to create (fixture entry or `POST /_emulator/organizations`). A missing id is
 * generated (`organization-test-<uuid>`); a missing slug is derived from the name.
 * @example { "organization_name": "Acme", "organization_slug": "acme", "organization_external_id": "acme-ext" }
 */
export interface OrganizationInput {
  organization_id?: string;
  organization_name: string;
  /** 2–128 of letters, digits, `-`, `.`, `_`, `~`; unique per project. Usable wherever an `organization_id` is. */
  organization_slug?: string;
  /** Unique per project. Usable wherever an `organization_id` is. */
  organization_external_id?: string;
  /** @default "" */
  organization_logo_url?: string;
}

/**
 * A member to create (fixture entry or `POST /_emulator/members`). A missing id is generated
 * (`member-test-<uuid>`). Every member holds `stytch_member`; `roles` adds more.
 * @example { "organization_id": "acme", "email_address": "ada@acme.example", "name": "Ada", "roles": ["stytch_admin"] }
 */
export interface MemberInput {
  member_id?: string;
  /** The organization's id, slug or external id. */
  organization_id: string;
  email_address: string;
  /** @default "" */
  name?: string;
  /** Unique within the organization. Usable wherever a `member_id` is. */
  external_id?: string;
  /** RBAC roles assigned to the member, besides `stytch_member`. @default [] */
  roles?: string[];
}

/**
 * A member's grant: the member authorized the app for these scopes. Issues one access and one refresh token.
 * @example { "organization_id": "acme", "member_id": "ada-ext", "connected_app_id": "connected-app-test-…", "scopes": ["openid"] }
 */
export interface MemberGrantInput {
  organization_id: string;
  /** A `member_id` or the member's `external_id`. */
  member_id: string;
  connected_app_id: string;
  /** A list, or one space-separated string. */
  scopes: string[] | string;
}

/** A member's grant as the control API returns it. */
export interface MemberGrantRecord {
  organization_id: string;
  member_id: string;
  connected_app_id: string;
  scopes: string[];
  scopes_granted: string;
  granted_at: string;
  tokens: TokenRecord[];
}

/**
 * The project's RBAC policy, as set by fixtures or `POST /_emulator/rbac/policy`: custom roles and
 * resources, and the permissions of `stytch_member` / `stytch_admin` when given under their ids
 * (Stytch lets a project edit its default roles). Roles and resources not given keep Stytch's defaults.
 */
export interface RbacPolicyInput {
  roles?: RbacPolicyRole[];
  resources?: RbacPolicyResource[];
}

/** `POST /_emulator/member_sessions` body. */
export interface MintMemberSessionInput {
  /** The organization's id, slug or external id. */
  organization_id: string;
  /** A `member_id` or an `external_id`. */
  member_id: string;
  /** Extra roles for this session, on top of the member's. */
  roles?: string[];
  /** Lifetime of the session (not the JWT, which lives 5 minutes). @default 3600 */
  lifetime_seconds?: number;
  claims_override?: ClaimsOverride;
  /** Values forced into the JWT's `https://stytch.com/organization` claim (the JWT stays validly signed). */
  organization_claim_override?: { organization_id?: string; slug?: string };
  /** `custom_domain`: the JWT's `iss` is the project's custom domain (see `custom_domain`). @default "stytch" */
  issuer?: 'stytch' | 'custom_domain';
}

/** `POST /_emulator/member_sessions` response. */
export interface MintedMemberSession {
  member_session_id: string;
  member_id: string;
  organization_id: string;
  session_token: string;
  session_jwt: string;
  expires_at: string;
}

/** Stytch's Organization object (SDK `Organization`), every required field present. */
export interface StytchOrganizationObject {
  organization_id: string;
  organization_name: string;
  organization_logo_url: string;
  organization_slug: string;
  organization_external_id?: string;
  sso_jit_provisioning: string;
  sso_jit_provisioning_allowed_connections: string[];
  sso_active_connections: never[];
  email_allowed_domains: string[];
  email_jit_provisioning: string;
  email_invites: string;
  auth_methods: string;
  allowed_auth_methods: string[];
  mfa_policy: string;
  rbac_email_implicit_role_assignments: never[];
  mfa_methods: string;
  allowed_mfa_methods: string[];
  oauth_tenant_jit_provisioning: string;
  claimed_email_domains: string[];
  first_party_connected_apps_allowed_type: string;
  allowed_first_party_connected_apps: string[];
  third_party_connected_apps_allowed_type: string;
  allowed_third_party_connected_apps: string[];
  custom_roles: never[];
  trusted_metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

/** Stytch's Member object (SDK `Member`), every required field present. */
export interface StytchMemberObject {
  organization_id: string;
  member_id: string;
  email_address: string;
  status: 'active';
  name: string;
  external_id?: string;
  sso_registrations: never[];
  is_breakglass: boolean;
  member_password_id: string;
  oauth_registrations: never[];
  email_address_verified: boolean;
  mfa_phone_number_verified: boolean;
  is_admin: boolean;
  totp_registration_id: string;
  retired_email_addresses: never[];
  is_locked: boolean;
  mfa_enrolled: boolean;
  mfa_phone_number: string;
  default_mfa_method: string;
  roles: StytchMemberRole[];
  trusted_metadata: Record<string, unknown>;
  untrusted_metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}
