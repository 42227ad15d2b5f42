import type { RevocationRecord } from '../../src/audit/revocation-record.ts';

/**
 * An audit row of made-up ids: a user's pending revoke of one app, as the proxy records it before
 * calling Stytch. `overrides` replace whole fields.
 *
 * @example
 * const revoked = sampleRecord({ request_id: 'req-2', outcome: 'revoked', status_code: 200 });
 */
export function sampleRecord(overrides: Partial<RevocationRecord> = {}): RevocationRecord {
  return {
    occurred_at: '2026-01-02T03:04:05.678Z',
    request_id: 'req-1',
    stytch_request_id: null,
    action: 'revoke',
    connected_app_id: 'connected-app-test-1',
    outcome: 'pending',
    status_code: null,
    error_type: null,
    actor: { user_id: 'user-test-1', member_id: null, session_id: 'session-test-1', as_admin: false },
    subject: { user_id: 'user-test-1', organization_id: null, member_id: null },
    client_address: '127.0.0.1',
    user_agent: null,
    ...overrides,
  };
}
