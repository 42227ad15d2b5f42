/**
 * The errors the emulator answers with: Stytch's own catalogue from core's wire (`STYTCH_ERRORS`,
 * the one place for Stytch's error types, statuses and messages), plus the few error types only the
 * emulator has (its control API, its fixtures). Every body has Stytch's envelope.
 */
import {
  STYTCH_ERRORS,
  type StytchErrorBody,
  type StytchErrorType,
  stytchErrorBody,
  stytchErrorUrl,
} from '@connected-apps/core/wire';

/** Error types of the emulator itself, documented in its README; Stytch has no such endpoints. */
const EMULATOR_ERRORS = {
  control_api_forbidden: {
    status: 403,
    message:
      'The emulator control API only answers loopback clients; start it with controlFromAnyAddress to allow others.',
  },
  duplicate_external_id: { status: 409, message: 'A user with that external_id already exists.' },
  duplicate_organization_ref: {
    status: 409,
    message: 'Another organization already has that organization_slug or organization_external_id.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

/** An `error_type` the emulator can answer with: one of Stytch's, or one of its own. */
export type EmulatorErrorType = StytchErrorType | keyof typeof EMULATOR_ERRORS;

/**
 * A catalogued error body. `message` overrides the generic sentence where a more precise one helps
 * the caller (e.g. which field of a control request is wrong).
 */
export function stytchError(type: EmulatorErrorType, requestId: string, message?: string): StytchErrorBody {
  if (!Object.hasOwn(EMULATOR_ERRORS, type)) {
    return stytchErrorBody(type as StytchErrorType, requestId, message);
  }
  const own = EMULATOR_ERRORS[type as keyof typeof EMULATOR_ERRORS];
  return envelope(own.status, type, message ?? own.message, requestId);
}

/** Stytch's errors that stand for their whole status when a fault names only the status. */
const GENERIC_BY_STATUS = new Map<number, StytchErrorType>(
  (['bad_request', 'unauthorized_credentials', 'too_many_requests', 'internal_server_error'] as const).map(
    (type) => [STYTCH_ERRORS[type].status, type],
  ),
);

const STATUS_TEXT: Record<number, string> = {
  403: 'Forbidden',
  404: 'Not found',
  408: 'Request timeout',
  409: 'Conflict',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/**
 * The body a fault with only a `status` answers with: Stytch's own error for that status when its
 * catalogue has a generic one, otherwise a Stytch-shaped error named after the HTTP status text.
 */
export function defaultErrorForStatus(status: number, requestId: string): StytchErrorBody {
  const known = GENERIC_BY_STATUS.get(status);
  if (known) return stytchErrorBody(known, requestId);
  const text = STATUS_TEXT[status] ?? `HTTP ${status}`;
  return envelope(status, text.toLowerCase().replace(/[^a-z0-9]+/g, '_'), `${text}.`, requestId);
}

function envelope(status: number, type: string, message: string, requestId: string): StytchErrorBody {
  const url = stytchErrorUrl(status);
  return {
    status_code: status,
    request_id: requestId,
    error_type: type,
    error_message: message,
    error_url: url,
  };
}

/** A Stytch error as a JSON response with the matching HTTP status. */
export function errorResponse(body: StytchErrorBody, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status: body.status_code,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
