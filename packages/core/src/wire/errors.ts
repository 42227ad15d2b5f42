import type { StytchErrorBody } from './shapes.ts';

/**
 * Stytch's own error types on the endpoints connected-apps speaks, consumer and B2B, with their HTTP
 * status and Stytch's message (the seed's 401/429/500 verbatim; the others from Stytch's error
 * reference, `stytch.com/docs/api/errors/{status}` and `…/b2b/api/errors/{status}`).
 * The emulator answers with these; clients and the proxy pass them through unchanged.
 */
export const STYTCH_ERRORS = {
  bad_request: { status: 400, message: 'The submitted request is invalid.' },
  invalid_user_id: { status: 400, message: 'user_id format is invalid.' },
  invalid_organization_id: { status: 400, message: 'organization_id format is invalid.' },
  invalid_member_id: { status: 400, message: 'member_id format is invalid.' },
  too_many_session_arguments: {
    status: 400,
    message: 'Only one of session_token or session_jwt may be provided.',
  },
  unauthorized_credentials: { status: 401, message: 'Unauthorized credentials.' },
  // B2B: a call run with a member's session (X-Stytch-Member-Session…) that its roles do not permit,
  // or on another organization. Stytch's B2B 403 reference, verbatim.
  session_authorization_error: {
    status: 403,
    message: 'The Member is not authorized to perform the requested action on that resource.',
  },
  user_not_found: { status: 404, message: 'User could not be found.' },
  organization_not_found: { status: 404, message: 'Organization could not be found.' },
  member_not_found: { status: 404, message: 'Member could not be found.' },
  connected_app_not_found: { status: 404, message: 'The Connected App requested could not be found.' },
  session_not_found: { status: 404, message: 'Session could not be found.' },
  project_not_found: { status: 404, message: 'Project could not be found.' },
  route_not_found: { status: 404, message: 'The requested route could not be found.' },
  too_many_requests: { status: 429, message: 'Too many requests have been made.' },
  internal_server_error: {
    status: 500,
    message:
      'Oops, something seems to have gone wrong, please reach out to support@stytch.com to let us know what went wrong.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

/** An `error_type` Stytch answers with on these endpoints. */
export type StytchErrorType = keyof typeof STYTCH_ERRORS;

/** Stytch's `error_url` for a status: its error page for that status, as in the seed. */
export function stytchErrorUrl(status: number): string {
  return `https://stytch.com/docs/api/errors/${status}`;
}

/**
 * A Stytch error body as Stytch sends it. `message` overrides Stytch's generic sentence where a
 * more precise one helps.
 *
 * @example
 * stytchErrorBody('user_not_found', 'request-id-test-…');
 */
export function stytchErrorBody(
  type: StytchErrorType,
  request_id: string,
  message?: string,
): StytchErrorBody {
  const { status, message: standard } = STYTCH_ERRORS[type];
  return {
    status_code: status,
    request_id,
    error_type: type,
    error_message: message ?? standard,
    error_url: stytchErrorUrl(status),
  };
}
