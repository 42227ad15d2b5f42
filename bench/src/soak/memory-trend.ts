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
  /** Seconds the last third spans. */
  lastThirdSpanS: number;
}

/**
 * Limits under which memory counts as no longer growing. RSS climbs under load even with a flat
 * heap while V8 grows its young generation towards a maximum sized from host memory (~110 MiB idle
 * to ~300 MiB on a 24 GiB host, reached in 20–40 s depending on throughput), so its bounds catch
 * gross native leaks only; the heap after a full GC is flat when healthy, so its bound is tight and
 * catches retained-object leaks (100 bytes per request at 5,000 req/s is 29 MiB/min).
 */
export interface MemoryBounds {
  /** Last-third RSS slope, MiB per minute, at most. @default 60 */
  maxRssSlopeMiBPerMin: number;
  /**
   * The slope is judged only when the last third spans at least this many seconds: over a shorter
   * window one resize of V8's spaces reads as a steep climb (a loaded 25 s run measured 85 MiB/min
   * with a flat heap). @default 15
   */
  minSlopeWindowS: number;
  /**
   * Last third's median RSS over the middle third's, MiB, at most — judged when the last third still
   * climbs faster than `maxRssSlopeMiBPerMin`, whatever its span. @default 24
   */
  maxRssGrowthMiB: number;
  /** Heap after GC at the end over its first sample, MiB, at most. @default 8 */
  maxHeapGrowthMiB: number;
}

export const defaultMemoryBounds: MemoryBounds = {
  maxRssSlopeMiBPerMin: 60,
  minSlopeWindowS: 15,
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
    lastThirdSpanS: round((last.at(-1)?.tS ?? 0) - (last[0]?.tS ?? 0), 1),
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
  if (
    trend.lastThirdSpanS >= bounds.minSlopeWindowS &&
    trend.lastThirdSlopeMiBPerMin > bounds.maxRssSlopeMiBPerMin
  ) {
    problems.push(
      `RSS still climbing ${trend.lastThirdSlopeMiBPerMin} MiB/min in the last third (max ${bounds.maxRssSlopeMiBPerMin})`,
    );
  }
  const rssGrowth = round(trend.lastMiB - trend.middleMiB, 1);
  // Grown and still growing: one late resize of V8's spaces is a step that then stays level (a loaded
  // 25 s run measured +25 MiB between the thirds, then 1 MiB/min, with a flat heap); a leak keeps
  // climbing through the last third, however short.
  if (rssGrowth > bounds.maxRssGrowthMiB && trend.lastThirdSlopeMiBPerMin > bounds.maxRssSlopeMiBPerMin) {
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
