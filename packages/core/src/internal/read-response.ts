import type { ConnectedAppsError, StytchErrorFields } from '../errors/connected-apps-error.ts';
import { InvalidResponseError } from '../errors/invalid-response-error.ts';
import { StytchApiError } from '../errors/stytch-api-error.ts';
import type { TransportResponse } from '../transport.ts';
import { isRecord } from '../wire/shape-guards.ts';
import { normalizeErrorBody } from './normalize-error-body.ts';
import { parseRetryAfter } from './parse-retry-after.ts';
import { redact } from './redact.ts';

const SNIPPET_LENGTH = 200;

/** Context for turning a response into a result: the call's local request id and what to redact. */
export interface ReadContext {
  request_id: string;
  secrets: readonly string[];
}

/**
 * A response as the operation's typed result, or as the typed error it stands for:
 * 2xx with the expected shape → data; an error status with a Stytch/OAuth2 body → `StytchApiError`;
 * anything else (not JSON, wrong shape, gateway HTML) → `InvalidResponseError`.
 */
export function readResponse<T>(
  response: TransportResponse,
  isExpected: (json: unknown) => json is T,
  context: ReadContext,
): { data: T } | { error: ConnectedAppsError } {
  const json = parseJson(response.body);
  const ok = response.status >= 200 && response.status < 300;
  if (ok && isExpected(json)) return { data: json };
  if (!ok) {
    const fields = normalizeErrorBody(json, response.status, context.request_id);
    if (fields) {
      const retryAfter = parseRetryAfter(response.headers['retry-after']);
      return { error: new StytchApiError({ ...redactFields(fields, context.secrets), retryAfter }) };
    }
  }
  return { error: invalidResponse(response, json, context) };
}

function invalidResponse(
  response: TransportResponse,
  json: unknown,
  context: ReadContext,
): InvalidResponseError {
  const content_type = response.headers['content-type'] ?? null;
  const problem =
    json === undefined
      ? 'is not JSON'
      : response.status < 300
        ? 'does not have the expected shape'
        : 'is not a Stytch or OAuth2 error';
  const request_id =
    isRecord(json) && typeof json.request_id === 'string' ? json.request_id : context.request_id;
  return new InvalidResponseError({
    status_code: response.status,
    request_id,
    error_message: `The response (HTTP ${response.status}, ${content_type ?? 'no content type'}) ${problem}.`,
    error_details: {
      content_type,
      body_snippet: redact(response.body, context.secrets).slice(0, SNIPPET_LENGTH),
    },
  });
}

// A server that echoes credentials back (a misconfigured gateway, a debug endpoint) must not leak them.
function redactFields(fields: StytchErrorFields, secrets: readonly string[]): StytchErrorFields {
  const serialized = JSON.stringify(fields);
  const redacted = redact(serialized, secrets);
  return redacted === serialized ? fields : (JSON.parse(redacted) as StytchErrorFields);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
