import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { forwarderRatios } from '../overhead/run-overhead.ts';
import { type BenchResults, checkBudgets } from './bench-results.ts';
import { renderChart } from './chart-svg.ts';
import { renderMarkdownSummary } from './markdown-summary.ts';
import { updateReadme } from './update-readme.ts';

// `pnpm --filter @connected-apps/bench run report`: re-renders the chart and the README section
// from results/latest.json without measuring again (e.g. after changing the chart's layout).
const resultsDir = fileURLToPath(new URL('../../results', import.meta.url));
const results = JSON.parse(await readFile(`${resultsDir}/latest.json`, 'utf8')) as BenchResults;
// Ratios and budget checks derive from the recorded rounds: recomputing them renders a file measured
// before a ratio or a budget was added (or changed) with today's.
const forwarder = results.overhead?.targets.find((t) => t.id === 'forwarder');
for (const t of forwarder ? results.overhead!.targets : [])
  Object.assign(t, forwarderRatios(t.rounds, forwarder!.rounds));
results.budgets = checkBudgets(results);
await writeFile(`${resultsDir}/chart.svg`, renderChart(results));
await updateReadme(
  fileURLToPath(new URL('../../../README.md', import.meta.url)),
  renderMarkdownSummary(results),
);
console.log('chart.svg and README.md regenerated from results/latest.json');
