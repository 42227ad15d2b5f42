import { getPath } from 'hono/utils/url';

/**
 * Hono's `getPath` option: route on the request target exactly as the client sent it.
 *
 * Node's URL parsing resolves `..` and `%2e%2e` segments before Hono sees the path, so
 * `/users/me/../victim` would arrive as `/users/victim`. Routing on the raw target instead means
 * every dot segment, encoded slash and double encoding stays inside a path parameter, where
 * {@link validPathParam} rejects it. Edge runtimes hand over an already-normalized URL: there the
 * parameter checks still apply.
 */
export function rawPath(request: Request, options?: { env?: unknown }): string {
  const incomingUrl = (options?.env as { incoming?: { url?: unknown } } | undefined)?.incoming?.url;
  if (typeof incomingUrl === 'string' && incomingUrl.charCodeAt(0) === 47 /* '/' */) {
    const end = incomingUrl.search(/[?#]/);
    const path = end === -1 ? incomingUrl : incomingUrl.slice(0, end);
    // Same decoding Hono applies (decodeURI keeps %2F and %25 encoded), now on the unresolved path.
    return getPath({ url: `http://raw${path}` } as Request);
  }
  return getPath(request);
}

/** Longest id accepted in a path segment; Stytch ids are well under 100 characters. */
export const MAX_PATH_PARAM_LENGTH = 128;

/**
 * Whether a decoded path parameter is safe to forward: non-empty, bounded, no control characters,
 * no slash or backslash, not a dot segment, and no `%` left after decoding (double encoding).
 */
export function validPathParam(value: string | undefined): value is string {
  if (!value || value.length > MAX_PATH_PARAM_LENGTH) return false;
  if (value === '.' || value.includes('..')) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // C0 controls, DEL, C1 controls, '/', '\\', '%', and characters that end a path ('?', '#').
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return false;
    if (code === 0x2f || code === 0x5c || code === 0x25 || code === 0x3f || code === 0x23) return false;
  }
  return true;
}
