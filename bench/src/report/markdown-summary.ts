import type { BenchResults } from './bench-results.ts';

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** `0.97x (0.87–1.01)`: the median ratio and, over several rounds, their range. */
function ratioCell(ratio: number, roundRatios: number[]): string {
  if (roundRatios.length < 2) return `${ratio.toFixed(2)}x`;
  const low = Math.min(...roundRatios).toFixed(2);
  const high = Math.max(...roundRatios).toFixed(2);
  return `${ratio.toFixed(2)}x (${low}–${high})`;
}

/**
 * The summary inserted into the root README between the bench markers: machine and date, the
 * throughput table with ratios, the browser cost table, cold start, the soak and the budget checks.
 *
 * @example
 * const markdown = renderMarkdownSummary(results);
 */
export function renderMarkdownSummary(results: BenchResults): string {
  const m = results.machine;
  const lines: string[] = [
    `Measured ${results.generatedAt.slice(0, 10)} on ${m.cores} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}` +
      `${results.quick ? ' — **quick smoke run, not representative**' : ''}. ` +
      'Regenerate with `pnpm bench`; details in [bench/README.md](bench/README.md), raw figures in ' +
      '[bench/results/latest.json](bench/results/latest.json).',
    '',
    '![Benchmark chart](bench/results/chart.svg)',
    '',
  ];
  const overhead = results.overhead;
  if (overhead) {
    const p = overhead.profile;
    lines.push(
      `**Revoke throughput** (POST revoke through each target to the same HTTPS upstream; ${p.connections} connections, ` +
        `${p.rounds} interleaved rounds × ${p.durationS} s, medians):`,
      '',
      '| target | req/s | p50 | p99 | CPU per request | throughput vs forwarder (rounds’ range) | p99 vs forwarder (rounds’ range) |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...overhead.targets.map(
        (t) =>
          `| ${t.id === 'proxy' ? `**${t.label}**` : t.label} | ${t.requestsPerSecond.toLocaleString('en-US')} | ${t.p50Ms} ms | ${t.p99Ms} ms | ${t.cpuUsPerRequest === undefined ? '–' : `${t.cpuUsPerRequest} µs`} | ${ratioCell(t.ratioToForwarder, t.roundRatios)} | ${ratioCell(t.p99RatioToForwarder, t.roundP99Ratios)} |`,
      ),
      '',
      '“vs forwarder” is the median over rounds of the target’s figure over the forwarder’s in the same ' +
        'round: throughput (higher is better) and p99 latency (lower is better). CPU per request is the target process’s user + system time over the requests it served (for ' +
        'the emulator row, the upstream’s own cost); the load generator and the upstream share the same two cores.',
      '',
    );
    if (overhead.problems.length) lines.push(`> ⚠ ${overhead.problems.join('; ')}`, '');
  }
  const audit = results.audit;
  if (audit) {
    const p = audit.profile;
    lines.push(
      `**Audit trail** (the proxy's revoke throughput with every attempt recorded — a row written before the Stytch call and completed after it — beside the same proxy without; ${p.connections} connections, ${p.rounds} interleaved rounds × ${p.durationS} s, medians):`,
      '',
      '| proxy | req/s | p99 | CPU per request | throughput vs off (rounds’ range) | p99 vs off |',
      '|---|---:|---:|---:|---:|---:|',
      ...audit.variants.map(
        (v) =>
          `| ${v.label} | ${v.requestsPerSecond.toLocaleString('en-US')} | ${v.p99Ms} ms | ${v.cpuUsPerRequest === undefined ? '–' : `${v.cpuUsPerRequest} µs`} | ${ratioCell(v.ratioToOff, v.roundRatios)} | ${ratioCell(v.p99RatioToOff, v.roundP99Ratios)} |`,
      ),
      '',
      'CPU per request counts the proxy process, SQLite’s checkpointer thread included; PostgreSQL’s own work is in its server process.',
      '',
    );
    if (audit.problems.length) lines.push(`> ⚠ ${audit.problems.join('; ')}`, '');
  }
  const browser = results.browserCost;
  if (browser?.sizes.length) {
    lines.push(
      '**Browser cost** (esbuild, minified, production, React external; gzip level 9):',
      '',
      '| bundle | min | min+gzip |',
      '|---|---:|---:|',
      ...browser.sizes.map((s) => `| ${s.label} | ${kB(s.minifiedBytes)} | ${kB(s.gzipBytes)} |`),
      '',
    );
  }
  if (results.coldStart) {
    const c = results.coldStart;
    const where = c.bundle
      ? ` (the ${kB(c.bundle.bytes)} single-file bundle, ${kB(c.bundle.gzipBytes)} gzipped, alone in an empty directory)`
      : '';
    const beside = c.baseline
      ? `; \`${c.baseline.command}\` beside it: ${c.baseline.medianMs} ms, so ${c.ratioToBaseline}x`
      : '';
    const cached = c.compileCache
      ? ` With \`NODE_COMPILE_CACHE\` warm (a restart that kept its cache directory): ${c.compileCache.medianMs} ms` +
        (c.compileCacheFirstStartMs === undefined
          ? '.'
          : `; the start that fills an empty cache: ${c.compileCacheFirstStartMs} ms.`)
      : '';
    lines.push(
      `**Cold start**: ${c.medianMs} ms median from spawning \`${c.command}\`${where} to the first 200 on \`/healthz\` ` +
        `(${c.samplesMs.length} runs: ${c.samplesMs.join(', ')} ms)${beside}.${cached}`,
      '',
    );
  }
  if (results.soak) {
    const s = results.soak;
    lines.push(
      `**Soak**: ${s.durationS} s of revoke and list calls through the proxy, ${s.connections} connections: ` +
        `${s.requests.toLocaleString('en-US')} requests (${s.requestsPerSecond.toLocaleString('en-US')} req/s, ` +
        `p99 ${s.p99Ms} ms), ${s.unexpected} unexpected answers; RSS ${s.rss.middleMiB} → ${s.rss.lastMiB} MiB ` +
        `from the middle to the last third (slope ${s.rss.lastThirdSlopeMiBPerMin} MiB/min), JS heap after GC ` +
        `${s.heapAfterGcMiB[0]} → ${s.heapAfterGcMiB.at(-1)} MiB. ` +
        (s.problems.length ? `**Not passed**: ${s.problems.join('; ')}.` : 'Passed: memory stopped growing.'),
      '',
    );
  }
  if (results.budgets.length) {
    lines.push(
      '| budget ([bench/README.md](bench/README.md#budgets)) | target | this run | |',
      '|---|---:|---:|---|',
      ...results.budgets.map(
        (b) => `| ${b.name} | ${b.target} | ${b.actual} | ${b.met ? 'met' : '**missed**'} |`,
      ),
      '',
    );
  }
  return lines.join('\n');
}
