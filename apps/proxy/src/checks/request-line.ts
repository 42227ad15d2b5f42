import { ProxyError } from '../errors/proxy-error.ts';
import type { RequestView } from '../pipeline/exchange.ts';

// An authority (RFC 3986 §3.2.2): a bracketed IP literal or a reg-name, then an optional port.
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[\w.~!$&'()*+,;=%-]*)(:\d*)?$/;
const CHUNKED_LAST = /(^|,)\s*chunked\s*$/i;

/**
 * The path to route on, or a 400 `bad_request` for a request line the proxy will not route:
 * - a target that is not a path (absolute-form `http://other.host/api/…`, `*`, authority-form): it is
 *   refused, not resolved, so what is routed is always exactly what was sent;
 * - a backslash in the target, which some servers and URL parsers treat as `/`;
 * - no `Host` (required by HTTP/1.1; HTTP/1.0 load-balancer health checks may omit it on `probePaths`),
 *   or one that is not a host;
 * - a `Transfer-Encoding` whose last coding is not `chunked`: the body's length cannot be known
 *   (RFC 9112 §6.3 has the server refuse it).
 * The query and fragment are left out: no route takes either.
 *
 * @example
 * const readPath = createRequestLineCheck(new Set(['/healthz', '/readyz']));
 * readPath(view); // '/api/v1/users/user-test-1/connected_apps'
 */
export function createRequestLineCheck(probePaths: ReadonlySet<string>): (request: RequestView) => string {
  return (request) => {
    const { target, host } = request;
    if (target.charCodeAt(0) !== 47 /* '/' */) {
      throw new ProxyError('bad_request', {
        message: 'The request target must be a path; absolute-form and other targets are refused.',
      });
    }
    if (target.includes('\\')) {
      throw new ProxyError('bad_request', { message: 'The request target must not contain a backslash.' });
    }
    const end = target.search(/[?#]/);
    const path = end === -1 ? target : target.slice(0, end);
    if (host === undefined) {
      if (request.httpVersion === '1.0' && probePaths.has(path)) return path;
      throw new ProxyError('bad_request', { message: 'The Host header is required.' });
    }
    if (!HOST.test(host)) throw new ProxyError('bad_request', { message: 'The Host header is not a host.' });
    const codings = request.header('transfer-encoding');
    if (codings !== undefined && !CHUNKED_LAST.test(codings)) {
      throw new ProxyError('bad_request', { message: 'A Transfer-Encoding must end with chunked.' });
    }
    return path;
  };
}
