import type { RevocationRecord } from './revocation-record.ts';

/** How `audit export` writes rows. */
export type ExportFormat = 'jsonl' | 'csv';

/** The CSV columns, in order: the record flattened (`actor.user_id` → `actor_user_id`). */
export const CSV_COLUMNS = [
  'occurred_at',
  'request_id',
  'stytch_request_id',
  'action',
  'connected_app_id',
  'outcome',
  'status_code',
  'error_type',
  'actor_user_id',
  'actor_member_id',
  'actor_session_id',
  'actor_as_admin',
  'subject_user_id',
  'subject_organization_id',
  'subject_member_id',
  'client_address',
  'user_agent',
] as const;

/** The header line of a CSV export. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** One row as an export line: a JSON object per line, or a CSV record (RFC 4180, CRLF). */
export function exportLine(record: RevocationRecord, format: ExportFormat): string {
  if (format === 'jsonl') return `${JSON.stringify(record)}\n`;
  const { actor, subject } = record;
  const cells = [
    record.occurred_at,
    record.request_id,
    record.stytch_request_id,
    record.action,
    record.connected_app_id,
    record.outcome,
    record.status_code,
    record.error_type,
    actor.user_id,
    actor.member_id,
    actor.session_id,
    actor.as_admin,
    subject.user_id,
    subject.organization_id,
    subject.member_id,
    record.client_address,
    record.user_agent,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * One CSV cell. Written out rather than taken from a CSV library: RFC 4180's rule is these few
 * lines, and the export ships inside the proxy's single-file bundle. A text cell a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@`, tab, CR first: a client-chosen `User-Agent` can be anything)
 * is prefixed with `'`, OWASP's advice against CSV injection; ids and times never start so.
 */
function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
