import type { OrganizationClaim } from '@connected-apps/core/wire';

/** A caller whose Stytch session has been verified, locally (JWT) or by Stytch (`sessions/authenticate`). */
export interface VerifiedSession {
  /**
   * Stytch's `user_id` (`user-test-…`), the only user a non-admin may act on; for a B2B member
   * session, the `member_id` (`member-test-…`).
   */
  user_id: string;
  session_id: string;
  /** RBAC roles from the session (`https://stytch.com/session` claim, or the session object). */
  roles: readonly string[];
  /** Epoch ms after which this verification must not be reused. */
  trust_until_ms: number;
  /** How it was verified: locally against the JWKS, or remotely with Stytch. */
  verified_by: 'jwt' | 'stytch';
  /** B2B member sessions only: the member's organization (`https://stytch.com/organization`). */
  organization?: OrganizationClaim;
}
