import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BenchResults } from './bench-results.ts';
import { renderChart } from './chart-svg.ts';
import { renderMarkdownSummary } from './markdown-summary.ts';
import { updateReadme } from './update-readme.ts';

// `pnpm --filter @connected-apps/bench run report`: re-renders the chart and the README section
// from results/latest.json without measuring again (e.g. after changing the chart's layout).
const resultsDir = fileURLToPath(new URL('../../results', import.meta.url));
const results = JSON.parse(await readFile(`${resultsDir}/latest.json`, 'utf8')) as BenchResults;
await writeFile(`${resultsDir}/chart.svg`, renderChart(results));
await updateReadme(
  fileURLToPath(new URL('../../../README.md', import.meta.url)),
  renderMarkdownSummary(results),
);
console.log('chart.svg and README.md regenerated from results/latest.json');
