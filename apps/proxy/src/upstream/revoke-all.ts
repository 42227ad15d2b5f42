import {
  REVOKE_ALL_PARTIAL_STATUS,
  type RevokeAllOutcome,
  type StytchClient,
  type UsersRevokeAllResponse,
} from '@connected-apps/core';
import pMap from 'p-map';
import type { RevocationAudit } from '../audit/revocation-audit.ts';
import type { DescribeError } from '../errors/describe-error.ts';
import { ProxyError } from '../errors/proxy-error.ts';
import { checkedParams, type Exchange } from '../pipeline/exchange.ts';
import type { ProxyResponse } from '../pipeline/proxy-response.ts';
import type { Responder } from '../pipeline/respond.ts';

/** What {@link createRevokeAll} is built from. */
export interface RevokeAllOptions {
  stytch: StytchClient;
  respond: Responder;
  /** Says each failed app's error, exactly as the error exit would answer it. */
  describe: DescribeError;
  /** Time for the whole request (the listing and every revoke), in ms: `UPSTREAM_TIMEOUT_MS`. */
  budgetMs: number;
  /** Revokes in flight at once. @default 4 */
  concurrency?: number;
  /** The shutdown: aborts every call in flight. */
  signal: AbortSignal;
  /** Records each app's revoke (and a listing that failed) in the audit trail. */
  audit?: RevocationAudit;
}

/**
 * The answer of the proxy-only `POST {base}/v1/users/{user_id}/connected_apps/revoke_all` (Stytch has
 * no such call): lists the user's apps through the proxy's one Stytch client, then revokes each, a few
 * at a time, all inside `budgetMs`. Answers 200 when every app was revoked (or there was none) and 207
 * when at least one failed, with one outcome per app; a failed listing is the usual error answer. An
 * app whose revoke has no answer when the budget runs out is reported `upstream_timeout`, so a retry
 * finds only what is left.
 *
 * @example
 * const answer = createRevokeAll({ stytch, respond, describe, budgetMs: 5000, signal });
 */
export function createRevokeAll(options: RevokeAllOptions): (exchange: Exchange) => Promise<ProxyResponse> {
  const { stytch, respond, describe, budgetMs, signal: shutdown } = options;
  const concurrency = options.concurrency ?? 4;

  return async (exchange) => {
    const { user_id } = checkedParams<'user_id'>(exchange);
    const budget = AbortSignal.timeout(budgetMs);
    const signal = AbortSignal.any([shutdown, budget]);
    // Our own abort on the budget would read as `shutting_down`: say what happened instead.
    const failure = (error: unknown) =>
      budget.aborted && !shutdown.aborted ? new ProxyError('upstream_timeout', { cause: error }) : error;

    let listed: Awaited<ReturnType<StytchClient['users']['connectedApps']>>;
    try {
      listed = await stytch.users.connectedApps({ user_id }, { signal });
    } catch (error) {
      await options.audit?.ended(exchange, 'revoke_all', failure(error));
      throw failure(error);
    }
    const revokeOne = async ({
      connected_app_id,
    }: {
      connected_app_id: string;
    }): Promise<RevokeAllOutcome> => {
      try {
        // An app still queued when the budget ran out is not sent at all.
        if (signal.aborted) throw new ProxyError(shutdown.aborted ? 'shutting_down' : 'upstream_timeout');
        const send = () => stytch.users.revoke({ user_id, connected_app_id }, { signal });
        await (options.audit
          ? options.audit.revoke(exchange, 'revoke_all', connected_app_id, send, failure)
          : send());
        return { connected_app_id, outcome: 'revoked' };
      } catch (error) {
        return {
          connected_app_id,
          outcome: 'failed',
          error: describe(exchange.requestId, failure(error)).body,
        };
      }
    };
    const outcomes = await pMap(listed.connected_apps, revokeOne, { concurrency });
    const status = outcomes.some((app) => app.outcome === 'failed') ? REVOKE_ALL_PARTIAL_STATUS : 200;
    const body: UsersRevokeAllResponse = {
      request_id: exchange.requestId,
      status_code: status,
      connected_apps: outcomes,
    };
    return respond.json(exchange, status, JSON.stringify(body), { stytchRequestId: listed.request_id });
  };
}
