import { describe, expect, it } from 'vitest';
import { heapGrowthMiB, memoryGrowthProblems } from '../src/soak/memory-trend.ts';
import { runSoak } from '../src/soak/run-soak.ts';
import { recordFigure } from './support/figures.ts';

// Bounded for the test command; `pnpm --filter @connected-apps/bench run soak` runs the 60 s variant.
const SOAK_SECONDS = 25;

describe('sustained load on the proxy', () => {
  it(
    `serves ${SOAK_SECONDS} s of revoke and list calls with no unexpected answer, and memory stops growing`,
    async () => {
      const { load, rss, heapSamples } = await runSoak({ durationS: SOAK_SECONDS, connections: 16 });
      const figures = {
        seconds: SOAK_SECONDS,
        requests: load.completed,
        requestsPerSecond: Math.round(load.requestsPerSecond),
        p50Ms: load.p50Ms,
        p99Ms: load.p99Ms,
        rss,
        heapAfterGcMiB: heapSamples.map((s) => s.heapMiB),
        heapGrowthMiB: heapGrowthMiB(heapSamples),
      };
      recordFigure('soak', figures);
      console.info(`soak: ${JSON.stringify(figures)}`);

      expect(load.completed).toBeGreaterThan(SOAK_SECONDS * 100);
      expect({ non2xx: load.non2xx, errors: load.errors, statusCodes: load.statusCodes }).toEqual({
        non2xx: 0,
        errors: 0,
        statusCodes: { 200: load.completed },
      });
      expect(heapSamples.length).toBeGreaterThanOrEqual(3);
      expect(memoryGrowthProblems(rss, heapSamples)).toEqual([]);
    },
    (SOAK_SECONDS + 30) * 1000,
  );
});
