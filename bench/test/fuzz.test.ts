import { Agent } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from './support/figures.ts';
import { runFuzz } from './support/fuzz-batches.ts';
import type { FuzzCase } from './support/fuzz-case-run.ts';
import { fuzzHttpCase } from './support/fuzz-http-cases.ts';
import { fuzzRawCase } from './support/fuzz-raw-cases.ts';
import { type ReliabilityStack, startReliabilityStack } from './support/reliability-stack.ts';

// Cases per run (FUZZ_RUNS for a deeper local search) and the seed that generates them (FUZZ_SEED
// replays a run: it is printed with every result).
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
// Enough in flight to keep both cores busy without queueing past the per-case deadlines.
const CONCURRENCY = 16;

let stack: ReliabilityStack;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
beforeAll(async () => {
  stack = await startReliabilityStack();
});
afterAll(async () => {
  agent.destroy();
  await stack?.stop();
});

describe('fuzzing the proxy with random and malformed requests', () => {
  it(`answers ${RUNS} requests inside the catalogue, with no leak and no Stytch call for a refused one`, async () => {
    // One case in five is raw bytes over node:net, the rest well-framed requests over node:http.
    const cases: FuzzCase[] = fc.sample(
      fc.oneof(
        { weight: 4, arbitrary: fuzzHttpCase(stack).map((http): FuzzCase => ({ http })) },
        { weight: 1, arbitrary: fuzzRawCase(stack).map((raw): FuzzCase => ({ raw })) },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    const report = await runFuzz(stack, cases, {
      batchSize: 250,
      concurrency: CONCURRENCY,
      agent,
      replays: 3,
    });
    const perSecond = Math.round(report.cases / report.seconds);
    const { failures, ...figures } = report;
    recordFigure('fuzz', {
      ...figures,
      seed: SEED,
      casesPerSecond: perSecond,
      failureKinds: failures.length,
    });
    console.info(
      `fuzz (seed ${SEED}): ${report.cases} cases (${report.rawCases} raw) in ${report.seconds} s, ${perSecond}/s; ` +
        `${report.forwarded} forwarded; statuses ${JSON.stringify(report.byStatus)}`,
    );

    expect(failures, `FUZZ_SEED=${SEED} replays this run`).toEqual([]);
    expect(report.cases).toBe(RUNS);
    // The generator must reach every path, or the properties prove little: raw cases, forwarded
    // calls (for the upstream accounting) and logged requests (for the leak and log checks).
    expect(report.rawCases).toBeGreaterThan(RUNS / 10);
    expect(report.forwarded).toBeGreaterThan(RUNS / 20);
    expect(report.logLines).toBeGreaterThan(RUNS / 2);
  }, 180_000);
});
