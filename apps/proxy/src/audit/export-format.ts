import { flatRecord, RECORD_COLUMNS, type RecordCell, type RevocationRecord } from './revocation-record.ts';

/** How `audit export` writes rows. */
export type ExportFormat = 'jsonl' | 'csv';

/** The CSV columns, in order: the record flattened (`actor.user_id` → `actor_user_id`). */
export const CSV_COLUMNS = RECORD_COLUMNS;

/** The header line of a CSV export. */
export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** One row as an export line: a JSON object per line, or a CSV record (RFC 4180, CRLF). */
export function exportLine(record: RevocationRecord, format: ExportFormat): string {
  if (format === 'jsonl') return `${JSON.stringify(record)}\n`;
  const cells = flatRecord(record);
  return `${CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',')}\r\n`;
}

/**
 * One CSV cell. Written out rather than taken from a CSV library: RFC 4180's rule is these few
 * lines, and the export ships inside the proxy's single-file bundle. A text cell a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@`, tab, CR first: a client-chosen `User-Agent` can be anything)
 * is prefixed with `'`, OWASP's advice against CSV injection; ids and times never start so.
 */
function csvCell(value: RecordCell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
