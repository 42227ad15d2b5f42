import { describe, expect, it } from 'vitest';
import { runSoak } from '../src/soak/run-soak.ts';
import { summarizeSoak } from '../src/soak/soak-summary.ts';
import { recordFigure } from './support/figures.ts';

// Bounded for the test command; `pnpm bench` runs the 60 s soak, long enough to judge the RSS slope.
const SOAK_SECONDS = 25;

describe('sustained load on the proxy', () => {
  it(
    `serves ${SOAK_SECONDS} s of revoke and list calls with no unexpected answer, and memory stops growing`,
    async () => {
      const soak = await runSoak({ durationS: SOAK_SECONDS, connections: 16 });
      const summary = summarizeSoak(soak);
      recordFigure('soak', summary);
      console.info(`soak: ${JSON.stringify(summary)}`);

      expect(summary.requests).toBeGreaterThan(SOAK_SECONDS * 100);
      expect(soak.load.statusCodes).toEqual({ 200: summary.requests });
      expect(soak.heapSamples.length).toBeGreaterThanOrEqual(3);
      expect(summary.problems).toEqual([]);
    },
    (SOAK_SECONDS + 30) * 1000,
  );
});
