import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvHeader, exportLine } from './export-format.ts';
import type { RevocationRecord } from './revocation-record.ts';

const record: RevocationRecord = {
  occurred_at: '2026-01-02T03:04:05.678Z',
  request_id: 'req-1',
  stytch_request_id: 'request-id-test-1',
  action: 'revoke',
  connected_app_id: 'connected-app-test-1',
  outcome: 'revoked',
  status_code: 200,
  error_type: null,
  actor: { user_id: 'user-test-1', member_id: null, session_id: 'session-test-1', as_admin: true },
  subject: { user_id: 'user-test-2', organization_id: null, member_id: null },
  client_address: '203.0.113.7',
  user_agent: 'Mozilla/5.0 (X11; "quoted", comma)',
};

describe('export lines', () => {
  it('writes one JSON object per line', () => {
    const line = exportLine(record, 'jsonl');
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual(record);
  });

  it('writes RFC 4180 CSV: quoted where needed, quotes doubled, empty for null, CRLF', () => {
    expect(csvHeader()).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    expect(exportLine(record, 'csv')).toBe(
      '2026-01-02T03:04:05.678Z,req-1,request-id-test-1,revoke,connected-app-test-1,revoked,200,,' +
        'user-test-1,,session-test-1,true,user-test-2,,,203.0.113.7,"Mozilla/5.0 (X11; ""quoted"", comma)"\r\n',
    );
  });

  it('defuses a cell a spreadsheet would run as a formula', () => {
    const line = exportLine({ ...record, user_agent: '=HYPERLINK("http://evil.example")' }, 'csv');
    expect(line.trimEnd().endsWith(`"'=HYPERLINK(""http://evil.example"")"`)).toBe(true);
  });
});
