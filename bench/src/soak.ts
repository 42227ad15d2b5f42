import { parseArgs } from 'node:util';
import { printSoak } from './soak/print-soak.ts';
import { runSoak } from './soak/run-soak.ts';
import { summarizeSoak } from './soak/soak-summary.ts';

// `pnpm --filter @connected-apps/bench run soak`: the long soak alone (60 s by default; --duration=N).
// Exits 1 on any unexpected response or when the proxy's memory keeps growing.
const { values } = parseArgs({
  // pnpm passes a literal `--` through (`pnpm run soak -- --duration=120`).
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { duration: { type: 'string', default: '60' }, connections: { type: 'string', default: '16' } },
});
const durationS = Number(values.duration);
console.log(`Soak: ${durationS} s, ${values.connections} connections, revoke + list through the proxy`);
const summary = summarizeSoak(await runSoak({ durationS, connections: Number(values.connections) }));
printSoak(summary, console.log);
process.exitCode = summary.problems.length ? 1 : 0;
