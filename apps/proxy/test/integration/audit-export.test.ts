import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { seedWorld, type World } from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSV_COLUMNS } from '../../src/audit/export-format.ts';
import type { RevocationRecord } from '../../src/audit/revocation-record.ts';
import { openSqliteStore } from '../../src/audit/sqlite-store.ts';
import { runAuditCommand } from '../../src/cli/audit-export.ts';
import { revoke, sqliteRows, useTempDir } from '../helpers/audit-rows.ts';
import { type ProxyStack, startProxyStack } from '../helpers/proxy-stack.ts';
import { sampleRecord } from '../helpers/sample-record.ts';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const DAY = 86_400_000;
const dir = useTempDir();
const dbPath = () => join(dir(), 'audit.db');

/** A revoke `ageDays` days ago, with a user agent a spreadsheet would run as a formula. */
const old = (request_id: string, ageDays: number): RevocationRecord =>
  sampleRecord({
    occurred_at: new Date(Date.now() - ageDays * DAY).toISOString(),
    request_id,
    stytch_request_id: `request-id-test-${request_id}`,
    outcome: 'revoked',
    status_code: 200,
    client_address: '203.0.113.9',
    user_agent: '=cmd|x',
  });

let emulator: Emulator;
let world: World;
let stack: ProxyStack;
beforeAll(async () => {
  // Rows from before this proxy: two past a 7-day retention, one within it.
  const store = await openSqliteStore(dbPath());
  await store.write([old('ten-days', 10), old('eight-days', 8), old('two-days', 2)]);
  await store.close();
  emulator = await start({ port: 0 });
  world = await seedWorld(emulator);
  stack = await startProxyStack(
    {
      AUDIT_DATABASE_URL: `file:${dbPath()}`,
      AUDIT_SPOOL_DIR: join(dir(), 'spool'),
      AUDIT_RETENTION_DAYS: '7',
    },
    emulator,
  );
});
afterAll(async () => {
  await stack?.stop();
  await emulator?.stop();
});

/** Runs the export in-process, its output captured. */
async function exportRows(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => {
    out += String(chunk);
  });
  stderr.on('data', (chunk) => {
    err += String(chunk);
  });
  const code = await runAuditCommand(
    ['export', ...args],
    { AUDIT_DATABASE_URL: `file:${dbPath()}` },
    stdout,
    stderr,
  );
  return { code, out, err };
}

describe('AUDIT_RETENTION_DAYS', () => {
  it('deletes the rows past retention by itself once the proxy starts, and keeps the rest', async () => {
    await vi.waitFor(() => expect(sqliteRows(dbPath()).map((row) => row.request_id)).toEqual(['two-days']));
    expect(stack.logs.lines()).toContainEqual(
      expect.objectContaining({ msg: 'audit rows past retention deleted', deleted: 2, retention_days: 7 }),
    );
  });
});

describe('connected-apps-proxy audit export', () => {
  it('streams the rows of a time range, oldest first, as JSON lines', async () => {
    const { alice, calendar, notes } = world;
    const first = await revoke(stack.url, alice.user_id, calendar, alice.jwt);
    const second = await revoke(stack.url, alice.user_id, notes, alice.jwt);
    const since = new Date(Date.now() - 3 * DAY).toISOString();
    const { code, out, err } = await exportRows(['--since', since, '--format', 'jsonl']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const rows = out
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as RevocationRecord);
    expect(rows.map((row) => row.request_id)).toEqual(['two-days', first.requestId, second.requestId]);
    expect(rows[1]).toMatchObject({
      outcome: 'revoked',
      connected_app_id: calendar,
      stytch_request_id: first.body.request_id,
    });

    // --until is exclusive: the older row alone.
    const until = new Date(Date.now() - DAY).toISOString();
    const bounded = await exportRows(['--since', since, '--until', until]);
    expect(
      bounded.out
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as RevocationRecord).request_id),
    ).toEqual(['two-days']);
  });

  it('writes CSV with a header, defusing a formula-looking cell', async () => {
    const since = new Date(Date.now() - 3 * DAY).toISOString();
    const until = new Date(Date.now() - DAY).toISOString();
    const { code, out } = await exportRows(['--since', since, '--until', until, '--format', 'csv']);
    expect(code).toBe(0);
    const [header, row, end] = out.split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(row?.startsWith(`${old('two-days', 2).occurred_at.slice(0, 10)}`)).toBe(true);
    expect(row?.split(',')).toHaveLength(CSV_COLUMNS.length);
    expect(row?.endsWith(",'=cmd|x")).toBe(true);
    expect(end).toBe('');
  });

  it.each([
    [['--since', 'yesterday'], '--since must be an ISO 8601 time'],
    [['--format', 'xml', '--since', '2026-01-01T00:00:00Z'], '--format must be jsonl or csv'],
    [['--since', '2026-01-01T00:00:00Z', '--verbose'], "Unknown option '--verbose'"],
    [[], '--since must be an ISO 8601 time'],
  ])('exits 2 with the usage on %j', async (args, message) => {
    const { code, out, err } = await exportRows(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).toContain('Usage: connected-apps-proxy audit export');
  });

  it('runs as the CLI (src/main.ts audit export), never starting the proxy', async () => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=@connected-apps/source',
        MAIN,
        'audit',
        'export',
        '--since',
        '2000-01-01T00:00:00Z',
        '--format',
        'csv',
      ],
      {
        env: { PATH: process.env.PATH ?? '', AUDIT_DATABASE_URL: `file:${dbPath()}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      err += String(chunk);
    });
    const [code] = await once(child, 'exit');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const lines = out.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + sqliteRows(dbPath()).length);
    expect(out).not.toContain('proxy listening');
  });

  it('exits 1 when the database file does not exist (and creates none)', async () => {
    const missing = join(dir(), 'nowhere.db');
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (chunk) => {
      err += String(chunk);
    });
    const code = await runAuditCommand(
      ['export', '--since', '2026-01-01T00:00:00Z'],
      { AUDIT_DATABASE_URL: `file:${missing}` },
      new PassThrough(),
      stderr,
    );
    expect(code).toBe(1);
    expect(err).toContain(`No audit database at ${missing}`);
  });
});
