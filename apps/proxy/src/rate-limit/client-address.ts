import type { RequestView } from '../pipeline/exchange.ts';

/**
 * The caller's address, for per-address rate limits. With `trustProxy` = 0 it is the socket's peer;
 * with n > 0 the n-th entry from the right of `X-Forwarded-For` (the one the outermost trusted proxy
 * saw), so a client cannot pick its own address by sending the header itself.
 * On runtimes without a socket (edge), `CF-Connecting-IP` or `'unknown'` (one shared bucket).
 *
 * @example
 * clientAddress(request, 1); // behind one load balancer
 */
export function clientAddress(request: RequestView, trustProxy: number): string {
  if (trustProxy > 0) {
    const forwarded = request.header('x-forwarded-for');
    if (forwarded) {
      const hops = forwarded.split(',');
      // hops + the socket peer; step back over the trusted proxies, never past the first entry.
      const candidate = hops[Math.max(0, hops.length - trustProxy)]?.trim();
      if (candidate) return candidate;
    }
  }
  return request.remoteAddress ?? request.header('cf-connecting-ip') ?? 'unknown';
}
