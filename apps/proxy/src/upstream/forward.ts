import type { StytchClient } from '@connected-apps/core';
import type { RevocationAudit } from '../audit/revocation-audit.ts';
import { checkedParams, type Exchange } from '../pipeline/exchange.ts';
import type { ProxyResponse } from '../pipeline/proxy-response.ts';
import type { Responder } from '../pipeline/respond.ts';

/**
 * The answers of the two Stytch-shaped routes: one call through the proxy's Stytch client (its
 * timeout, retries and shape validation apply), whose body goes back as Stytch sent it. A failed call
 * rejects with core's typed error, which the pipeline's error exit answers. A revoke goes through
 * `audit` (its row durable before Stytch is called, its outcome before the answer).
 *
 * @example
 * const forward = createForwarders(stytch, respond, shutdown.signal, audit);
 * const route = { pattern, cors: true, checks, answer: forward.revoke };
 */
export function createForwarders(
  stytch: StytchClient,
  respond: Responder,
  signal?: AbortSignal,
  audit?: RevocationAudit,
) {
  const options = { signal };
  const answer = (exchange: Exchange, body: { request_id: string }): ProxyResponse =>
    respond.json(exchange, 200, JSON.stringify(body), { stytchRequestId: body.request_id });

  return {
    /** `POST {base}/v1/users/{user_id}/connected_apps/{connected_app_id}/revoke` */
    revoke: async (exchange: Exchange): Promise<ProxyResponse> => {
      const { user_id, connected_app_id } = checkedParams<'user_id' | 'connected_app_id'>(exchange);
      const send = () => stytch.users.revoke({ user_id, connected_app_id }, options);
      return answer(
        exchange,
        await (audit ? audit.revoke(exchange, 'revoke', connected_app_id, send) : send()),
      );
    },
    /** `GET {base}/v1/users/{user_id}/connected_apps` */
    list: async (exchange: Exchange): Promise<ProxyResponse> => {
      const { user_id } = checkedParams<'user_id'>(exchange);
      return answer(exchange, await stytch.users.connectedApps({ user_id }, options));
    },
  };
}
