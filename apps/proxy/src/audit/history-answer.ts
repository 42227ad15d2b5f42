import type { UsersRevocationsResponse } from '@connected-apps/core';
import { ProxyError } from '../errors/proxy-error.ts';
import { checkedParams, type Exchange } from '../pipeline/exchange.ts';
import type { ProxyResponse } from '../pipeline/proxy-response.ts';
import type { Responder } from '../pipeline/respond.ts';
import type { HistorySubject } from './audit-store.ts';
import type { AuditTrail } from './audit-trail.ts';
import { decodeCursor, encodeCursor } from './history-cursor.ts';

/** Rows per page when the caller does not say, and the most it may ask for. */
export const HISTORY_LIMIT = { default: 20, max: 100 } as const;

/** Whose history a route reads: the user of a consumer path. */
export const userSubject = (exchange: Exchange): HistorySubject => ({
  user_id: checkedParams<'user_id'>(exchange).user_id,
});

/**
 * Whose history a B2B route reads: the member of the path's organization, once the organization
 * check made it the canonical id (and the authorization check made the caller's own external id
 * their member id).
 */
export const memberSubject = (exchange: Exchange): HistorySubject => {
  const { organization_id, member_id } = checkedParams<'organization_id' | 'member_id'>(exchange);
  return { organization_id, member_id };
};

/**
 * The answer of the proxy-only history routes — `GET {base}/v1/users/{user_id}/connected_apps/revocations`
 * and `GET {base}/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps/revocations`:
 * the subject's recorded revoke attempts, newest first, `limit` (1–100, default 20) per page, `cursor`
 * the previous page's `next_cursor`. It runs after the list route's checks (session, own apps or an
 * admin's role), so a refused caller reads nothing. 404 `audit_trail_disabled` without an audit
 * trail; 503 `audit_unavailable` when the database cannot be read; 400 `bad_request` for a bad
 * `limit` or `cursor`.
 *
 * @example
 * const route = { pattern, cors: true, checks: listChecks, answer: createHistoryAnswer(trail, respond, userSubject) };
 */
export function createHistoryAnswer(
  trail: AuditTrail | undefined,
  respond: Responder,
  subjectOf: (exchange: Exchange) => HistorySubject,
): (exchange: Exchange) => Promise<ProxyResponse> {
  return async (exchange) => {
    const { limit, cursor } = readQuery(exchange.request.target);
    if (trail === undefined) throw new ProxyError('audit_trail_disabled');
    const subject = subjectOf(exchange);
    let rows: Awaited<ReturnType<AuditTrail['history']>>;
    try {
      // One row more than the page tells whether another page follows.
      rows = await trail.history({ subject, limit: limit + 1, before: cursor });
    } catch (error) {
      throw new ProxyError('audit_unavailable', {
        message: 'The audit trail cannot be read right now. Retry shortly.',
        cause: error,
      });
    }
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const body: UsersRevocationsResponse = {
      request_id: exchange.requestId,
      status_code: 200,
      revocations: page.map((row) => row.record),
      next_cursor: rows.length > limit && last !== undefined ? encodeCursor(last.position) : null,
    };
    return respond.json(exchange, 200, JSON.stringify(body));
  };
}

function readQuery(target: string) {
  const start = target.indexOf('?');
  const query = new URLSearchParams(start === -1 ? '' : target.slice(start + 1).replace(/#.*$/, ''));
  const rawLimit = query.get('limit');
  const limit = rawLimit === null ? HISTORY_LIMIT.default : Number(rawLimit);
  if (!/^\d{1,3}$/.test(rawLimit ?? '1') || limit < 1 || limit > HISTORY_LIMIT.max) {
    throw new ProxyError('bad_request', {
      message: `limit must be an integer from 1 to ${HISTORY_LIMIT.max}.`,
    });
  }
  const rawCursor = query.get('cursor');
  const cursor = rawCursor === null ? undefined : decodeCursor(rawCursor);
  if (rawCursor !== null && cursor === undefined) {
    throw new ProxyError('bad_request', { message: 'cursor is not a next_cursor this proxy gave.' });
  }
  return { limit, cursor };
}
