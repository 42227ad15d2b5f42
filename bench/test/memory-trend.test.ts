import { describe, expect, it } from 'vitest';
import { analyzeRss, heapGrowthMiB, memoryGrowthProblems } from '../src/soak/memory-trend.ts';

// Synthetic RSS curves: 100 samples over 25 s, as the soak takes them.
const curve = (rssAt: (tS: number) => number) =>
  Array.from({ length: 100 }, (_, i) => ({ tS: i / 4, rssMiB: rssAt(i / 4) }));
const flatHeap = [{ heapMiB: 20 }, { heapMiB: 18 }, { heapMiB: 18.5 }];

describe('memory trend of a soak', () => {
  it('accepts a warm-up climb that levels off', () => {
    const plateau = curve((t) => 300 - 150 * Math.exp(-t));
    expect(memoryGrowthProblems(analyzeRss(plateau), flatHeap)).toEqual([]);
  });

  it('flags RSS that keeps climbing through the last third', () => {
    const leaking = curve((t) => 150 + 2 * t);
    const trend = analyzeRss(leaking);
    expect(trend.lastThirdSlopeMiBPerMin).toBeCloseTo(120, 0);
    expect(memoryGrowthProblems(trend, flatHeap)).not.toEqual([]);
  });

  it('flags a heap that keeps growing after full GCs', () => {
    const heap = [{ heapMiB: 20 }, { heapMiB: 26 }, { heapMiB: 33 }];
    expect(heapGrowthMiB(heap)).toBe(13);
    expect(memoryGrowthProblems(analyzeRss(curve(() => 300)), heap)).not.toEqual([]);
  });
});
