import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { type AuditDatabase, parseAuditDatabase } from '../audit/audit-database.ts';
import type { Position } from '../audit/audit-store.ts';
import { csvHeader, type ExportFormat, exportLine } from '../audit/export-format.ts';
import { openAuditStore } from '../audit/open-audit-store.ts';

const USAGE = `Usage: connected-apps-proxy audit export --since <ISO time> [--until <ISO time>] [--format jsonl|csv]

Writes the audit trail's revoke attempts with since <= occurred_at < until (default: now), oldest
first, to stdout. Reads the database from AUDIT_DATABASE_URL (file:<path> or postgres://…).
`;
const PAGE_ROWS = 1000;

/** Where the command writes: stdout and stderr in the CLI, any writable stream in tests. */
export type CommandOutput = Pick<Writable, 'write' | 'once'>;

/**
 * `connected-apps-proxy audit export …`: streams the audit trail in pages of 1000 (keyset on time
 * and id, so rows added meanwhile neither repeat nor shift a page), waiting for `stdout` to drain, so
 * memory stays flat however many rows there are. Resolves with the exit status: 0 done, 1 the
 * database failed, 2 a usage error (the usage is printed).
 *
 * @example
 * process.exit(await runAuditCommand(['export', '--since', '2026-01-01T00:00:00Z'], process.env));
 */
export async function runAuditCommand(
  args: readonly string[],
  env: Record<string, string | undefined>,
  stdout: CommandOutput = process.stdout,
  stderr: CommandOutput = process.stderr,
): Promise<number> {
  const usage = (message: string) => {
    stderr.write(`${message}\n\n${USAGE}`);
    return 2;
  };
  const [command, ...rest] = args;
  if (command !== 'export') return usage(`Unknown audit command: ${command ?? '(none)'}`);
  let values: { since?: string; until?: string; format?: string };
  try {
    ({ values } = parseArgs({
      args: rest as string[],
      options: { since: { type: 'string' }, until: { type: 'string' }, format: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const sinceMs = values.since === undefined ? Number.NaN : Date.parse(values.since);
  if (Number.isNaN(sinceMs)) return usage('--since must be an ISO 8601 time, e.g. 2026-01-01T00:00:00Z');
  const untilMs = values.until === undefined ? Date.now() : Date.parse(values.until);
  if (Number.isNaN(untilMs)) return usage('--until must be an ISO 8601 time');
  const format = (values.format ?? 'jsonl') as ExportFormat;
  if (format !== 'jsonl' && format !== 'csv') return usage('--format must be jsonl or csv');
  const raw = env.AUDIT_DATABASE_URL?.trim();
  const database = raw ? parseAuditDatabase(raw) : undefined;
  if (database === undefined) {
    return usage('AUDIT_DATABASE_URL must be set to file:<path> or a postgres:// URL');
  }
  if (database.engine === 'sqlite' && !existsSync(database.path)) {
    stderr.write(`No audit database at ${database.path}\n`);
    return 1;
  }

  try {
    await exportRows(database, { sinceMs, untilMs, format }, stdout);
    return 0;
  } catch (error) {
    stderr.write(`The export failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await flushed(stdout);
  }
}

async function exportRows(
  database: AuditDatabase,
  query: { sinceMs: number; untilMs: number; format: ExportFormat },
  stdout: CommandOutput,
): Promise<void> {
  const store = await openAuditStore(database, {
    logger: pino({ level: 'silent' }),
    poolSize: 1,
    statementTimeoutMs: 60_000,
  });
  try {
    if (query.format === 'csv') await write(stdout, csvHeader());
    let after: Position | undefined;
    for (;;) {
      const rows = await store.range({ ...query, limit: PAGE_ROWS, after });
      for (const row of rows) await write(stdout, exportLine(row.record, query.format));
      if (rows.length < PAGE_ROWS) return;
      after = rows.at(-1)?.position;
    }
  } finally {
    await store.close();
  }
}

async function write(out: CommandOutput, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** Resolves once what was written has left (a piped stdout is asynchronous; `process.exit` would cut it). */
function flushed(out: CommandOutput): Promise<void> {
  return new Promise((resolve) => {
    out.write('', () => resolve());
  });
}
