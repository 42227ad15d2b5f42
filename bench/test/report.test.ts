import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pairedRatios } from '../src/overhead/run-overhead.ts';
import { type BenchResults, checkBudgets } from '../src/report/bench-results.ts';
import { renderChart } from '../src/report/chart-svg.ts';
import { renderMarkdownSummary } from '../src/report/markdown-summary.ts';
import { BENCH_END, BENCH_START, updateReadme } from '../src/report/update-readme.ts';

const load = { p50Ms: 1, p99Ms: 5, completed: 1, non2xx: 0, errors: 0, durationS: 1, statusCodes: {} };
const target = (
  id: 'forwarder' | 'proxy' | 'express-stytch',
  label: string,
  rps: number,
  ratio: number,
  p99Ms = 10,
) => ({
  id,
  label,
  setup: '',
  requestsPerSecond: rps,
  p50Ms: 1,
  p99Ms,
  cpuUsPerRequest: Math.round(50_000 / rps),
  ratioToForwarder: ratio,
  roundRatios: [ratio],
  p99RatioToForwarder: p99Ms / 10,
  roundP99Ratios: [p99Ms / 10],
  rounds: [{ ...load, requestsPerSecond: rps, p99Ms }],
});
const partial: Omit<BenchResults, 'budgets'> = {
  generatedAt: '2026-01-02T03:04:05.000Z',
  machine: { cpuModel: 'Test CPU <x>', cores: 2, memoryGiB: 24, os: 'linux', node: 'v24.0.0' },
  quick: false,
  overhead: {
    profile: { rounds: 1, durationS: 1, warmupS: 1, connections: 8, users: 2 },
    baseline: 'forwarder',
    targets: [
      target('forwarder', 'Forwarder', 1000, 1),
      target('proxy', 'Proxy & co', 900, 0.9, 13),
      target('express-stytch', 'Express', 300, 0.3, 40),
    ],
    problems: [],
  },
  browserCost: {
    sizes: [{ id: 'connected-apps', label: 'Ours', minifiedBytes: 20_000, gzipBytes: 7000 }],
    problems: [],
  },
  coldStart: { command: 'node main.ts', samplesMs: [300, 320, 310], medianMs: 310 },
  soak: {
    durationS: 60,
    connections: 16,
    requests: 300_000,
    requestsPerSecond: 5000,
    p50Ms: 2,
    p99Ms: 14,
    unexpected: 0,
    rss: {
      samples: 240,
      warmupEndS: 12,
      middleMiB: 303.4,
      lastMiB: 306.3,
      peakMiB: 306.9,
      lastThirdSlopeMiBPerMin: 4.6,
      lastThirdSpanS: 15.8,
    },
    heapAfterGcMiB: [21.8, 16.8],
    heapGrowthMiB: -5,
    problems: [],
  },
};
const results: BenchResults = { ...partial, budgets: checkBudgets(partial) };

describe('bench report', () => {
  it('checks each budget against the run', () => {
    expect(results.budgets.map((b) => [b.name, b.target, b.actual, b.met])).toEqual([
      ['Proxy vs minimal forwarder (throughput)', '≥ 0.9x', '0.90x', true],
      ['Proxy vs minimal forwarder (p99 latency)', '≤ 1.25x', '1.30x', false],
      ['Proxy vs Express + stytch SDK (throughput)', '≥ 2.4x', '3.00x', true],
      ['Browser cost: Ours (min+gzip)', '≤ 6.0 kB', '7.0 kB', false],
    ]);
  });

  it('meets the p99 budget at 1.25x and misses the throughput budget below 0.9x', () => {
    const [forwarder, proxy] = partial.overhead!.targets;
    const run = (p: typeof proxy) => ({
      ...partial,
      overhead: { ...partial.overhead!, targets: [forwarder!, p!] },
    });
    const checks = checkBudgets(run({ ...proxy!, ratioToForwarder: 0.89, p99RatioToForwarder: 1.25 }));
    expect(checks.slice(0, 2).map((b) => [b.actual, b.met])).toEqual([
      ['0.89x', false],
      ['1.25x', true],
    ]);
  });

  it('renders an SVG chart with escaped labels and every bar', () => {
    const svg = renderChart(results);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Proxy &#38; co');
    expect(svg).toContain('Test CPU &#60;x&#62;');
    expect(svg).toContain('900 · 0.90x · p99 13 ms (1.30x)');
    expect(svg.match(/<rect x=/g)?.length).toBe(4);
  });

  it('summarizes machine, date, ratios and budgets in markdown', () => {
    const md = renderMarkdownSummary(results);
    expect(md).toContain('2026-01-02');
    expect(md).toContain('| **Proxy & co** | 900 | 1 ms | 13 ms | 56 µs | 0.90x | 1.30x |');
    expect(md).toContain('| Express | 300 | 1 ms | 40 ms | 167 µs | 0.30x | 4.00x |');
    expect(md).toContain('| Proxy vs minimal forwarder (p99 latency) | ≤ 1.25x | 1.30x | **missed** |');
    expect(md).toContain('**missed**');
    expect(md).toContain('300,000 requests (5,000 req/s, p99 14 ms), 0 unexpected answers');
    expect(md).toContain('Passed: memory stopped growing.');
  });

  it('pairs throughput round by round, and shows the rounds’ range', () => {
    const rounds = (...rps: number[]) => rps.map((r) => ({ ...load, requestsPerSecond: r }));
    const paired = pairedRatios(rounds(900, 500, 1000), rounds(1000, 1000, 1000));
    expect(paired).toEqual({ ratio: 0.9, roundRatios: [0.9, 0.5, 1] });
    const p99 = (...ms: number[]) => ms.map((p99Ms) => ({ ...load, requestsPerSecond: 1, p99Ms }));
    expect(pairedRatios(p99(12, 30, 10), p99(10, 20, 10), 'p99Ms')).toEqual({
      ratio: 1.2,
      roundRatios: [1.2, 1.5, 1],
    });
    const overhead = partial.overhead!;
    const proxy = {
      ...overhead.targets[1]!,
      ratioToForwarder: paired.ratio,
      roundRatios: paired.roundRatios,
    };
    const md = renderMarkdownSummary({
      ...results,
      overhead: { ...overhead, targets: [overhead.targets[0]!, proxy] },
    });
    expect(md).toContain('| 0.90x (0.50–1.00) |');
  });

  it('says so in markdown when the soak did not pass', () => {
    const soak = { ...partial.soak!, problems: ['heap after GC grew 12 MiB (max 8)'] };
    const md = renderMarkdownSummary({ ...results, soak });
    expect(md).toContain('**Not passed**: heap after GC grew 12 MiB (max 8).');
  });

  it('checks the single-file bundle’s cold start against its budget, beside node -e', () => {
    const series = (command: string, samplesMs: number[], medianMs: number) => ({
      command,
      samplesMs,
      medianMs,
    });
    const coldStart = {
      ...series('node connected-apps-proxy.mjs', [140, 151, 149], 149),
      baseline: series("node -e ''", [30, 31, 29], 30),
      ratioToBaseline: 5,
      compileCache: series('NODE_COMPILE_CACHE=… node connected-apps-proxy.mjs', [120, 118, 121], 120),
      bundle: { bytes: 1_000_000, gzipBytes: 320_000 },
    };
    const run = { ...partial, coldStart };
    expect(checkBudgets(run).at(-1)).toEqual({
      name: 'Cold start: `node connected-apps-proxy.mjs` to the first /healthz 200 (median of 3)',
      target: '≤ 150 ms',
      actual: "149 ms (5x `node -e ''`)",
      met: true,
    });
    expect(checkBudgets({ ...run, coldStart: { ...coldStart, medianMs: 151 } }).at(-1)?.met).toBe(false);
    const md = renderMarkdownSummary({ ...run, budgets: checkBudgets(run) });
    expect(md).toContain('the 1000.0 kB single-file bundle, 320.0 kB gzipped');
    expect(md).toContain("`node -e ''` beside it: 30 ms, so 5x");
    expect(md).toContain('With `NODE_COMPILE_CACHE` warm (a restart that kept its cache directory): 120 ms.');
  });
});

describe('updateReadme', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('replaces only the text between the markers', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-readme-'));
    const file = join(dir, 'README.md');
    await writeFile(file, `# Title\n\n${BENCH_START}\nold\n${BENCH_END}\n\n## After\n`);
    await updateReadme(file, 'new table');
    expect(await readFile(file, 'utf8')).toBe(
      `# Title\n\n${BENCH_START}\nnew table\n${BENCH_END}\n\n## After\n`,
    );
  });

  it('appends a Benchmarks section with the markers when they are absent', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-readme-'));
    const file = join(dir, 'README.md');
    await writeFile(file, '# Title\n');
    await updateReadme(file, 'table');
    expect(await readFile(file, 'utf8')).toBe(
      `# Title\n\n## Benchmarks\n\n${BENCH_START}\ntable\n${BENCH_END}\n`,
    );
  });
});
