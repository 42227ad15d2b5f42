import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCliError } from '../errors/cli-error.ts';
import { JournalFile } from './journal-file.ts';
import { foldJournal, isSettled } from './journal-state.ts';
import type { JournalRecord } from './records.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const pair = { user_id: 'user-test-1', connected_app_id: 'connected-app-test-1' };
const attempt: JournalRecord = { type: 'attempt', at: 't', ...pair };
const outcome = (kind: 'revoked' | 'failed'): JournalRecord => ({
  type: 'outcome',
  at: 't',
  ...pair,
  outcome: kind,
  status_code: kind === 'revoked' ? 200 : 500,
  request_id: 'request-id-test-1',
});

describe('JournalFile', () => {
  it('appends JSON lines that the next open reads back', () => {
    const path = join(dir, 'j.jsonl');
    const { file, records } = JournalFile.open(path);
    expect(records).toEqual([]);
    file.append(attempt);
    file.append(outcome('revoked'));
    file.close();
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
    const again = JournalFile.open(path);
    again.file.close();
    expect(again.records).toEqual([attempt, outcome('revoked')]);
  });

  it('drops a last line cut short by a crash, so the next append starts a line of its own', () => {
    const path = join(dir, 'j.jsonl');
    writeFileSync(path, `${JSON.stringify(attempt)}\n{"type":"outcome","user_`);
    const { file, records } = JournalFile.open(path);
    expect(records).toEqual([attempt]);
    file.append(outcome('revoked'));
    file.close();
    expect(JournalFile.read(path)).toEqual([attempt, outcome('revoked')]);
  });

  it('refuses a journal with a line that is not a record, naming the line', () => {
    const path = join(dir, 'j.jsonl');
    writeFileSync(path, `${JSON.stringify(attempt)}\n{"type":"mystery"}\n`);
    expect(() => JournalFile.open(path)).toThrowError(/j\.jsonl line 2 is not a journal record/);
    try {
      JournalFile.read(path);
    } catch (error) {
      expect(isCliError(error) && error.error_type).toBe('unreadable_journal');
    }
    expect(JournalFile.read(join(dir, 'none.jsonl'))).toEqual([]);
  });
});

describe('the journal lock', () => {
  it('refuses a second open while the first holds it, and is gone once closed', () => {
    const path = join(dir, 'j.jsonl');
    const { file } = JournalFile.open(path);
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => JournalFile.open(path)).toThrowError(
      `Another run (pid ${process.pid}) is using this journal`,
    );
    file.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
    JournalFile.open(path).file.close();
  });

  it('takes over the lock of a run that died without releasing it', () => {
    const path = join(dir, 'j.jsonl');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(`${path}.lock`, String(dead));
    const { file } = JournalFile.open(path);
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(String(process.pid));
    file.close();
  });
});

describe('foldJournal', () => {
  it('keeps the last word on each pair: sent but unanswered, failed, retried, settled', () => {
    expect(foldJournal([attempt]).unsettled.size).toBe(1);
    expect(isSettled(foldJournal([attempt, outcome('failed')]), pair)).toBe(false);
    const retried = foldJournal([attempt, outcome('failed'), attempt]);
    expect([...retried.unsettled.values()]).toEqual([pair]);
    expect(isSettled(retried, pair)).toBe(false);
    const done = foldJournal([attempt, outcome('failed'), attempt, outcome('revoked')]);
    expect(done.unsettled.size).toBe(0);
    expect(isSettled(done, pair)).toBe(true);
    expect(done.outcomes.get(`${pair.user_id}\n${pair.connected_app_id}`)?.outcome).toBe('revoked');
  });
});
