import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from '../app/proxy-env.ts';

/**
 * Resolves the caller's address for per-address rate limits. With `trustProxy` = 0 it is the socket's
 * peer; with n > 0 the n-th entry from the right of `X-Forwarded-For` (the one the outermost trusted
 * proxy saw), so a client cannot pick its own address by sending the header itself.
 * On runtimes without a socket (edge), `CF-Connecting-IP` or `'unknown'` (one shared bucket).
 *
 * @example
 * app.use(clientAddress(1)); // behind one load balancer
 */
export function clientAddress(trustProxy: number): MiddlewareHandler<ProxyEnv> {
  return async function clientAddress(c, next) {
    const socketAddress = c.env?.incoming?.socket?.remoteAddress;
    let address = socketAddress ?? c.req.header('cf-connecting-ip') ?? 'unknown';
    if (trustProxy > 0) {
      const forwarded = c.req.header('x-forwarded-for');
      if (forwarded) {
        const hops = forwarded.split(',');
        // hops + the socket peer; step back over the trusted proxies, never past the first entry.
        const index = Math.max(0, hops.length - trustProxy);
        const candidate = hops[index]?.trim();
        if (candidate) address = candidate;
      }
    }
    c.set('clientAddress', address);
    await next();
  };
}
