import { describe, expect, it } from 'vitest';
import { analyzeRss, heapGrowthMiB, memoryGrowthProblems } from '../src/soak/memory-trend.ts';

// Synthetic RSS curves sampled every 250 ms, as the soak takes them: 25 s (the test run) by default.
const curve = (rssAt: (tS: number) => number, seconds = 25) =>
  Array.from({ length: seconds * 4 }, (_, i) => ({ tS: i / 4, rssMiB: rssAt(i / 4) }));
const flatHeap = [{ heapMiB: 20 }, { heapMiB: 18 }, { heapMiB: 18.5 }];

describe('memory trend of a soak', () => {
  it('accepts a warm-up climb that levels off', () => {
    const plateau = curve((t) => 300 - 150 * Math.exp(-t));
    expect(memoryGrowthProblems(analyzeRss(plateau), flatHeap)).toEqual([]);
  });

  it('flags RSS that keeps climbing through the last third of a long soak', () => {
    const leaking = curve((t) => 150 + 2 * t, 60);
    const trend = analyzeRss(leaking);
    expect(trend.lastThirdSlopeMiBPerMin).toBeCloseTo(120, 0);
    expect(trend.lastThirdSpanS).toBeGreaterThanOrEqual(15);
    expect(memoryGrowthProblems(trend, flatHeap)).toContain(
      'RSS still climbing 120 MiB/min in the last third (max 60)',
    );
  });

  it('does not judge the slope of a window too short to tell a leak from V8 sizing its spaces', () => {
    const trend = analyzeRss(curve((t) => 150 + 2 * t));
    expect(trend.lastThirdSpanS).toBeLessThan(15);
    expect(memoryGrowthProblems(trend, flatHeap)).toEqual([]);
  });

  it('flags a gross RSS climb even in a short run', () => {
    const trend = analyzeRss(curve((t) => 150 + 6 * t));
    expect(memoryGrowthProblems(trend, flatHeap)).toEqual([
      expect.stringMatching(/^RSS grew \d+(\.\d)? MiB from the middle to the last third \(max 24\)$/),
    ]);
  });

  it("accepts a late step that stays level, as one resize of V8's spaces makes it", () => {
    const step = curve((t) => (t < 16 ? 146 : 171));
    const trend = analyzeRss(step);
    expect(trend.lastMiB - trend.middleMiB).toBeGreaterThan(24);
    expect(memoryGrowthProblems(trend, flatHeap)).toEqual([]);
  });

  it('flags a heap that keeps growing after full GCs', () => {
    const heap = [{ heapMiB: 20 }, { heapMiB: 26 }, { heapMiB: 33 }];
    expect(heapGrowthMiB(heap)).toBe(13);
    expect(memoryGrowthProblems(analyzeRss(curve(() => 300)), heap)).not.toEqual([]);
  });
});
