import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { start } from '@connected-apps/stytch-emulator';
import { auditProfile, runAuditOverhead } from './audit/run-audit-overhead.ts';
import { measureColdStart } from './cold-start/measure-cold-start.ts';
import { runOverhead } from './overhead/run-overhead.ts';
import type { TargetDefinition } from './overhead/targets.ts';
import { type BenchProfile, fullProfile, quickProfile } from './profiles.ts';
import { type BenchResults, checkBudgets } from './report/bench-results.ts';
import { renderChart } from './report/chart-svg.ts';
import { describeMachine } from './report/machine.ts';
import { renderMarkdownSummary } from './report/markdown-summary.ts';
import { updateReadme } from './report/update-readme.ts';
import { measureBrowserCost } from './size/browser-cost.ts';
import { printSoak } from './soak/print-soak.ts';
import { runSoak } from './soak/run-soak.ts';
import { summarizeSoak } from './soak/soak-summary.ts';

// `pnpm bench`: proxy overhead, browser cost, cold start and the long soak; writes results/latest.json,
// results/chart.svg and the root README's bench section. `--quick` writes to results/tmp/ only.
const { values: args } = parseArgs({
  // pnpm passes a literal `--` through (`pnpm run bench -- --quick`).
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    targets: { type: 'string' },
    rounds: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
  },
});

const benchDir = fileURLToPath(new URL('..', import.meta.url));
const tmpDir = `${benchDir}results/tmp`;
const outDir = args.quick ? tmpDir : `${benchDir}results`;
const sections = new Set((args.only ?? 'overhead,audit,size,cold-start,soak').split(','));

const base: BenchProfile = args.quick ? quickProfile : fullProfile;
const profile: BenchProfile = {
  ...base,
  overhead: {
    ...base.overhead,
    ...(args.rounds ? { rounds: Number(args.rounds) } : {}),
    ...(args.duration ? { durationS: Number(args.duration) } : {}),
    ...(args.connections ? { connections: Number(args.connections) } : {}),
    ...(args.targets ? { only: args.targets.split(',') as TargetDefinition['id'][] } : {}),
  },
};

const partial: Omit<BenchResults, 'budgets'> = {
  generatedAt: new Date().toISOString(),
  machine: describeMachine(),
  quick: args.quick ?? false,
};
await mkdir(tmpDir, { recursive: true });

if (sections.has('overhead')) {
  const o = profile.overhead;
  console.log(`Proxy overhead: ${o.rounds} rounds × ${o.durationS} s, ${o.connections} connections`);
  partial.overhead = await runOverhead(o, tmpDir);
}
if (sections.has('audit')) {
  const a = auditProfile(profile.overhead);
  console.log(
    `Audit trail (off, SQLite, PostgreSQL): ${a.rounds} rounds × ${a.durationS} s, ${a.connections} connections`,
  );
  partial.audit = await runAuditOverhead(a, tmpDir);
}
if (sections.has('size')) {
  console.log('Browser cost');
  partial.browserCost = await measureBrowserCost();
  for (const s of partial.browserCost.sizes)
    console.log(`  ${s.label}: ${(s.gzipBytes / 1000).toFixed(1)} kB`);
}
if (sections.has('cold-start')) {
  console.log(`Cold start: ${profile.coldStartSamples} runs`);
  // /healthz must not depend on Stytch, but the proxy still gets a reachable upstream.
  const emulator = await start({ port: 0 });
  try {
    partial.coldStart = await measureColdStart(
      {
        STYTCH_PROJECT_ID: emulator.projectId,
        STYTCH_SECRET: emulator.secret,
        STYTCH_BASE_URL: emulator.url,
      },
      profile.coldStartSamples,
    );
  } finally {
    await emulator.stop();
  }
  const cold = partial.coldStart;
  console.log(
    `  median ${cold.medianMs} ms (${cold.samplesMs.join(', ')}), ${cold.ratioToBaseline}x node -e ''`,
  );
  console.log(`  with NODE_COMPILE_CACHE warm: median ${cold.compileCache?.medianMs} ms`);
}

if (sections.has('soak')) {
  const connections = 16;
  console.log(`Soak: ${profile.soakS} s, ${connections} connections, revoke + list through the proxy`);
  partial.soak = summarizeSoak(await runSoak({ durationS: profile.soakS, connections }));
  printSoak(partial.soak, console.log);
}

const results: BenchResults = { ...partial, budgets: checkBudgets(partial) };
await mkdir(outDir, { recursive: true });
await writeFile(`${outDir}/latest.json`, `${JSON.stringify(results, null, 2)}\n`);
await writeFile(`${outDir}/chart.svg`, renderChart(results));
if (!args.quick) await updateReadme(`${benchDir}../README.md`, renderMarkdownSummary(results));

console.log('');
for (const b of results.budgets)
  console.log(`${b.met ? 'met   ' : 'MISSED'} ${b.name}: ${b.actual} (target ${b.target})`);
for (const p of [...(results.overhead?.problems ?? []), ...(results.browserCost?.problems ?? [])]) {
  console.log(`problem: ${p}`);
}
console.log(`Results in ${outDir}/latest.json and chart.svg${args.quick ? '' : '; README.md updated'}.`);
