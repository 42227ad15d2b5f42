import type { Agent } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { type CaseResult, type FuzzCase, leaked, runHttpCase, runRawCase } from './fuzz-case-run.ts';
import type { ReliabilityStack } from './reliability-stack.ts';
import { accountBatch } from './upstream-accounting.ts';

/** How the cases are sent. */
export interface FuzzOptions {
  /** Cases between two reads of the emulator's request log and the proxy's log. */
  batchSize: number;
  /** Cases in flight at once. */
  concurrency: number;
  /** The keep-alive agent the node:http cases share (the raw cases open their own connections). */
  agent: Agent;
  /** Batches whose Stytch calls do not add up are re-run case by case to name the culprit; at most this many. */
  replays: number;
}

/** What a fuzz run did, and every problem, grouped. */
export interface FuzzReport {
  cases: number;
  rawCases: number;
  /** Answers that came from Stytch: the share of cases that got past every check of the proxy. */
  forwarded: number;
  logLines: number;
  seconds: number;
  byStatus: Record<string, number>;
  /** `count× kind: problem — e.g. sample`, most frequent first; empty when every case passed. */
  failures: string[];
}

/** Runs `work` over `items` with at most `limit` in flight: a plain worker pool, small enough to keep here. */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Waits (a second at most) until every answer's `X-Request-Id` has its log line: the proxy writes a
 * line when the exchange ends, which for a refused connection is when the socket closes on its side,
 * a moment after the client saw the close. A wait for the lines to arrive, not a timing assertion.
 */
async function logsSettled(stack: ReliabilityStack, results: readonly CaseResult[]): Promise<void> {
  const ids = results.flatMap((r) => r.exchanges.map((e) => e.answer.headers['x-request-id']));
  const wanted = ids.filter((id): id is string => typeof id === 'string');
  for (let waited = 0; waited < 1000; waited += 10) {
    const logged = new Set(stack.logs.lines().map((line) => line.request_id));
    if (wanted.every((id) => logged.has(id))) return;
    await sleep(10);
  }
}

async function runBatch(
  stack: ReliabilityStack,
  batch: readonly FuzzCase[],
  options: FuzzOptions,
  concurrency: number,
) {
  const { secrets } = stack;
  await stack.emulator.control.clearRequests();
  stack.logs.clear();
  const results = await inPool(batch, concurrency, (c) =>
    'http' in c
      ? runHttpCase(stack.url, c.http, options.agent, secrets)
      : runRawCase(stack.url, c.raw, secrets),
  );
  await logsSettled(stack, results);
  const lines = stack.logs.lines();
  const logs = new Map(lines.map((line) => [String(line.request_id), line]));
  const { requests } = await stack.emulator.control.getRequests();
  const { batchProblems, forwarded } = accountBatch(results, logs, requests);
  if (leaked(stack.logs.text(), [...secrets, ...results.flatMap((r) => r.secrets)])) {
    batchProblems.push('the proxy log holds a secret or token');
  }
  return { results, batchProblems, forwarded, logLines: lines.length };
}

// Ids and tokens differ in every instance of one problem: left out, the same problem groups together.
const generic = (problem: string) => problem.replace(/\b(?=[\w-]*\d)[\w-]{20,}/g, '…');

/**
 * Sends every case in batches, `concurrency` at a time over keep-alive connections, checking each
 * batch against the proxy's log and the emulator's request log (see `accountBatch`), and collects
 * every problem. A batch whose Stytch calls do not add up is re-run one case at a time (up to
 * `replays` batches) to name the case that caused it.
 *
 * @example
 * const report = await runFuzz(stack, cases, { batchSize: 250, concurrency: 16, agent, replays: 3 });
 * expect(report.failures).toEqual([]);
 */
export async function runFuzz(
  stack: ReliabilityStack,
  cases: readonly FuzzCase[],
  options: FuzzOptions,
): Promise<FuzzReport> {
  const started = performance.now();
  const groups = new Map<string, { count: number; sample: string }>();
  const note = (kind: string, problem: string, sample: string) => {
    const key = `${kind}: ${generic(problem)}`;
    const group = groups.get(key) ?? { count: 0, sample };
    group.count++;
    groups.set(key, group);
  };
  const byStatus: Record<string, number> = {};
  let forwarded = 0;
  let logLines = 0;
  let replays = 0;
  for (let at = 0; at < cases.length; at += options.batchSize) {
    const batch = cases.slice(at, at + options.batchSize);
    const run = await runBatch(stack, batch, options, options.concurrency);
    forwarded += run.forwarded;
    logLines += run.logLines;
    for (const r of run.results) {
      for (const { answer } of r.exchanges) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
      for (const p of r.problems) note(r.kind, p, r.sample);
    }
    if (run.batchProblems.length && replays < options.replays) {
      replays++;
      for (const c of batch) {
        const alone = await runBatch(stack, [c], options, 1);
        const [r] = alone.results as [CaseResult];
        for (const p of alone.batchProblems) note(r.kind, p, r.sample);
      }
    } else {
      for (const p of run.batchProblems) note('batch', p, `cases ${at + 1}–${at + batch.length}`);
    }
  }
  const failures = [...groups]
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([key, { count, sample }]) => `${count}× ${key} — e.g. ${sample}`);
  return {
    cases: cases.length,
    rawCases: cases.filter((c) => 'raw' in c).length,
    forwarded,
    logLines,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    byStatus,
    failures,
  };
}
