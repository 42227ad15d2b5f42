import { parseArgs } from 'node:util';
import { heapGrowthMiB, memoryGrowthProblems } from './soak/memory-trend.ts';
import { runSoak } from './soak/run-soak.ts';

// `pnpm --filter @connected-apps/bench run soak`: the long soak (60 s by default; --duration=N).
// Exits 1 on any unexpected response or when the proxy's memory keeps growing.
const { values } = parseArgs({
  // pnpm passes a literal `--` through (`pnpm run bench -- --quick`).
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { duration: { type: 'string', default: '60' }, connections: { type: 'string', default: '16' } },
});
const durationS = Number(values.duration);
console.log(`Soak: ${durationS} s, ${values.connections} connections, revoke + list through the proxy`);
const { load, rss, heapSamples } = await runSoak({ durationS, connections: Number(values.connections) });
console.log(
  `  ${load.completed} requests, ${Math.round(load.requestsPerSecond)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms`,
);
console.log(`  non-2xx ${load.non2xx}, errors ${load.errors}`);
console.log(
  `  RSS: peak ${rss.peakMiB} MiB, middle third ${rss.middleMiB} MiB, last third ${rss.lastMiB} MiB, ` +
    `last-third slope ${rss.lastThirdSlopeMiBPerMin} MiB/min (${rss.samples} samples)`,
);
console.log(
  `  heap after GC: ${heapSamples.map((s) => `${s.heapMiB}`).join(' → ')} MiB (growth ${heapGrowthMiB(heapSamples)} MiB)`,
);
const problems = [
  ...(load.non2xx || load.errors
    ? [`${load.non2xx} non-2xx, ${load.errors} errors: ${JSON.stringify(load.statusCodes)}`]
    : []),
  ...memoryGrowthProblems(rss, heapSamples),
];
for (const p of problems) console.log(`FAIL ${p}`);
if (problems.length === 0) console.log('OK: no unexpected response, memory stopped growing');
process.exitCode = problems.length ? 1 : 0;
