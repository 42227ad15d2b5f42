import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureLogs, type RunningPostgres, startPostgres } from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuditTrail } from '../../src/audit/audit-trail.ts';
import { openPostgresStore } from '../../src/audit/postgres-store.ts';
import type { RevocationRecord } from '../../src/audit/revocation-record.ts';
import { createSpool } from '../../src/audit/spool.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { sampleRecord } from '../helpers/sample-record.ts';

let pg: RunningPostgres;
const dir = mkdtempSync(join(tmpdir(), 'audit-replay-'));
beforeAll(async () => {
  pg = await startPostgres();
}, 30_000);
afterAll(async () => {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A failed revoke a previous process spooled. */
const row = (request_id: string, overrides: Partial<RevocationRecord> = {}): RevocationRecord =>
  sampleRecord({
    request_id,
    stytch_request_id: 'request-id-test-00000000-0000-4000-8000-000000000001',
    outcome: 'failed',
    status_code: 500,
    error_type: 'internal_server_error',
    ...overrides,
  });

describe('audit trail replay on start (PostgreSQL)', () => {
  it('replays what a previous process spooled, skips a torn line, and sets aside a row PostgreSQL refuses', async () => {
    const url = await pg.createDatabase('audit_replay');
    const spoolDir = join(dir, 'spool');
    mkdirSync(spoolDir);
    // A row a previous process spooled; one PostgreSQL refuses (a NUL in text, which SQLite would
    // store: an error_type as some upstream sent it); and a line torn by a kill mid-write.
    const refused = row('req-refused', { error_type: 'bad\u0000type' });
    writeFileSync(
      join(spoolDir, 'spool.jsonl'),
      `${JSON.stringify(row('req-good'))}\n${JSON.stringify(refused)}\n{"request_id":"req-torn","occ`,
    );
    const logs = captureLogs();
    const logger = createLogger('info', logs);
    const trail = createAuditTrail({
      openStore: () => openPostgresStore({ url, poolSize: 2, statementTimeoutMs: 5000, logger }),
      spool: createSpool(spoolDir),
      logger,
      writeTimeoutMs: 2000,
    });
    try {
      await vi.waitFor(() =>
        expect(logs.lines()).toContainEqual(
          expect.objectContaining({ msg: 'audit spool replayed', rows: 1 }),
        ),
      );
      expect(logs.lines()).toContainEqual(
        expect.objectContaining({ msg: 'audit spool lines skipped: not a whole row', skipped: 1 }),
      );
      expect(logs.lines()).toContainEqual(
        expect.objectContaining({ level: 'error', msg: 'audit row refused by the database: set aside' }),
      );
      const history = await trail.history({ subject: { user_id: 'user-test-1' }, limit: 10 });
      expect(history.map((stored) => stored.record.request_id)).toEqual(['req-good']);
      const rejected = readFileSync(join(spoolDir, 'rejected.jsonl'), 'utf8').trim().split('\n');
      expect(rejected.map((line) => (JSON.parse(line) as RevocationRecord).request_id)).toEqual([
        'req-refused',
      ]);
      // The database stays up: new rows go to it, not to the spool.
      expect(await trail.record(row('req-after'))).toBe('database');
      expect(trail.status()).toEqual({ database: 'up', spoolWritable: true });
    } finally {
      await trail.close();
    }
  });
});
