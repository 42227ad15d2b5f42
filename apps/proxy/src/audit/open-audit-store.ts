import type { Logger } from 'pino';
import type { AuditDatabase } from './audit-database.ts';
import type { AuditStore } from './audit-store.ts';

/** What {@link openAuditStore} needs besides the database. */
export interface OpenAuditStoreOptions {
  logger: Logger;
  /** PostgreSQL: connections at most. */
  poolSize: number;
  /** PostgreSQL: the most one query (or getting a connection) may take, in ms. */
  statementTimeoutMs: number;
}

/**
 * Opens and migrates the configured engine. Each engine's module (and `pg`, `node:sqlite`) is
 * imported only here, when the audit trail is configured, so a proxy without one never loads them
 * and the edge entry never reaches them.
 *
 * @example
 * const store = await openAuditStore({ engine: 'sqlite', path: './audit.db' }, { logger, poolSize: 10, statementTimeoutMs: 5000 });
 */
export async function openAuditStore(
  database: AuditDatabase,
  options: OpenAuditStoreOptions,
): Promise<AuditStore> {
  if (database.engine === 'sqlite') {
    const { openSqliteStore } = await import('./sqlite-store.ts');
    return openSqliteStore(database.path, { logger: options.logger });
  }
  const { openPostgresStore } = await import('./postgres-store.ts');
  return openPostgresStore({ url: database.url, ...options });
}
