/**
 * Stytch's error envelope and the catalogue of the errors the emulator answers with. Messages and
 * URLs are Stytch's own where Stytch documents them (the seed's 401/429/500, its 400/404 error pages);
 * the rest are marked in the README as the emulator's assumptions.
 */

/** The JSON body of every Stytch error. */
export interface StytchErrorBody {
  status_code: number;
  request_id: string;
  error_type: string;
  error_message: string;
  error_url: string;
  error_details?: unknown;
}

/** An error known to the emulator: its HTTP status and Stytch's message for it. */
export interface CatalogueEntry {
  status: number;
  message: string;
}

/** Every error type the emulator can answer with, keyed by Stytch `error_type`. */
export const STYTCH_ERRORS = {
  bad_request: { status: 400, message: 'The submitted request is invalid.' },
  invalid_user_id: { status: 400, message: 'user_id format is invalid.' },
  too_many_session_arguments: {
    status: 400,
    message: 'Only one of session_token or session_jwt may be provided.',
  },
  unauthorized_credentials: { status: 401, message: 'Unauthorized credentials.' },
  control_api_forbidden: {
    status: 403,
    message:
      'The emulator control API only answers loopback clients; start it with controlFromAnyAddress to allow others.',
  },
  user_not_found: { status: 404, message: 'User could not be found.' },
  connected_app_not_found: { status: 404, message: 'The Connected App requested could not be found.' },
  session_not_found: { status: 404, message: 'Session could not be found.' },
  project_not_found: { status: 404, message: 'Project could not be found.' },
  route_not_found: { status: 404, message: 'The requested route could not be found.' },
  duplicate_external_id: { status: 409, message: 'A user with that external_id already exists.' },
  too_many_requests: { status: 429, message: 'Too many requests have been made.' },
  internal_server_error: {
    status: 500,
    message:
      'Oops, something seems to have gone wrong, please reach out to support@stytch.com to let us know what went wrong.',
  },
} as const satisfies Record<string, CatalogueEntry>;

/** An `error_type` from the catalogue. */
export type StytchErrorType = keyof typeof STYTCH_ERRORS;

/** Stytch's error links point at the status page (`https://stytch.com/docs/api/errors/401`), as in the seed. */
export function errorUrl(status: number): string {
  return `https://stytch.com/docs/api/errors/${status}`;
}

/**
 * Builds a catalogued Stytch error body. `message` overrides Stytch's generic one where a more precise
 * sentence helps the caller (e.g. which field of a control request is wrong).
 */
export function stytchError(type: StytchErrorType, requestId: string, message?: string): StytchErrorBody {
  const entry: CatalogueEntry = STYTCH_ERRORS[type];
  return {
    status_code: entry.status,
    request_id: requestId,
    error_type: type,
    error_message: message ?? entry.message,
    error_url: errorUrl(entry.status),
  };
}

/**
 * The body a fault with only a `status` answers with: Stytch's own error for that status when the
 * catalogue has one, otherwise a Stytch-shaped error named after the HTTP status text.
 */
export function defaultErrorForStatus(status: number, requestId: string): StytchErrorBody {
  const known = (Object.keys(STYTCH_ERRORS) as StytchErrorType[]).find(
    (type) => STYTCH_ERRORS[type].status === status && GENERIC_BY_STATUS.has(type),
  );
  if (known) return stytchError(known, requestId);
  const text = STATUS_TEXT[status] ?? `HTTP ${status}`;
  return {
    status_code: status,
    request_id: requestId,
    error_type: text.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
    error_message: `${text}.`,
    error_url: errorUrl(status),
  };
}

/** The catalogue entries that stand for their whole status when a fault names only the status. */
const GENERIC_BY_STATUS = new Set<StytchErrorType>([
  'bad_request',
  'unauthorized_credentials',
  'too_many_requests',
  'internal_server_error',
]);

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  408: 'Request timeout',
  409: 'Conflict',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/** A Stytch error as a JSON response with the matching HTTP status. */
export function errorResponse(body: StytchErrorBody, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status: body.status_code,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
