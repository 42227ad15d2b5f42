import type { ConnectedAppsClient } from '@connected-apps/core';
import type { Context, Handler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ProxyEnv } from '../app/proxy-env.ts';
import type { ErrorResponder } from '../errors/error-response.ts';
import { classifyUpstreamError } from './upstream-error.ts';

/**
 * The last step of each Stytch-shaped route: one call through `@connected-apps/core`'s Stytch client
 * (its timeout and retries apply), whose answer goes back as Stytch sent it.
 */
export function createForwarders(stytch: ConnectedAppsClient, respondError: ErrorResponder) {
  const fail = (c: Context<ProxyEnv>, error: unknown): Response => {
    const outcome = classifyUpstreamError(error);
    if ('proxyError' in outcome) {
      c.set('failureCause', error);
      return respondError(c, outcome.proxyError);
    }
    const stytchError = outcome.passThrough;
    c.set('stytchRequestId', stytchError.request_id);
    c.set('errorType', stytchError.error_type);
    const headers =
      stytchError.retryAfter === undefined
        ? undefined
        : { 'Retry-After': String(Math.ceil(stytchError.retryAfter / 1000)) };
    return c.json(stytchError.toJSON(), stytchError.status_code as ContentfulStatusCode, headers);
  };

  /** `POST {base}/v1/users/:user_id/connected_apps/:connected_app_id/revoke` */
  const revoke: Handler<ProxyEnv> = async (c) => {
    try {
      const body = await stytch.users.revoke({
        user_id: c.req.param('user_id') as string,
        connected_app_id: c.req.param('connected_app_id') as string,
      });
      c.set('stytchRequestId', body.request_id);
      return c.json(body);
    } catch (error) {
      return fail(c, error);
    }
  };

  /** `GET {base}/v1/users/:user_id/connected_apps` */
  const list: Handler<ProxyEnv> = async (c) => {
    try {
      const body = await stytch.users.connectedApps({ user_id: c.req.param('user_id') as string });
      c.set('stytchRequestId', body.request_id);
      return c.json(body);
    } catch (error) {
      return fail(c, error);
    }
  };

  return { revoke, list };
}
