import type { B2BMemberAuthorization, B2BRequestOptions, StytchB2BClient } from '@connected-apps/core';
import type { RevocationAudit } from '../audit/revocation-audit.ts';
import { checkedParams, type Exchange } from '../pipeline/exchange.ts';
import type { ProxyResponse } from '../pipeline/proxy-response.ts';
import type { Responder } from '../pipeline/respond.ts';
import { readSessionCredential } from '../session/session-credential.ts';

/**
 * The answers of the four B2B routes: one call through the proxy's B2B Stytch client (its timeout,
 * retries and shape validation apply) with the canonical ids the checks left in `exchange.params`,
 * whose body goes back as Stytch sent it. Each call also carries the caller's member session
 * (`X-Stytch-Member-SessionJWT` or `X-Stytch-Member-Session`), so Stytch enforces the same RBAC
 * policy again (defense in depth: a Stytch 403 `session_authorization_error` passes through). A failed
 * call rejects with core's typed error, which the pipeline's error exit answers. A revoke goes through
 * `audit` (its row durable before Stytch is called, its outcome before the answer), as the consumer's.
 *
 * @example
 * const forward = createB2BForwarders(b2b, respond, shutdown.signal);
 * const route = { pattern, cors: true, checks, answer: forward.revoke };
 */
export function createB2BForwarders(
  stytch: StytchB2BClient,
  respond: Responder,
  signal?: AbortSignal,
  audit?: RevocationAudit,
) {
  const optionsFor = (exchange: Exchange): B2BRequestOptions => ({
    signal,
    authorization: memberAuthorization(exchange),
  });
  const answer = (exchange: Exchange, body: { request_id: string }): ProxyResponse =>
    respond.json(exchange, 200, JSON.stringify(body), { stytchRequestId: body.request_id });
  const { organizations } = stytch;

  return {
    /** `GET {base}/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps` */
    list: async (exchange: Exchange): Promise<ProxyResponse> => {
      const { organization_id, member_id } = checkedParams<'organization_id' | 'member_id'>(exchange);
      return answer(
        exchange,
        await organizations.members.getConnectedApps({ organization_id, member_id }, optionsFor(exchange)),
      );
    },
    /** `POST {base}/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps/{connected_app_id}/revoke` */
    revoke: async (exchange: Exchange): Promise<ProxyResponse> => {
      const { organization_id, member_id, connected_app_id } = checkedParams<
        'organization_id' | 'member_id' | 'connected_app_id'
      >(exchange);
      const send = () =>
        organizations.members.connectedApps.revoke(
          { organization_id, member_id, connected_app_id },
          optionsFor(exchange),
        );
      return answer(
        exchange,
        await (audit ? audit.revoke(exchange, 'revoke', connected_app_id, send) : send()),
      );
    },
    /** `GET {base}/v1/b2b/organizations/{organization_id}/connected_apps` */
    organizationApps: async (exchange: Exchange): Promise<ProxyResponse> => {
      const { organization_id } = checkedParams<'organization_id'>(exchange);
      return answer(exchange, await organizations.connectedApps({ organization_id }, optionsFor(exchange)));
    },
    /** `GET {base}/v1/b2b/organizations/{organization_id}/connected_apps/{connected_app_id}` */
    organizationApp: async (exchange: Exchange): Promise<ProxyResponse> => {
      const { organization_id, connected_app_id } = checkedParams<'organization_id' | 'connected_app_id'>(
        exchange,
      );
      return answer(
        exchange,
        await organizations.getConnectedApp({ organization_id, connected_app_id }, optionsFor(exchange)),
      );
    },
  };
}

/** The caller's member session as Stytch's member-authorization headers carry it. */
function memberAuthorization(exchange: Exchange): B2BMemberAuthorization | undefined {
  // The session check has already accepted this credential; reading it again costs a header lookup.
  const credential = readSessionCredential(exchange.request);
  if (credential === undefined || credential === 'malformed') return undefined;
  return credential.kind === 'jwt' ? { session_jwt: credential.value } : { session_token: credential.value };
}
