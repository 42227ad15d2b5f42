import type { StytchErrorFields } from '../errors/connected-apps-error.ts';
import { isRecord } from '../wire/shape-guards.ts';

/**
 * Reads an error body as Stytch's shape, or as OAuth2's (`error`, `error_description`, `error_uri`,
 * which token endpoints and some gateways send) mapped onto Stytch's. `undefined` when it is neither.
 * Missing fields are filled from the HTTP status and `fallbackRequestId`.
 */
export function normalizeErrorBody(
  body: unknown,
  httpStatus: number,
  fallbackRequestId: string,
): StytchErrorFields | undefined {
  if (!isRecord(body)) return undefined;
  const text = (key: string): string | undefined => (typeof body[key] === 'string' ? body[key] : undefined);
  const common = {
    status_code: typeof body.status_code === 'number' ? body.status_code : httpStatus,
    request_id: text('request_id') ?? fallbackRequestId,
  };
  let fields: StytchErrorFields;
  const errorType = text('error_type');
  const oauthError = text('error');
  if (errorType !== undefined) {
    fields = {
      ...common,
      error_type: errorType,
      error_message: text('error_message') ?? '',
      error_url: text('error_url') ?? '',
    };
  } else if (oauthError !== undefined) {
    fields = {
      ...common,
      error_type: oauthError,
      error_message: text('error_description') ?? oauthError,
      error_url: text('error_uri') ?? '',
    };
  } else {
    return undefined;
  }
  if (body.error_details !== undefined) fields.error_details = body.error_details;
  return fields;
}
