import { median, round, slope } from '../stats.ts';
import type { RssSample } from './rss-sampler.ts';

/** How RSS moved over a soak once warm. */
export interface RssTrend {
  samples: number;
  /** Samples before this (the first fifth of the run) are warm-up: heaps and pools still sizing. */
  warmupEndS: number;
  /** Median RSS of the middle third of the warm samples, MiB. */
  middleMiB: number;
  /** Median RSS of the last third, MiB. */
  lastMiB: number;
  /** Peak RSS over the whole run, MiB. */
  peakMiB: number;
  /** Least-squares slope over the last third, MiB per minute. */
  lastThirdSlopeMiBPerMin: number;
}

/**
 * Limits under which memory counts as no longer growing. RSS drifts up slowly under load even with
 * a flat heap (V8 sizing its spaces, allocator fragmentation: ~10–35 MiB/min measured here), so its
 * bounds catch gross native leaks; the heap after a full GC is flat when healthy, so its bound is
 * tight and catches retained-object leaks (100 bytes per request at 5,000 req/s is 29 MiB/min).
 */
export interface MemoryBounds {
  /** Last-third RSS slope, MiB per minute, at most. @default 60 */
  maxRssSlopeMiBPerMin: number;
  /** Last third's median RSS over the middle third's, MiB, at most. @default 24 */
  maxRssGrowthMiB: number;
  /** Heap after GC at the end over its first sample, MiB, at most. @default 8 */
  maxHeapGrowthMiB: number;
}

export const defaultMemoryBounds: MemoryBounds = {
  maxRssSlopeMiBPerMin: 60,
  maxRssGrowthMiB: 24,
  maxHeapGrowthMiB: 8,
};

/**
 * Splits the warm part of a soak's RSS samples into thirds and measures the trend of the last
 * third, where a leak shows as a steady climb and a healthy process as a plateau.
 *
 * @example
 * const trend = analyzeRss(samples);
 */
export function analyzeRss(samples: RssSample[]): RssTrend {
  const end = samples.at(-1)?.tS ?? 0;
  const warmupEndS = end / 5;
  const warm = samples.filter((s) => s.tS >= warmupEndS);
  const third = Math.max(1, Math.floor(warm.length / 3));
  const middle = warm.slice(third, 2 * third);
  const last = warm.slice(2 * third);
  return {
    samples: samples.length,
    warmupEndS: round(warmupEndS, 1),
    middleMiB: round(median(middle.map((s) => s.rssMiB)), 1),
    lastMiB: round(median(last.map((s) => s.rssMiB)), 1),
    peakMiB: round(Math.max(...samples.map((s) => s.rssMiB)), 1),
    lastThirdSlopeMiBPerMin: round(
      slope(
        last.map((s) => s.tS),
        last.map((s) => s.rssMiB),
      ) * 60,
      1,
    ),
  };
}

/** Heap after GC, last sample over first (MiB); 0 with fewer than two samples. */
export function heapGrowthMiB(heapSamples: { heapMiB: number }[]): number {
  if (heapSamples.length < 2) return 0;
  return round(heapSamples.at(-1)!.heapMiB - heapSamples[0]!.heapMiB, 1);
}

/** Why memory does not count as having stopped growing; empty when it has. */
export function memoryGrowthProblems(
  trend: RssTrend,
  heapSamples: { heapMiB: number }[],
  bounds: MemoryBounds = defaultMemoryBounds,
): string[] {
  const problems: string[] = [];
  if (trend.lastThirdSlopeMiBPerMin > bounds.maxRssSlopeMiBPerMin) {
    problems.push(
      `RSS still climbing ${trend.lastThirdSlopeMiBPerMin} MiB/min in the last third (max ${bounds.maxRssSlopeMiBPerMin})`,
    );
  }
  const rssGrowth = round(trend.lastMiB - trend.middleMiB, 1);
  if (rssGrowth > bounds.maxRssGrowthMiB) {
    problems.push(
      `RSS grew ${rssGrowth} MiB from the middle to the last third (max ${bounds.maxRssGrowthMiB})`,
    );
  }
  const heapGrowth = heapGrowthMiB(heapSamples);
  if (heapGrowth > bounds.maxHeapGrowthMiB) {
    problems.push(`heap after GC grew ${heapGrowth} MiB (max ${bounds.maxHeapGrowthMiB})`);
  }
  return problems;
}
