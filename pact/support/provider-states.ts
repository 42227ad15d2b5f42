/**
 * Provider state names: a shared API between each consumer test (which names the state an
 * interaction needs) and the provider verification (whose handler creates it). Parameterised, so the
 * data lives in the pact, not in the name.
 */
export const STATES = {
  /** `{ user_id, connected_app_id }`: the user exists and has authorized the app. */
  userHasConnectedApp: 'user {user_id} has connected app {connected_app_id}',
  /** `{ user_id }`: the user exists and the caller holds a live session of theirs. */
  userIsSignedIn: 'user {user_id} is signed in',
  /** `{ user_id }`: the user is signed in and has spent the proxy's per-user request allowance. */
  userHasUsedUpRateLimit: 'user {user_id} has used up their rate limit',
  /** `{ user_id, connected_app_id }`: Stytch answers 500 to every revoke of that app of that user. */
  stytchFailsRevokeOf: 'Stytch fails every revoke of connected app {connected_app_id} of user {user_id}',
  /**
   * `{ user_id, connected_app_id }`: the user, signed in, has revoked the app through the proxy, so its
   * audit trail holds that one revoke.
   */
  userRevokedConnectedApp: 'user {user_id} revoked connected app {connected_app_id} through the proxy',
  /** Stytch takes longer to answer than the proxy is configured to wait. */
  stytchIsSlow: 'Stytch answers slower than the proxy waits',
  /** `{ user_id }`: the user exists and has a session; injects `session_token`. */
  userHasSession: 'user {user_id} has a session',
  /** `{ user_id }`: no such user in the project. */
  userDoesNotExist: 'user {user_id} does not exist',
  /** `{ user_id }`: the user exists (and has authorized nothing). */
  userExists: 'user {user_id} exists',
  /** The credentials sent are not the project's (e.g. a rotated secret). */
  credentialsAreWrong: 'the credentials are not valid for the project',
  /** Stytch rejects requests with 429 `too_many_requests`. */
  stytchIsRateLimiting: 'Stytch is rate limiting the project',
  /** Stytch fails with 500 `internal_server_error`. */
  stytchHasInternalError: 'Stytch has an internal error',

  // B2B: organizations and their members. Each interaction names the organization first, then its
  // members, then what they hold, so each handler only adds to what the states before it made.
  /** `{ organization_id, organization_slug, organization_external_id }`: the organization, under its three names. */
  organizationExists: 'organization {organization_id} exists',
  /** `{ organization_id }`: no such organization in the project. */
  organizationDoesNotExist: 'organization {organization_id} does not exist',
  /** `{ organization_id, member_id, roles? }`: the member exists, with `stytch_member` and `roles` (space-separated). */
  memberExists: 'member {member_id} of organization {organization_id} exists',
  /** `{ organization_id, member_id, connected_app_id }`: the member has authorized the app. */
  memberHasConnectedApp:
    'member {member_id} of organization {organization_id} has connected app {connected_app_id}',
  /**
   * `{ organization_id, member_id }`: the member has a live member session. Against the proxy the caller
   * holds it; against Stytch it injects `session_jwt` and `session_token`.
   */
  memberIsSignedIn: 'member {member_id} of organization {organization_id} is signed in',
  /**
   * `{ organization_id, member_id, connected_app_id }`: the member, signed in, has revoked the app
   * through the proxy, so its audit trail holds that one revoke.
   */
  memberRevokedConnectedApp:
    'member {member_id} of organization {organization_id} revoked connected app {connected_app_id} through the proxy',
  /** `{ organization_id, member_id }`: the member is signed in and has spent the proxy's per-caller allowance. */
  memberHasUsedUpRateLimit:
    'member {member_id} of organization {organization_id} has used up their rate limit',
} as const;
