import type { RawResponse } from './raw-request.ts';

/** Proxy error types that stand for an upstream failure, with the status each is documented with. */
export const MAPPED_UPSTREAM_FAILURES: Record<string, number> = {
  upstream_unavailable: 502,
  upstream_invalid_response: 502,
  upstream_timeout: 504,
  not_ready: 503,
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const nonEmptyString = (value: unknown) => typeof value === 'string' && value.length > 0;

/**
 * Everything that makes a response not Stytch-shaped: a JSON object whose `status_code` matches the
 * HTTP status, with a `request_id`, and for errors `error_type`, `error_message` and `error_url`.
 * HEAD responses and 204 preflight answers carry no body by definition and are checked for that only.
 * Returns an empty list for a well-shaped response.
 */
export function stytchShapeProblems(method: string, res: RawResponse): string[] {
  if (method === 'HEAD' || (res.status === 204 && method === 'OPTIONS')) {
    return res.body === '' ? [] : [`${res.status} to ${method} has a body`];
  }
  const problems: string[] = [];
  if (!String(res.headers['content-type'] ?? '').startsWith('application/json')) {
    problems.push(`content-type is ${JSON.stringify(res.headers['content-type'])}`);
  }
  const body = parseJson(res.body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [...problems, `body is not a JSON object: ${res.body.slice(0, 120)}`];
  }
  const fields = body as Record<string, unknown>;
  if (fields.status_code !== res.status)
    problems.push(`status_code ${fields.status_code} ≠ HTTP ${res.status}`);
  if (!nonEmptyString(fields.request_id)) problems.push('request_id missing');
  if (res.status >= 400) {
    for (const key of ['error_type', 'error_message', 'error_url']) {
      if (!nonEmptyString(fields[key])) problems.push(`${key} missing`);
    }
  }
  return problems;
}

/**
 * A 5xx is acceptable only as a mapped upstream failure (the proxy's 502/503/504 types) or as
 * Stytch's own error passed through (its request ids look like `request-id-test-…`).
 */
export function isUnexpected5xx(res: RawResponse): boolean {
  if (res.status < 500) return false;
  const body = parseJson(res.body) as Record<string, unknown> | undefined;
  const type = typeof body?.error_type === 'string' ? body.error_type : '';
  if (MAPPED_UPSTREAM_FAILURES[type] === res.status) return false;
  const passedThrough =
    typeof body?.request_id === 'string' && /^request-id-(test|live)-/.test(body.request_id);
  return !passedThrough;
}

/** The `error_type` of a response, or `undefined` for a success or a body that is not JSON. */
export function errorTypeOf(res: RawResponse): string | undefined {
  const body = parseJson(res.body) as Record<string, unknown> | undefined;
  return typeof body?.error_type === 'string' ? body.error_type : undefined;
}
