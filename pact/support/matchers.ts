import { MatchersV3 } from '@pact-foundation/pact';

const { regex } = MatchersV3;

/** A regex matcher whose example is checked against its own pattern, so a pact can never carry a lie. */
export function matching(pattern: string, example: string): MatchersV3.V3RegexMatcher {
  if (!new RegExp(pattern).test(example)) {
    throw new Error(`Example ${JSON.stringify(example)} does not match /${pattern}/`);
  }
  return regex(pattern, example);
}

/** One path segment: Stytch ids carry prefixes (`user-test-…`) and a user_id may be an external_id. */
export const SEGMENT = '[^/?#]+';

/** Stytch request ids: `request-id-test-<uuid>` or `request-id-live-<uuid>`. */
export const STYTCH_REQUEST_ID = '^request-id-(test|live)-[0-9a-f-]{36}$';
export const EXAMPLE_REQUEST_ID = 'request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141';

/** A Stytch request id, whatever the generated value. */
export const stytchRequestId = (): MatchersV3.V3RegexMatcher =>
  matching(STYTCH_REQUEST_ID, EXAMPLE_REQUEST_ID);

/** Any id that fits in one path segment, with a realistic example. */
export const id = (example: string): MatchersV3.V3RegexMatcher => matching(`^${SEGMENT}$`, example);

/** RFC 3339 timestamps as Stytch writes them (`2021-12-29T12:33:09Z`, optional fraction). */
export const rfc3339 = (example: string): MatchersV3.V3RegexMatcher =>
  matching('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$', example);

/**
 * Credentials never live in a pact: each is matched by shape, with an obviously fake example, and the
 * provider verification swaps in a real one (Pact's documented pattern for auth headers).
 */
export const FAKE_PROJECT_ID = 'project-test-fake';
export const FAKE_SECRET = 'secret-test-fake';
/** `Basic base64("project-test-fake:secret-test-fake")`. */
export const FAKE_BASIC_AUTH = 'Basic cHJvamVjdC10ZXN0LWZha2U6c2VjcmV0LXRlc3QtZmFrZQ==';
export const basicAuth = (): MatchersV3.V3RegexMatcher =>
  matching('^Basic [A-Za-z0-9+/]+={0,2}$', FAKE_BASIC_AUTH);

/** An opaque session token that is plainly not one (the verification injects a live one where a state gives it). */
export const FAKE_SESSION_TOKEN = 'session-token-fake-not-a-real-one-0000000000';

/** A JWT-shaped value that is plainly not one: header `{"alg":"none"}`, payload `{"fake":true}`. */
export const FAKE_SESSION_JWT = 'eyJhbGciOiJub25lIn0.eyJmYWtlIjp0cnVlfQ.fake';
const JWT = '[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+';
export const bearerSession = (): MatchersV3.V3RegexMatcher =>
  matching(`^Bearer ${JWT}$`, `Bearer ${FAKE_SESSION_JWT}`);
export const sessionJwtCookie = (): MatchersV3.V3RegexMatcher =>
  matching(`^stytch_session_jwt=${JWT}$`, `stytch_session_jwt=${FAKE_SESSION_JWT}`);
