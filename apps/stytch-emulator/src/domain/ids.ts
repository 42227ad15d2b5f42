import { randomUUID } from 'node:crypto';
import type { StytchEnvironment } from '@connected-apps/core/wire';

/**
 * Stytch's id kinds, each rendered `<kind>-<env>-<uuid>` (e.g. `user-test-…`, `connected-app-test-…`,
 * `organization-test-…`, `member-test-…`, `member-session-test-…`).
 */
export type IdKind =
  | 'user'
  | 'connected-app'
  | 'session'
  | 'email'
  | 'jwk'
  | 'access-token'
  | 'refresh-token'
  | 'organization'
  | 'member'
  | 'member-session';

/** Returns a generator of fresh Stytch-style ids for one environment. */
export function createIdFactory(env: StytchEnvironment): (kind: IdKind) => string {
  return (kind) => `${kind}-${env}-${randomUUID()}`;
}

/**
 * What Stytch accepts as a user id or external id in a path: alphanumerics and `.`, `_`, `-`, `|`,
 * at most 128 characters (Stytch's documented external_id alphabet, which its own ids also fit).
 * Kept here on purpose, not taken from core's `pathParamProblem`: it is an independent check of what
 * core lets through, so a client or proxy bug that sends a malformed id is caught here as Stytch would.
 */
const USER_ID_PATTERN = /^[A-Za-z0-9._|-]{1,128}$/;

/** Whether `value` is well-formed as a `user_id`/`external_id`. */
export function isWellFormedUserId(value: string): boolean {
  return USER_ID_PATTERN.test(value);
}

// An `organization_id` in a path may also be a slug (letters, digits, `- . _ ~`) or an external id
// (the user-id alphabet above): what either may be, and nothing else.
const ORGANIZATION_REF_PATTERN = /^[A-Za-z0-9._~|-]{1,128}$/;

/** Whether `value` is well-formed as an `organization_id`, slug or organization external id. */
export function isWellFormedOrganizationRef(value: string): boolean {
  return ORGANIZATION_REF_PATTERN.test(value);
}
