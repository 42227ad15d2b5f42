import { describe, expect, it } from 'vitest';
import { sampleRecord } from '../../test/helpers/sample-record.ts';
import { isRevocationRecord, mergeRecords, type RevocationRecord } from './revocation-record.ts';

const pending = sampleRecord();
const revoked: RevocationRecord = {
  ...pending,
  outcome: 'revoked',
  status_code: 200,
  stytch_request_id: 's-1',
};

describe('mergeRecords', () => {
  it('keeps one row per (request id, app), an outcome winning over pending in either order', () => {
    expect(mergeRecords([pending, revoked])).toEqual([revoked]);
    expect(mergeRecords([revoked, pending])).toEqual([revoked]);
  });

  it('keeps rows of other apps and requests apart, a null app its own key', () => {
    const other = { ...pending, connected_app_id: 'connected-app-test-2' };
    const none = { ...pending, connected_app_id: null };
    const later = { ...pending, request_id: 'req-2' };
    expect(mergeRecords([pending, other, none, later])).toHaveLength(4);
  });
});

describe('isRevocationRecord', () => {
  it('accepts a row and refuses what a torn or foreign line parses to', () => {
    expect(isRevocationRecord(JSON.parse(JSON.stringify(revoked)))).toBe(true);
    expect(isRevocationRecord({ ...revoked, outcome: 'maybe' })).toBe(false);
    expect(isRevocationRecord({ ...revoked, occurred_at: 'yesterday' })).toBe(false);
    expect(isRevocationRecord({ request_id: 'req-1' })).toBe(false);
    expect(isRevocationRecord(null)).toBe(false);
  });
});
