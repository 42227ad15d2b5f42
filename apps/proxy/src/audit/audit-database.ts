/** Where the audit trail is kept, read from `AUDIT_DATABASE_URL`. */
export type AuditDatabase =
  /** `file:./audit.db`: an embedded SQLite file (Node's `node:sqlite`), for one proxy process. */
  | { engine: 'sqlite'; path: string }
  /** `postgres://…` or `postgresql://…`: PostgreSQL, shared by every replica. */
  | { engine: 'postgres'; url: string };

/**
 * Reads `AUDIT_DATABASE_URL`: `file:<path>` (relative to the working directory, or absolute) or a
 * `postgres://` / `postgresql://` URL. `undefined` for anything else. Never echoes the URL: a
 * PostgreSQL URL may carry a password.
 *
 * @example
 * parseAuditDatabase('file:./audit.db'); // { engine: 'sqlite', path: './audit.db' }
 * parseAuditDatabase('postgres://audit@db.internal/audit'); // { engine: 'postgres', url: '…' }
 */
export function parseAuditDatabase(raw: string): AuditDatabase | undefined {
  if (raw.startsWith('file:')) {
    // `file:///abs/path` and `file:/abs/path` are absolute; `file:./x` and `file:x` are relative.
    const path = raw.startsWith('file://') ? decodeURIComponent(new URL(raw).pathname) : raw.slice(5);
    return path === '' || path.endsWith('/') ? undefined : { engine: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(raw) && URL.canParse(raw)) {
    // A host, or libpq's `?host=/path/to/socket` for a Unix socket.
    const url = new URL(raw);
    return url.hostname !== '' || url.searchParams.has('host') ? { engine: 'postgres', url: raw } : undefined;
  }
  return undefined;
}

/** What the log and errors may say about the database: the engine, and for PostgreSQL host and name only. */
export function describeAuditDatabase(database: AuditDatabase): string {
  if (database.engine === 'sqlite') return `sqlite ${database.path}`;
  const url = new URL(database.url);
  return `postgres ${url.host}${url.pathname}`;
}
