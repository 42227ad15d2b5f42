import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import type { EmulatorEnv } from './hono-env.ts';
import { errorResponse, stytchError } from './stytch-errors.ts';

/** Whether an address is the local machine: 127.0.0.0/8, ::1, or IPv4-mapped loopback. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/**
 * Lets only loopback clients use the control API: it can rewrite the emulator's data, so an emulator
 * bound to a public interface must not hand that power to the network. In-process calls (no socket)
 * come from the emulator's own process and are allowed.
 */
export function loopbackOnly(newRequestId: () => string): MiddlewareHandler<EmulatorEnv> {
  return async function loopbackOnlyMiddleware(c, next) {
    if (c.env?.incoming) {
      const address = getConnInfo(c).remote.address;
      if (!isLoopbackAddress(address))
        return errorResponse(stytchError('control_api_forbidden', newRequestId()));
    }
    await next();
  };
}
