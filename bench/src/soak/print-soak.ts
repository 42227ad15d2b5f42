import type { SoakSummary } from './soak-summary.ts';

/**
 * Prints a soak's figures and verdict, one fact per line.
 *
 * @example
 * printSoak(summarizeSoak(result), console.log);
 */
export function printSoak(s: SoakSummary, log: (line: string) => void): void {
  log(`  ${s.requests} requests, ${s.requestsPerSecond} req/s, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms`);
  log(`  unexpected answers: ${s.unexpected}`);
  log(
    `  RSS: peak ${s.rss.peakMiB} MiB, middle third ${s.rss.middleMiB} MiB, last third ${s.rss.lastMiB} MiB, ` +
      `last-third slope ${s.rss.lastThirdSlopeMiBPerMin} MiB/min over ${s.rss.lastThirdSpanS} s (${s.rss.samples} samples)`,
  );
  log(`  heap after GC: ${s.heapAfterGcMiB.join(' → ')} MiB (growth ${s.heapGrowthMiB} MiB)`);
  for (const p of s.problems) log(`  FAIL ${p}`);
  if (s.problems.length === 0) log('  OK: no unexpected answer, memory stopped growing');
}
