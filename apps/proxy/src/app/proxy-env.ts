import type { HttpBindings } from '@hono/node-server';
import type { ProxyErrorType } from '../errors/error-catalog.ts';
import type { VerifiedSession } from '../session/verified-session.ts';

/** The Hono environment every proxy middleware shares: what each step leaves for the next. */
export interface ProxyEnv {
  /** Present on Node (`@hono/node-server`); absent on edge runtimes. */
  Bindings: Partial<HttpBindings>;
  Variables: {
    /** Our id for this request (also sent back as `X-Request-Id`). */
    requestId: string;
    /** The caller, once their session is verified. */
    session: VerifiedSession;
    /** Stytch's `request_id` for the forwarded call, for the request log. */
    stytchRequestId: string;
    /** The proxy error type this request ended with, for the request log. */
    errorType: ProxyErrorType | string;
    /** Why the request failed (jose or core error), for the request log: neither carries tokens or secrets. */
    failureCause: unknown;
  };
}
