import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PROXY_ERRORS, type ProxyErrorType } from './error-catalog.ts';

/** The Stytch error envelope, as every hop (Stytch, emulator, proxy) sends it. */
export interface StytchErrorBody {
  status_code: number;
  request_id: string;
  error_type: string;
  error_message: string;
  error_url: string;
  error_details?: unknown;
}

/** Answers a request with one of the proxy's own errors, Stytch-shaped. */
export type ErrorResponder = (
  c: Context,
  type: ProxyErrorType,
  options?: { message?: string; headers?: Record<string, string> },
) => Response;

/**
 * Builds the responder once per app so each error's `error_url` string is made at start, not per request.
 *
 * @example
 * const respondError = createErrorResponder('https://example.com/errors.md');
 * return respondError(c, 'session_required');
 */
export function createErrorResponder(errorDocsUrl: string): ErrorResponder {
  const urls = new Map<string, string>();
  for (const type of Object.keys(PROXY_ERRORS)) urls.set(type, `${errorDocsUrl}#${type}`);
  return (c, type, options) => {
    const { status, message } = PROXY_ERRORS[type];
    const body: StytchErrorBody = {
      status_code: status,
      request_id: (c.get('requestId') as string | undefined) ?? 'unknown',
      error_type: type,
      error_message: options?.message ?? message,
      error_url: urls.get(type) ?? errorDocsUrl,
    };
    c.set('errorType', type);
    return c.json(body, status as ContentfulStatusCode, options?.headers);
  };
}
