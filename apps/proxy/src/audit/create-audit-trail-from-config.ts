import type { Logger } from 'pino';
import type { ProxyConfig } from '../config/proxy-config.ts';
import { describeAuditDatabase, parseAuditDatabase } from './audit-database.ts';
import { type AuditTrail, createAuditTrail } from './audit-trail.ts';
import { openAuditStore } from './open-audit-store.ts';
import { createSpool } from './spool.ts';

/** How long a history or export query may run on PostgreSQL. */
const STATEMENT_TIMEOUT_MS = 5000;

/**
 * The Node entry's audit trail from `AUDIT_*`: none when `AUDIT_DATABASE_URL` is unset; otherwise
 * SQLite or PostgreSQL (opened in the background; rows written before it opens wait up to the write
 * timeout, then spool) with the spool in `AUDIT_SPOOL_DIR`.
 *
 * @example
 * const trail = auditTrailFromConfig(config, logger); // undefined when the audit trail is off
 */
export function auditTrailFromConfig(config: ProxyConfig, logger: Logger): AuditTrail | undefined {
  if (config.auditDatabaseUrl === undefined) return undefined;
  const database = parseAuditDatabase(config.auditDatabaseUrl);
  // loadConfig has checked it already; a hand-built config may not have.
  if (database === undefined) throw new Error('AUDIT_DATABASE_URL must be file:<path> or postgres://…');
  logger.info(
    { audit_database: describeAuditDatabase(database), audit_spool: config.auditSpoolDir },
    'audit trail on',
  );
  return createAuditTrail({
    openStore: () =>
      openAuditStore(database, {
        logger,
        poolSize: config.auditPoolSize,
        statementTimeoutMs: Math.max(STATEMENT_TIMEOUT_MS, config.auditWriteTimeoutMs),
      }),
    spool: createSpool(config.auditSpoolDir),
    logger,
    writeTimeoutMs: config.auditWriteTimeoutMs,
    retentionDays: config.auditRetentionDays,
    // node:sqlite writes synchronously: one batch at a time. PostgreSQL overlaps a few on its pool.
    concurrency: database.engine === 'sqlite' ? 1 : Math.min(4, config.auditPoolSize),
  });
}
