/**
 * Example data the pacts are written with. Ids are shaped like Stytch's (the user and app ids are the
 * ones Stytch's own documentation uses); provider states recreate exactly these at verification.
 */
export const USER_ID = 'user-test-16d9ba61-97a1-4ba4-9720-b03761dc50c6';
export const OTHER_USER_ID = 'user-test-5b7a4c2e-0d3f-4e8a-9c1b-2f6d8e4a7b90';
export const RATE_LIMITED_USER_ID = 'user-test-9c3e1a7f-4b2d-4f6a-8e0c-1d5b3a9f7e21';
export const UNKNOWN_USER_ID = 'user-test-00000000-0000-4000-8000-000000000404';
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
