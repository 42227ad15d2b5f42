/**
 * Example data the pacts are written with. Ids are shaped like Stytch's (the user and app ids are the
 * ones Stytch's own documentation uses); provider states recreate exactly these at verification.
 */
export const USER_ID = 'user-test-16d9ba61-97a1-4ba4-9720-b03761dc50c6';
export const OTHER_USER_ID = 'user-test-5b7a4c2e-0d3f-4e8a-9c1b-2f6d8e4a7b90';
export const RATE_LIMITED_USER_ID = 'user-test-9c3e1a7f-4b2d-4f6a-8e0c-1d5b3a9f7e21';
export const UNKNOWN_USER_ID = 'user-test-00000000-0000-4000-8000-000000000404';
/** A user whose only recorded revoke is the one their history interaction reads (so it is the whole page). */
export const HISTORY_USER_ID = 'user-test-3a8f2c6d-1e4b-4d7a-9f0c-5b2e8d1a6c43';
export const CONNECTED_APP_ID = 'connected-app-test-d731954d-dab3-4a2b-bdee-07f3ad1be888';
/** A second app of `USER_ID`'s, the one whose revoke fails in revoke-all's partial failure. */
export const FAILING_CONNECTED_APP_ID = 'connected-app-test-7e2b9c41-5a3d-4f8e-b6c0-9d1a2e3f4b57';
export const UNKNOWN_CONNECTED_APP_ID = 'connected-app-test-00000000-0000-4000-8000-000000000404';

/** The app the provider states create (and the list interactions show). */
export const CONNECTED_APP = {
  connected_app_id: CONNECTED_APP_ID,
  name: 'Calendar Sync',
  description: 'Keeps your calendar in step with your bookings.',
  client_type: 'third_party',
  logo_url: 'https://example.com/calendar-sync.png',
  scopes_granted: 'openid email profile',
} as const;

/** An origin the proxy does not allow with credentials (the one it does is the testkit's `ALLOWED_ORIGIN`). */
export const FOREIGN_ORIGIN = 'https://evil.example';

/**
 * B2B: the organization the member states create, with the two other names Stytch accepts for it in a
 * path (its slug and its external id). The id is the one Stytch's own B2B documentation uses.
 */
export const ORGANIZATION = {
  organization_id: 'organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931',
  organization_name: 'Example Org',
  organization_slug: 'example-org',
  organization_external_id: 'example-org-ext',
} as const;
export const ORGANIZATION_ID = ORGANIZATION.organization_id;
/** An organization other than the caller's (it need not exist: the proxy refuses it by its id alone). */
export const OTHER_ORGANIZATION_ID = 'organization-test-5d1e8a3b-2c4f-4a6e-9b0d-7f3c1e5a9b28';
/** A name no organization of the caller's answers to (used where the proxy must look up its own aliases). */
export const OTHER_ORGANIZATION_EXTERNAL_ID = 'other-org-ext';
export const UNKNOWN_ORGANIZATION_ID = 'organization-test-00000000-0000-4000-8000-000000000404';

/** The member whose apps the B2B interactions list and revoke (Stytch's documented example id). */
export const MEMBER_ID = 'member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f';
/** Another member of the same organization. */
export const OTHER_MEMBER_ID = 'member-test-8e4b2d7a-1f3c-4b6e-a5d0-9c2e7f1b3a64';
/** A member of the same organization holding `stytch_admin`. */
export const ADMIN_MEMBER_ID = 'member-test-c6a3f9e1-7b2d-4e8a-b0f4-3d5c1a9e7b12';
export const RATE_LIMITED_MEMBER_ID = 'member-test-4b9d2f6e-3a1c-4e7b-8d5f-0a2c6e9b1d37';
export const UNKNOWN_MEMBER_ID = 'member-test-00000000-0000-4000-8000-000000000404';
/** `MEMBER_ID`'s external id, where a state gives the member one. */
export const MEMBER_EXTERNAL_ID = 'member-ext-ada';
/** An external id that is none of the caller's (a path may name a member by external id). */
export const OTHER_MEMBER_EXTERNAL_ID = 'other-member-ext';

/** Stytch's default role every member holds, and the admin role. */
export const MEMBER_ROLE = 'stytch_member';
export const ADMIN_ROLE = 'stytch_admin';

/** The same app in the organization's views: no scopes there, `granted_scopes` per active member instead. */
export const ORGANIZATION_CONNECTED_APP = {
  connected_app_id: CONNECTED_APP.connected_app_id,
  name: CONNECTED_APP.name,
  description: CONNECTED_APP.description,
  client_type: CONNECTED_APP.client_type,
  logo_url: CONNECTED_APP.logo_url,
} as const;
/** The member's grant of that app as the one-app view lists it: an array, unlike `scopes_granted`. */
export const GRANTED_SCOPES = CONNECTED_APP.scopes_granted.split(' ');
