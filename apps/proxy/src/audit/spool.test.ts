import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleRecord } from '../../test/helpers/sample-record.ts';
import type { RevocationRecord } from './revocation-record.ts';
import { createSpool } from './spool.ts';

const row = (request_id: string): RevocationRecord => sampleRecord({ request_id, client_address: null });

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'spool-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function readAll(spool: ReturnType<typeof createSpool>, file: string) {
  const rows: string[] = [];
  const lines = spool.read(file);
  for (let next = await lines.next(); ; next = await lines.next()) {
    if (next.done) return { rows, skipped: next.value.skipped };
    rows.push(next.value.request_id);
  }
}

describe('spool', () => {
  it('appends rows (concurrent appends share a sync), hands them over for replay in order, and forgets them once removed', async () => {
    const dir = join(tempDir(), 'nested', 'spool');
    const spool = createSpool(dir);
    await Promise.all([
      spool.append([row('a'), row('b')]),
      spool.append([row('c')]),
      spool.append([row('d')]),
    ]);
    const [first, ...none] = await spool.takeForReplay();
    expect(none).toEqual([]);
    // Appends after the hand-over go to a fresh file, not the one being replayed.
    await spool.append([row('e')]);
    expect(await readAll(spool, first as string)).toEqual({ rows: ['a', 'b', 'c', 'd'], skipped: 0 });
    const files = await spool.takeForReplay();
    expect(files).toHaveLength(2);
    expect(files[0]).toBe(first);
    expect(await readAll(spool, files[1] as string)).toEqual({ rows: ['e'], skipped: 0 });
    for (const file of files) await spool.remove(file);
    expect(await spool.takeForReplay()).toEqual([]);
    await spool.close();
  });

  it('skips a torn line a killed process left, and never glues the next row onto it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'spool.jsonl'), `${JSON.stringify(row('whole'))}\n{"request_id":"torn","occ`);
    const spool = createSpool(dir);
    await spool.append([row('after')]);
    const [file] = await spool.takeForReplay();
    expect(await readAll(spool, file as string)).toEqual({ rows: ['whole', 'after'], skipped: 1 });
    await spool.close();
  });

  it('rejects an append it cannot make durable, and says so', async () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'not a directory');
    const spool = createSpool(join(blocker, 'spool'));
    expect(spool.writable()).toBe(true);
    await expect(spool.append([row('a')])).rejects.toThrow();
    expect(spool.writable()).toBe(false);
    await spool.close();
  });

  it('replays files a previous process left, oldest first', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'replay-2000-0.jsonl'), `${JSON.stringify(row('newer'))}\n`);
    writeFileSync(join(dir, 'replay-1000-3.jsonl'), `${JSON.stringify(row('older'))}\n`);
    appendFileSync(join(dir, 'spool.jsonl'), `${JSON.stringify(row('active'))}\n`);
    const spool = createSpool(dir);
    const files = await spool.takeForReplay();
    const order = [];
    for (const file of files) order.push(...(await readAll(spool, file)).rows);
    expect(order).toEqual(['older', 'newer', 'active']);
    expect(readdirSync(dir).filter((name) => name === 'spool.jsonl')).toEqual([]);
    await spool.close();
  });
});
