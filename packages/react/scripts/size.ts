/**
 * Browser cost of the hooks, bundled with esbuild (minified, ESM for browsers, React left out: the app
 * has it) and gzipped. The budget, "useRevokeConnectedApp + core ≤ 6 KB min+gzip", is checked on the
 * entry it names: what a page ships to revoke (the provider, `useRevokeConnectedApp`,
 * `createProxyClient` and core with its default fetch transport), the same entry as bench's browser
 * cost. The other rows are printed for comparison. Exits 1 over budget.
 *
 *   pnpm --filter @connected-apps/react run size
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundleSize, formatBytes, measureBundle } from '../../core/scripts/size.ts';

/** 6 KB as 6000 bytes, the figure bench's report checks, so both tools agree on the verdict. */
export const BUDGET_BYTES = 6000;

/** The entry the budget applies to, named in the output. */
export const BUDGET_LABEL = 'useRevokeConnectedApp + core';

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

const REACT = ['react', 'react-dom', 'react/jsx-runtime'];

async function main(): Promise<void> {
  const resolveDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const measure = (entry: string, external = REACT) => measureBundle(entry, { resolveDir, external });
  const budgeted = await measure(REVOKE_ENTRY);
  const rows: Array<[string, BundleSize]> = [
    [`${BUDGET_LABEL} (budget)`, budgeted],
    ['both hooks + core', await measure(BOTH_HOOKS_ENTRY)],
    ['both hooks + core + ky transport', await measure(BOTH_HOOKS_WITH_KY_ENTRY)],
    ['both hooks alone (core external)', await measure(HOOKS, [...REACT, '@connected-apps/core'])],
  ];
  for (const [label, size] of rows) {
    console.log(
      `${label.padEnd(37)} min ${formatBytes(size.min).padStart(9)}   min+gzip ${formatBytes(size.gzip).padStart(9)}`,
    );
  }
  const over = budgeted.gzip > BUDGET_BYTES;
  console.log(
    `budget entry: ${BUDGET_LABEL} (ConnectedAppsProvider, useRevokeConnectedApp, createProxyClient; fetch transport)`,
  );
  console.log(`${budgeted.gzip} B min+gzip, ${over ? 'OVER' : 'within'} the ${BUDGET_BYTES} B budget`);
  if (over) process.exitCode = 1;
}

if (import.meta.main) await main();
