import { ProxyError } from '../errors/proxy-error.ts';
import type { Check } from '../pipeline/route.ts';

/**
 * A route's methods: anything else is 405 `method_not_allowed` with `Allow` listing them.
 *
 * @example
 * allowMethods(['GET', 'HEAD']);
 */
export function allowMethods(methods: readonly string[]): Check {
  const allowed = new Set(methods);
  const headers = { allow: methods.join(', ') };
  return function allowMethods(exchange) {
    if (!allowed.has(exchange.request.method)) throw new ProxyError('method_not_allowed', { headers });
  };
}
