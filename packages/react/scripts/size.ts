/**
 * Browser cost of the hooks: bundles what an app ships to revoke from a page (the provider, both
 * hooks, `createProxyClient`, core and ky; React left out, the app has it) with esbuild, minified,
 * ESM for browsers, and prints its size gzipped against the 6 KB budget. Exits 1 over budget.
 *
 *   pnpm --filter @connected-apps/react run size
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundleSize, formatBytes, measureBundle } from '../../core/scripts/size.ts';

/** At most 6 KB min+gzip for hook + core + ky. */
export const BUDGET_BYTES = 6 * 1024;

const APP_ENTRY = `
import { createProxyClient } from '@connected-apps/core';
export { ConnectedAppsProvider, useConnectedApps, useRevokeConnectedApp } from './src/index.ts';
export const client = createProxyClient({ baseUrl: '/api' });
`;

const REACT = ['react', 'react-dom', 'react/jsx-runtime'];

async function main(): Promise<void> {
  const resolveDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const total = await measureBundle(APP_ENTRY, { resolveDir, external: REACT });
  const rows: Array<[string, BundleSize]> = [
    ['hooks + core + ky', total],
    ['hooks alone (core, ky external)', await measureBundle(APP_ENTRY, { resolveDir, external: [...REACT, '@connected-apps/core', 'ky'] })],
  ];
  for (const [label, size] of rows) {
    console.log(`${label.padEnd(32)} min ${formatBytes(size.min).padStart(9)}   min+gzip ${formatBytes(size.gzip).padStart(9)}`);
  }
  const verdict = total.gzip <= BUDGET_BYTES ? 'within' : 'OVER';
  console.log(`hooks + core + ky: ${total.gzip} B min+gzip, ${verdict} the ${BUDGET_BYTES} B budget`);
  if (total.gzip > BUDGET_BYTES) process.exitCode = 1;
}

if (import.meta.main) await main();
