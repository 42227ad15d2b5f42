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

/** Limits under which RSS counts as no longer growing. */
export interface RssBounds {
  /** @default 30 */
  maxSlopeMiBPerMin: number;
  /** Last third's median over the middle third's, at most. @default 16 */
  maxGrowthMiB: number;
}

export const defaultRssBounds: RssBounds = { maxSlopeMiBPerMin: 30, maxGrowthMiB: 16 };

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

/** Whether the trend is a plateau within `bounds`; returns the reasons when it is not. */
export function rssGrowthProblems(trend: RssTrend, bounds: RssBounds = defaultRssBounds): string[] {
  const problems: string[] = [];
  if (trend.lastThirdSlopeMiBPerMin > bounds.maxSlopeMiBPerMin) {
    problems.push(`RSS still climbing ${trend.lastThirdSlopeMiBPerMin} MiB/min in the last third (max ${bounds.maxSlopeMiBPerMin})`);
  }
  if (trend.lastMiB - trend.middleMiB > bounds.maxGrowthMiB) {
    problems.push(`RSS grew ${round(trend.lastMiB - trend.middleMiB, 1)} MiB from the middle to the last third (max ${bounds.maxGrowthMiB})`);
  }
  return problems;
}
