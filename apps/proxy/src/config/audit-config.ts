import { parseAuditDatabase } from '../audit/audit-database.ts';
import type { ProxyConfig } from './proxy-config.ts';

/** How `loadConfig` reads a variable: trimmed, blank as unset. */
interface Readers {
  read: (name: string) => string | undefined;
  integer: (name: string, fallback: number, min: number, max: number) => number;
  fail: (variable: string, message: string) => undefined;
}

type AuditConfig = Pick<
  ProxyConfig,
  | 'auditDatabaseUrl'
  | 'auditRequired'
  | 'auditRetentionDays'
  | 'auditSpoolDir'
  | 'auditWriteTimeoutMs'
  | 'auditPoolSize'
>;

/**
 * The `AUDIT_*` variables. `AUDIT_DATABASE_URL` is never echoed back (a PostgreSQL URL may carry a
 * password); `AUDIT_REQUIRED` and `AUDIT_RETENTION_DAYS` need it.
 *
 * @example
 * const audit = readAuditConfig({ read, integer, fail });
 */
export function readAuditConfig({ read, integer, fail }: Readers): AuditConfig {
  const url = read('AUDIT_DATABASE_URL');
  if (url !== undefined && parseAuditDatabase(url) === undefined) {
    fail('AUDIT_DATABASE_URL', 'must be file:<path> (SQLite, e.g. file:./audit.db) or a postgres:// URL');
  }
  const requiredRaw = read('AUDIT_REQUIRED');
  if (requiredRaw !== undefined && requiredRaw !== 'true' && requiredRaw !== 'false') {
    fail('AUDIT_REQUIRED', `must be true or false (got ${JSON.stringify(requiredRaw)})`);
  }
  const auditRequired = requiredRaw === 'true';
  if (auditRequired && url === undefined) fail('AUDIT_REQUIRED', 'needs AUDIT_DATABASE_URL');
  const days = read('AUDIT_RETENTION_DAYS');
  if (days !== undefined && url === undefined) fail('AUDIT_RETENTION_DAYS', 'needs AUDIT_DATABASE_URL');
  return {
    auditDatabaseUrl: url,
    auditRequired,
    auditRetentionDays: days === undefined ? undefined : integer('AUDIT_RETENTION_DAYS', 0, 1, 36_500),
    auditSpoolDir: read('AUDIT_SPOOL_DIR') ?? './audit-spool',
    auditWriteTimeoutMs: integer('AUDIT_WRITE_TIMEOUT_MS', 500, 10, 60_000),
    auditPoolSize: integer('AUDIT_POOL_SIZE', 10, 1, 1000),
  };
}
