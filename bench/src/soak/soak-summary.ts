import { heapGrowthMiB, memoryGrowthProblems, type RssTrend } from './memory-trend.ts';
import type { SoakResult } from './run-soak.ts';

/** What `bench/results/latest.json` keeps of a soak: its figures and verdict, not every sample. */
export interface SoakSummary {
  durationS: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx responses and connection errors: 0 when healthy. */
  unexpected: number;
  rss: RssTrend;
  heapAfterGcMiB: number[];
  heapGrowthMiB: number;
  /** Why the run does not pass; empty when every answer was 200 and memory stopped growing. */
  problems: string[];
}

/**
 * Condenses a soak into its reported figures and the same verdict `pnpm --filter
 * @connected-apps/bench run soak` prints.
 *
 * @example
 * const summary = summarizeSoak(await runSoak({ durationS: 60, connections: 16 }));
 */
export function summarizeSoak(soak: SoakResult): SoakSummary {
  const { load, rss, heapSamples } = soak;
  const unexpected = load.non2xx + load.errors;
  return {
    durationS: soak.durationS,
    connections: soak.connections,
    requests: load.completed,
    requestsPerSecond: Math.round(load.requestsPerSecond),
    p50Ms: load.p50Ms,
    p99Ms: load.p99Ms,
    unexpected,
    rss,
    heapAfterGcMiB: heapSamples.map((s) => s.heapMiB),
    heapGrowthMiB: heapGrowthMiB(heapSamples),
    problems: [
      ...(unexpected
        ? [`${load.non2xx} non-2xx, ${load.errors} errors: ${JSON.stringify(load.statusCodes)}`]
        : []),
      ...memoryGrowthProblems(rss, heapSamples),
    ],
  };
}
