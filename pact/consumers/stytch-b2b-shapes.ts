import { MatchersV3 } from '@pact-foundation/pact';
import {
  ADMIN_ROLE,
  MEMBER_ID,
  MEMBER_ROLE,
  ORGANIZATION,
  ORGANIZATION_CONNECTED_APP,
} from '../support/examples.ts';
import {
  FAKE_SESSION_JWT,
  FAKE_SESSION_TOKEN,
  id,
  matching,
  rfc3339,
  stytchRequestId,
} from '../support/matchers.ts';
import { connectedAppsBody } from './stytch-shapes.ts';

const { arrayContaining, boolean, eachLike, integer, like, string } = MatchersV3;

/**
 * Stytch's B2B response bodies as the pacts pin them, whole (the OpenAPI check requires every property
 * `openapi/stytch-b2b-api.yaml` marks required, which are the official SDK's non-optional fields), with
 * generated values matched by type or pattern. The react pact uses the same bodies wherever the proxy
 * passes Stytch's answer through.
 */

const CLIENT_TYPE = '^(first_party|first_party_public|third_party|third_party_public)$';
const AT = '2024-03-14T15:09:26Z';

/** A member's apps: the consumer list's shape exactly (`scopes_granted` one space-separated string). */
export const memberConnectedAppsBody = connectedAppsBody;

/** The organization's apps (admin view): no scopes here. */
export const organizationConnectedAppsBody = () => ({
  request_id: stytchRequestId(),
  status_code: integer(200),
  connected_apps: eachLike(organizationConnectedApp()),
});

/**
 * One app of the organization and its active members. `granted_scopes` is **an array** of scopes
 * (unlike a member's `scopes_granted`), each one scope.
 */
export const organizationConnectedAppBody = () => ({
  request_id: stytchRequestId(),
  status_code: integer(200),
  ...organizationConnectedApp(),
  active_members: eachLike({
    member_id: id(MEMBER_ID),
    granted_scopes: eachLike(matching('^[^ ]+$', 'openid')),
  }),
});

function organizationConnectedApp() {
  const app = ORGANIZATION_CONNECTED_APP;
  return {
    connected_app_id: id(app.connected_app_id),
    name: string(app.name),
    description: string(app.description),
    client_type: matching(CLIENT_TYPE, app.client_type),
    logo_url: string(app.logo_url),
  };
}

/** Stytch's Organization object, every field the SDK types as required, and the external id. */
export function organizationObject(organization_id: string = ORGANIZATION.organization_id) {
  return {
    organization_id: id(organization_id),
    organization_name: string(ORGANIZATION.organization_name),
    organization_logo_url: string(''),
    organization_slug: string(ORGANIZATION.organization_slug),
    organization_external_id: string(ORGANIZATION.organization_external_id),
    sso_jit_provisioning: string('NOT_ALLOWED'),
    sso_jit_provisioning_allowed_connections: like([]),
    sso_active_connections: like([]),
    email_allowed_domains: like([]),
    email_jit_provisioning: string('NOT_ALLOWED'),
    email_invites: string('ALL_ALLOWED'),
    auth_methods: string('ALL_ALLOWED'),
    allowed_auth_methods: like([]),
    mfa_policy: string('OPTIONAL'),
    rbac_email_implicit_role_assignments: like([]),
    mfa_methods: string('ALL_ALLOWED'),
    allowed_mfa_methods: like([]),
    oauth_tenant_jit_provisioning: string('NOT_ALLOWED'),
    claimed_email_domains: like([]),
    first_party_connected_apps_allowed_type: string('ALL_ALLOWED'),
    allowed_first_party_connected_apps: like([]),
    third_party_connected_apps_allowed_type: string('ALL_ALLOWED'),
    allowed_third_party_connected_apps: like([]),
    custom_roles: like([]),
  };
}

/**
 * Stytch's Member object, every field the SDK types as required (and the external id when given);
 * `roles` holds at least `stytch_member`.
 */
export function memberObject(member_id: string, external_id?: string) {
  return {
    organization_id: id(ORGANIZATION.organization_id),
    member_id: id(member_id),
    ...(external_id === undefined ? {} : { external_id: string(external_id) }),
    email_address: string(`${member_id}@example.com`),
    status: string('active'),
    name: string('Ada Lovelace'),
    sso_registrations: like([]),
    is_breakglass: boolean(false),
    member_password_id: string(''),
    oauth_registrations: like([]),
    email_address_verified: boolean(true),
    mfa_phone_number_verified: boolean(false),
    is_admin: boolean(false),
    totp_registration_id: string(''),
    retired_email_addresses: like([]),
    is_locked: boolean(false),
    mfa_enrolled: boolean(false),
    mfa_phone_number: string(''),
    default_mfa_method: string(''),
    roles: eachLike({
      role_id: string(MEMBER_ROLE),
      sources: eachLike({ type: string('direct_assignment') }),
    }),
  };
}

/** `GET /v1/b2b/organizations/{organization_id}` 200. */
export const organizationsGetBody = (organization_id?: string) => ({
  request_id: stytchRequestId(),
  status_code: integer(200),
  organization: organizationObject(organization_id),
});

/** `GET /v1/b2b/organizations/{organization_id}/member?member_id=` 200. */
export const membersGetBody = (member_id: string, external_id?: string) => ({
  request_id: stytchRequestId(),
  status_code: integer(200),
  member_id: id(member_id),
  member: memberObject(member_id, external_id),
  organization: organizationObject(),
});

/** `POST /v1/b2b/sessions/authenticate` 200 for a session of `member_id` in the example organization. */
export function b2bAuthenticateBody(member_id: string) {
  return {
    request_id: stytchRequestId(),
    status_code: integer(200),
    member_session: {
      member_session_id: id('member-session-test-e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b'),
      member_id: id(member_id),
      started_at: rfc3339(AT),
      last_accessed_at: rfc3339(AT),
      expires_at: rfc3339('2024-03-14T16:09:26Z'),
      authentication_factors: eachLike({ type: string('magic_link'), delivery_method: string('email') }),
      organization_id: id(ORGANIZATION.organization_id),
      roles: eachLike(MEMBER_ROLE),
      organization_slug: string(ORGANIZATION.organization_slug),
    },
    session_token: string(FAKE_SESSION_TOKEN),
    session_jwt: string(FAKE_SESSION_JWT),
    member: memberObject(member_id),
    organization: organizationObject(),
  };
}

/**
 * `GET /v1/b2b/rbac/policy` 200 with Stytch's default roles, as the proxy decides by them: every member
 * may do anything to themselves (`stytch_member`: `*` on `stytch.self`), an admin to any member
 * (`stytch_admin`: `*` on `stytch.member`). Other roles, permissions and resources may be there too.
 */
export const rbacPolicyBody = () => ({
  request_id: stytchRequestId(),
  status_code: integer(200),
  policy: {
    roles: arrayContaining(
      {
        role_id: MEMBER_ROLE,
        description: string('Granted to all Members upon creation.'),
        permissions: arrayContaining({ resource_id: 'stytch.self', actions: ['*'] }),
      },
      {
        role_id: ADMIN_ROLE,
        description: string('Granted to Members who create an organization.'),
        permissions: arrayContaining({ resource_id: 'stytch.member', actions: ['*'] }),
      },
    ),
    resources: eachLike({
      resource_id: string('stytch.member'),
      description: string('Access controls for all Members in the Organization.'),
      actions: eachLike(string('revoke.connected-app')),
    }),
    scopes: like([]),
  },
});
