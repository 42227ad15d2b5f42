import type { Logger } from 'pino';
import type { DescribeError } from '../errors/describe-error.ts';
import { ProxyError } from '../errors/proxy-error.ts';
import type { Exchange } from '../pipeline/exchange.ts';
import type { Check } from '../pipeline/route.ts';
import { clientAddress } from '../rate-limit/client-address.ts';
import type { AuditTrail, Durability } from './audit-trail.ts';
import type { RevocationRecord } from './revocation-record.ts';

/** What {@link OnRevoked} is told: the audit row of an app Stytch revoked, and where it was recorded. */
export interface RevokedEvent extends RevocationRecord {
  outcome: 'revoked';
  /** `database` or `spool` (durable there); `not_recorded` when there is no audit trail or nothing could take the row. */
  recorded: Exclude<Durability, 'lost'> | 'not_recorded';
}

/**
 * Called once for each app Stytch revoked (a revoke, or each app of a revoke-all), after its audit
 * row is durable — e.g. to email the user that Calendar Sync was disconnected. Runs after the answer
 * is on its way; what it throws or rejects with is logged and changes nothing for the caller.
 */
export type OnRevoked = (event: RevokedEvent) => void | Promise<void>;

/** Which route a row is for. */
export type RevocationAction = RevocationRecord['action'];

/** What {@link createRevocationAudit} is built from. */
export interface RevocationAuditOptions {
  /** The audit trail; without one, only {@link OnRevoked} is called. */
  trail: AuditTrail | undefined;
  /** `AUDIT_REQUIRED`: refuse a revoke whose pending row nothing could take. */
  required: boolean;
  /** Says what an error answers (status, `error_type`, Stytch's request id), as the error exit does. */
  describe: DescribeError;
  /** `TRUST_PROXY`, for the client address. */
  trustProxy: number;
  onRevoked?: OnRevoked | undefined;
  logger: Logger;
}

/** How the revoke routes record what they do (see {@link createRevocationAudit}). */
export interface RevocationAudit {
  /** The trail the rows go to (and the history routes read); none when the audit trail is off. */
  readonly trail: AuditTrail | undefined;
  /**
   * Runs one app's revoke (`send`) with its audit row: `pending` first, durable before Stytch is
   * called (so a revoke Stytch applied is in the trail even if the proxy dies before the answer), then
   * the outcome, durable before the answer goes out; then {@link OnRevoked}. With `AUDIT_REQUIRED`, a
   * pending row nothing could take ends the revoke with 503 `audit_unavailable`, before Stytch.
   * `explain` turns a failure into the error the caller is answered (revoke-all's budget).
   */
  revoke<T extends { request_id: string }>(
    exchange: Exchange,
    action: RevocationAction,
    connectedAppId: string,
    send: () => Promise<T>,
    explain?: (error: unknown) => unknown,
  ): Promise<T>;
  /** Records a revoke-all that ended before attempting any app (its listing failed). */
  ended(exchange: Exchange, action: RevocationAction, error: unknown): Promise<void>;
  /** `authorize`, recording each attempt it refuses (`refused`, nothing sent to Stytch). */
  authorize(check: Check, action: RevocationAction): Check;
}

const MAX_USER_AGENT = 512;

/**
 * The audit hook of the revoke routes (`upstream/forward.ts`, `upstream/revoke-all.ts`) and of
 * their authorization: one row per attempt that reached authorization, one per app for revoke-all,
 * keyed by our request id and the app. Rows name the session by id, never a token or a cookie.
 *
 * @example
 * const audit = createRevocationAudit({ trail, required: false, describe, trustProxy: 0, logger });
 * const result = await audit.revoke(exchange, 'revoke', connected_app_id, () => stytch.users.revoke(…));
 */
export function createRevocationAudit(options: RevocationAuditOptions): RevocationAudit {
  const { trail, required, describe, trustProxy, onRevoked, logger } = options;

  const row = (
    exchange: Exchange,
    action: RevocationAction,
    connectedAppId: string | null,
  ): RevocationRecord => {
    const { session, params, request } = exchange;
    // B2B (a member session): a member acts on a member of `organization_id`; else a user on a user.
    const b2b = session?.organization !== undefined;
    const subject = (b2b ? params.member_id : params.user_id) ?? null;
    const caller = session?.user_id ?? null;
    return {
      occurred_at: new Date().toISOString(),
      request_id: exchange.requestId,
      stytch_request_id: null,
      action,
      connected_app_id: connectedAppId,
      outcome: 'pending',
      status_code: null,
      error_type: null,
      actor: {
        user_id: b2b ? null : caller,
        member_id: b2b ? caller : null,
        session_id: session?.session_id ?? null,
        // Authorization let it through for someone else: only the admin role (B2B: a role with the
        // `stytch.member` permission) does that.
        as_admin: session !== undefined && caller !== subject,
      },
      subject: b2b
        ? { user_id: null, organization_id: params.organization_id ?? null, member_id: subject }
        : { user_id: subject, organization_id: null, member_id: null },
      client_address: clientAddress(request, trustProxy),
      user_agent: userAgent(request.header('user-agent')),
    };
  };

  // An outcome row is its pending row with the outcome set: the same `occurred_at`, which the SQLite
  // trail's row key includes.
  const failed = (
    record: RevocationRecord,
    exchange: Exchange,
    error: unknown,
    outcome: 'failed' | 'refused',
  ) => {
    const described = describe(exchange.requestId, error);
    return {
      ...record,
      outcome,
      status_code: described.status,
      error_type: described.errorType,
      stytch_request_id: described.stytchRequestId ?? null,
    };
  };

  const notify = (record: RevocationRecord, recorded: RevokedEvent['recorded']) => {
    if (onRevoked === undefined) return;
    const event = { ...record, outcome: 'revoked', recorded } as RevokedEvent;
    const report = (error: unknown) =>
      logger.error(
        {
          request_id: record.request_id,
          connected_app_id: record.connected_app_id,
          cause: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        },
        'onRevoked failed',
      );
    // After the answer has been handed on: a slow callback must not hold it up.
    setImmediate(() => {
      try {
        const pending = onRevoked(event);
        if (pending instanceof Promise) pending.catch(report);
      } catch (error) {
        report(error);
      }
    });
  };

  return {
    trail,
    revoke: async <T extends { request_id: string }>(
      exchange: Exchange,
      action: RevocationAction,
      connectedAppId: string,
      send: () => Promise<T>,
      explain: (error: unknown) => unknown = (error) => error,
    ): Promise<T> => {
      const pending = row(exchange, action, connectedAppId);
      if (trail === undefined) {
        const result = await send();
        notify(
          { ...pending, outcome: 'revoked', status_code: 200, stytch_request_id: result.request_id },
          'not_recorded',
        );
        return result;
      }
      const intent = await trail.record(pending);
      if (intent === 'lost' && required) throw new ProxyError('audit_unavailable');
      let result: T;
      try {
        result = await send();
      } catch (error) {
        await trail.record(failed(pending, exchange, explain(error), 'failed'));
        throw error;
      }
      const done: RevocationRecord = {
        ...pending,
        outcome: 'revoked',
        status_code: 200,
        stytch_request_id: result.request_id,
      };
      const recorded = await trail.record(done);
      notify(done, recorded === 'lost' ? 'not_recorded' : recorded);
      return result;
    },
    ended: async (exchange, action, error) => {
      if (trail === undefined) return;
      await trail.record(failed(row(exchange, action, null), exchange, error, 'failed'));
    },
    authorize: (check, action) => {
      if (trail === undefined) return check;
      const record = (exchange: Exchange, error: unknown) => {
        const refused = failed(
          row(exchange, action, exchange.params.connected_app_id ?? null),
          exchange,
          error,
          'refused',
        );
        refused.actor = { ...refused.actor, as_admin: false };
        return trail.record(refused).then(() => {
          throw error;
        });
      };
      return function auditedAuthorize(exchange) {
        let checked: void | Promise<void>;
        try {
          checked = check(exchange);
        } catch (error) {
          return record(exchange, error);
        }
        return checked instanceof Promise
          ? checked.catch((error: unknown) => record(exchange, error))
          : undefined;
      };
    },
  };
}

/** The `User-Agent` as a row keeps it: control characters out, at most 512 characters. */
function userAgent(header: string | undefined): string | null {
  if (header === undefined) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point.
  return header.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, MAX_USER_AGENT);
}
