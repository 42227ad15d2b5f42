/**
 * Every error type the proxy itself originates, with its HTTP status and default message. Stytch's own
 * errors pass through unchanged and are not listed here. `docs/errors.md` documents each entry: keep the
 * two in step (a test checks that every type here has a section there).
 */
export const PROXY_ERRORS = {
  bad_request: {
    status: 400,
    message: 'The request could not be read.',
  },
  invalid_user_id: {
    status: 400,
    message: 'The user_id path parameter is not a valid id.',
  },
  invalid_connected_app_id: {
    status: 400,
    message: 'The connected_app_id path parameter is not a valid id.',
  },
  invalid_organization_id: {
    status: 400,
    message: 'The organization_id path parameter is not a valid id.',
  },
  invalid_member_id: {
    status: 400,
    message: 'The member_id path parameter is not a valid id.',
  },
  session_required: {
    status: 401,
    message: 'A Stytch session is required: send a session JWT as a Bearer token or a session cookie.',
  },
  session_invalid: {
    status: 401,
    message: 'The Stytch session is invalid or has expired.',
  },
  user_forbidden: {
    status: 403,
    message: "This session may not act on another user's connected apps.",
  },
  organization_forbidden: {
    status: 403,
    message: 'This member session may not act on another organization.',
  },
  member_forbidden: {
    status: 403,
    message: "This member's roles do not permit this action on this member's connected apps.",
  },
  origin_forbidden: {
    status: 403,
    message: 'Cookie-authenticated writes must come from an allowed Origin.',
  },
  route_not_found: {
    status: 404,
    message: 'No route matches this path.',
  },
  audit_trail_disabled: {
    status: 404,
    message:
      'This proxy keeps no audit trail (AUDIT_DATABASE_URL is not set), so it has no revocation history.',
  },
  method_not_allowed: {
    status: 405,
    message: 'This route does not accept this method.',
  },
  request_timeout: {
    status: 408,
    message: 'The request was not received in time.',
  },
  payload_too_large: {
    status: 413,
    message: 'The request body is too large.',
  },
  unsupported_media_type: {
    status: 415,
    message: 'The request body must be empty or application/json.',
  },
  too_many_requests: {
    status: 429,
    message: 'Too many requests have been made. Retry after the delay given.',
  },
  request_headers_too_large: {
    status: 431,
    message: 'The request headers are too large.',
  },
  internal_server_error: {
    status: 500,
    message: 'The proxy failed unexpectedly while handling the request.',
  },
  configuration_invalid: {
    status: 500,
    message: "The proxy's configuration is invalid: its operator must fix it (the proxy's log names what).",
  },
  upstream_unavailable: {
    status: 502,
    message: 'Stytch could not be reached.',
  },
  upstream_invalid_response: {
    status: 502,
    message: 'Stytch answered with a response the proxy could not read.',
  },
  not_ready: {
    status: 503,
    message: 'The proxy is not ready: the session signing keys cannot be fetched.',
  },
  shutting_down: {
    status: 503,
    message: 'The proxy shut down before Stytch answered. The call may have happened; retrying is safe.',
  },
  audit_unavailable: {
    status: 503,
    message:
      'The audit trail cannot record this revoke right now, and this proxy requires it; nothing was revoked. Retry shortly.',
  },
  upstream_timeout: {
    status: 504,
    message: 'Stytch did not answer in time.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

/** An error type the proxy originates (see `docs/errors.md`). */
export type ProxyErrorType = keyof typeof PROXY_ERRORS;

/** Where the proxy's error reference lives; each `error_url` is this plus `#<error_type>`. */
export const DEFAULT_ERROR_DOCS_URL =
  'https://github.com/connected-apps/connected-apps/blob/main/apps/proxy/docs/errors.md';
