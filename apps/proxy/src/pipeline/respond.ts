import type { CorsPolicy } from './cors-policy.ts';
import type { Exchange } from './exchange.ts';
import type { ProxyResponse } from './proxy-response.ts';

/**
 * Headers on every answer: the set OWASP's REST Security Cheat Sheet recommends for a JSON API that is
 * never framed or rendered, plus `Referrer-Policy` and `Cross-Origin-Resource-Policy` from Hono's
 * `secureHeaders` defaults. Its other defaults (X-XSS-Protection, X-Download-Options,
 * X-DNS-Prefetch-Control, X-Permitted-Cross-Domain-Policies, Origin-Agent-Cluster) concern HTML pages
 * and plugins: they would only add bytes to every response of an API.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/** What an answer says besides status and body: extra headers, and what the request log records. */
export interface Outcome {
  headers?: Readonly<Record<string, string>> | undefined;
  errorType?: string | undefined;
  cause?: unknown;
  stytchRequestId?: string | undefined;
}

/** Builds every answer the proxy gives, so each carries the same headers. */
export interface Responder {
  /** A JSON answer: security headers, `X-Request-Id`, CORS where it applies, then `outcome.headers`. */
  json(exchange: Exchange, status: number, body: string, outcome?: Outcome): ProxyResponse;
  /** The 204 answer to a CORS preflight from `origin`. */
  preflight(exchange: Exchange, origin: string): ProxyResponse;
}

/**
 * @example
 * const respond = createResponder(createCorsPolicy(['https://app.example.com']));
 * return respond.json(exchange, 200, '{"status":"ok"}');
 */
export function createResponder(cors: CorsPolicy): Responder {
  return {
    json(exchange, status, body, outcome = {}) {
      const origin = exchange.route?.cors ? exchange.request.header('origin') : undefined;
      return {
        status,
        headers: {
          ...SECURITY_HEADERS,
          'content-type': 'application/json',
          'x-request-id': exchange.requestId,
          ...(origin === undefined ? undefined : cors.responseHeaders(origin)),
          ...outcome.headers,
        },
        body,
        errorType: outcome.errorType,
        cause: outcome.cause,
        stytchRequestId: outcome.stytchRequestId,
      };
    },
    preflight(exchange, origin) {
      return {
        status: 204,
        headers: {
          ...SECURITY_HEADERS,
          'x-request-id': exchange.requestId,
          ...cors.preflightHeaders(origin),
        },
        body: '',
      };
    },
  };
}
