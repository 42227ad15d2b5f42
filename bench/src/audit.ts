import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { auditProfile, runAuditOverhead } from './audit/run-audit-overhead.ts';
import { fullProfile } from './profiles.ts';
import { budgets } from './report/bench-results.ts';

// The audit-trail benchmark alone (`pnpm bench` runs it too): the proxy's revoke throughput with the
// audit trail off, on SQLite and on PostgreSQL, as ratios. `--duration=S --rounds=N` for a short run.
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { rounds: { type: 'string' }, duration: { type: 'string' } },
});
const tmpDir = fileURLToPath(new URL('../results/tmp', import.meta.url));
await mkdir(tmpDir, { recursive: true });
const profile = {
  ...auditProfile(fullProfile.overhead),
  ...(args.rounds ? { rounds: Number(args.rounds) } : {}),
  ...(args.duration ? { durationS: Number(args.duration), warmupS: Math.min(2, Number(args.duration)) } : {}),
};
console.log(
  `Audit trail: ${profile.rounds} rounds × ${profile.durationS} s, ${profile.connections} connections`,
);
const result = await runAuditOverhead(profile, tmpDir);
for (const v of result.variants) {
  console.log(
    `  ${v.label}: ${v.requestsPerSecond} req/s, p99 ${v.p99Ms} ms, CPU ${v.cpuUsPerRequest ?? '–'} µs/req, ${v.ratioToOff.toFixed(2)}x off's throughput (rounds ${v.roundRatios.join(', ')})${v.rows === undefined ? '' : `, ${v.rows} rows`}`,
  );
}
const sqlite = result.variants.find((v) => v.id === 'sqlite');
if (sqlite) {
  const met = sqlite.ratioToOff >= budgets.auditSqliteVsOff;
  console.log(
    `${met ? 'met   ' : 'MISSED'} audit on SQLite vs off: ${sqlite.ratioToOff.toFixed(2)}x (target ≥ ${budgets.auditSqliteVsOff}x)`,
  );
}
for (const problem of result.problems) console.log(`problem: ${problem}`);
