/**
 * CORS for an exact allowlist with credentials (the session cookie), answering as Hono's `cors()`
 * middleware does with these options: `Access-Control-Allow-Origin` only for a listed origin,
 * `Allow-Credentials`, `Expose-Headers: X-Request-Id, Retry-After`, `Vary: Origin`; a preflight is 204
 * with `Allow-Methods: GET, HEAD, POST`, `Allow-Headers: Authorization, Content-Type, X-Request-Id` and
 * `Max-Age: 600`.
 *
 * Written out here because Hono's middleware only runs inside a Hono `Context` (it reads and writes
 * `c.req`/`c.res`), and the proxy's pipeline has none on its hot path. The header sets are built once
 * per origin at start, so a request costs one map lookup.
 */
export interface CorsPolicy {
  /** Headers for an answer to a request that sent `Origin: origin`. */
  responseHeaders(origin: string): Readonly<Record<string, string>>;
  /** Headers of the 204 answer to a preflight from `origin`. */
  preflightHeaders(origin: string): Readonly<Record<string, string>>;
}

const EXPOSED = 'X-Request-Id,Retry-After';
const ALLOWED_METHODS = 'GET,HEAD,POST';
const ALLOWED_HEADERS = 'Authorization,Content-Type,X-Request-Id';
const MAX_AGE_SECONDS = '600';

/**
 * Builds the CORS policy for `origins` (exact origins such as `https://app.example.com`).
 *
 * @example
 * const cors = createCorsPolicy(['https://app.example.com']);
 * cors.responseHeaders('https://app.example.com')['access-control-allow-origin']; // 'https://app.example.com'
 */
export function createCorsPolicy(origins: readonly string[]): CorsPolicy {
  const common = { 'access-control-allow-credentials': 'true', 'access-control-expose-headers': EXPOSED };
  const foreign = { ...common, vary: 'Origin' };
  const foreignPreflight = {
    ...common,
    vary: 'Origin, Access-Control-Request-Headers',
    'access-control-max-age': MAX_AGE_SECONDS,
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': ALLOWED_HEADERS,
  };
  const allowed = new Map(
    origins.map((origin) => [origin, { 'access-control-allow-origin': origin, ...foreign }]),
  );
  const allowedPreflight = new Map(
    origins.map((origin) => [origin, { 'access-control-allow-origin': origin, ...foreignPreflight }]),
  );
  return {
    responseHeaders: (origin) => allowed.get(origin) ?? foreign,
    preflightHeaders: (origin) => allowedPreflight.get(origin) ?? foreignPreflight,
  };
}
