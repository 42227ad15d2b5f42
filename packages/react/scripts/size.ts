/**
 * Browser cost of the hooks and the UI, bundled with esbuild (minified, ESM for browsers, React left
 * out: the app has it) and gzipped. Two budgets, each checked on the entry it names:
 * - "useRevokeConnectedApp + core ≤ 6 KB": what a page ships to revoke (the provider,
 *   `useRevokeConnectedApp`, `createProxyClient` and core with its default fetch transport), the same
 *   entry as bench's browser cost;
 * - "ConnectedAppsManager + hooks + core ≤ 12 KB": the ready-made section with everything it needs;
 *   its stylesheet (`ui.css`, minified and gzipped) is printed on its own row, outside the budget;
 * - "B2B hooks + core ≤ 7.5 KB": the whole `@connected-apps/react/b2b` entry (its provider and four
 *   hooks) with `createB2BProxyClient`, what a B2B settings page ships.
 * The other rows are printed for comparison. Exits 1 when any budget is exceeded.
 *
 *   pnpm --filter @connected-apps/react run size
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { type BundleSize, formatBytes, measureBundle } from '../../core/scripts/size.ts';

/** 6 KB as 6000 bytes, the figure bench's report checks, so both tools agree on the verdict. */
export const BUDGET_BYTES = 6000;

/** The entry the budget applies to, named in the output. */
export const BUDGET_LABEL = 'useRevokeConnectedApp + core';

/** 12 KB as 12000 bytes, the UI's budget. */
export const UI_BUDGET_BYTES = 12000;

/** The entry the UI's budget applies to. */
export const UI_BUDGET_LABEL = 'ConnectedAppsManager + hooks + core';

/** 7.5 KB as 7500 bytes, the B2B entry's budget. */
export const B2B_BUDGET_BYTES = 7500;

/** The entry the B2B budget applies to. */
export const B2B_BUDGET_LABEL = 'B2B hooks + core';

const CLIENT = `import { createProxyClient } from '@connected-apps/core';
export const client = createProxyClient({ baseUrl: '/api' });`;

const REVOKE_ENTRY = `${CLIENT}
export { ConnectedAppsProvider, useRevokeConnectedApp } from './src/index.ts';`;

const HOOKS = `export { ConnectedAppsProvider, useConnectedApps, useRevokeConnectedApp } from './src/index.ts';`;

const BOTH_HOOKS_ENTRY = `${CLIENT}
${HOOKS}`;

const BOTH_HOOKS_WITH_KY_ENTRY = `
import { createProxyClient } from '@connected-apps/core';
import { createKyTransport } from '@connected-apps/core/ky';
${HOOKS}
export const client = createProxyClient({ baseUrl: '/api', transport: createKyTransport() });
`;

const MANAGER_ENTRY = `${CLIENT}
export { ConnectedAppsProvider } from './src/index.ts';
export { ConnectedAppsManager } from './src/ui/index.ts';`;

const B2B_HOOKS = `export * from './src/b2b/index.ts';`;

const B2B_ENTRY = `import { createB2BProxyClient } from '@connected-apps/core';
export const client = createB2BProxyClient({ baseUrl: '/api' });
${B2B_HOOKS}`;

const TANSTACK_ENTRY = `export * from './src/tanstack/index.ts';`;

const REACT = ['react', 'react-dom', 'react/jsx-runtime'];

/** The stylesheet as a page ships it: minified by esbuild, then gzipped. */
async function measureCss(path: string): Promise<BundleSize> {
  const css = await readFile(path, 'utf8');
  const { code } = await transform(css, { loader: 'css', minify: true });
  const min = Buffer.from(code);
  return { raw: Buffer.byteLength(css), min: min.byteLength, gzip: gzipSync(min, { level: 9 }).byteLength };
}

async function main(): Promise<void> {
  const resolveDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const measure = (entry: string, external = REACT) => measureBundle(entry, { resolveDir, external });
  const budgeted = await measure(REVOKE_ENTRY);
  const manager = await measure(MANAGER_ENTRY);
  const b2b = await measure(B2B_ENTRY);
  const rows: Array<[string, BundleSize]> = [
    [`${BUDGET_LABEL} (budget)`, budgeted],
    [`${UI_BUDGET_LABEL} (budget)`, manager],
    [`${B2B_BUDGET_LABEL} (budget)`, b2b],
    ['ui.css (outside the budget)', await measureCss(resolve(resolveDir, 'src/ui/ui.css'))],
    ['both hooks + core', await measure(BOTH_HOOKS_ENTRY)],
    ['both hooks + core + ky transport', await measure(BOTH_HOOKS_WITH_KY_ENTRY)],
    ['both hooks alone (core external)', await measure(HOOKS, [...REACT, '@connected-apps/core'])],
    ['B2B hooks alone (core external)', await measure(B2B_HOOKS, [...REACT, '@connected-apps/core'])],
    [
      'TanStack options (core, react-query external)',
      await measure(TANSTACK_ENTRY, [...REACT, '@connected-apps/core', '@tanstack/react-query']),
    ],
  ];
  for (const [label, size] of rows) {
    console.log(
      `${label.padEnd(46)} min ${formatBytes(size.min).padStart(9)}   min+gzip ${formatBytes(size.gzip).padStart(9)}`,
    );
  }
  const over = budgeted.gzip > BUDGET_BYTES;
  console.log(
    `budget entry: ${BUDGET_LABEL} (ConnectedAppsProvider, useRevokeConnectedApp, createProxyClient; fetch transport)`,
  );
  console.log(`${budgeted.gzip} B min+gzip, ${over ? 'OVER' : 'within'} the ${BUDGET_BYTES} B budget`);
  const uiOver = manager.gzip > UI_BUDGET_BYTES;
  console.log(
    `budget entry: ${UI_BUDGET_LABEL} (ConnectedAppsProvider, ConnectedAppsManager, createProxyClient)`,
  );
  console.log(`${manager.gzip} B min+gzip, ${uiOver ? 'OVER' : 'within'} the ${UI_BUDGET_BYTES} B budget`);
  const b2bOver = b2b.gzip > B2B_BUDGET_BYTES;
  console.log(
    `budget entry: ${B2B_BUDGET_LABEL} (ConnectedAppsB2BProvider, the four B2B hooks, createB2BProxyClient)`,
  );
  console.log(`${b2b.gzip} B min+gzip, ${b2bOver ? 'OVER' : 'within'} the ${B2B_BUDGET_BYTES} B budget`);
  if (over || uiOver || b2bOver) process.exitCode = 1;
}

if (import.meta.main) await main();
