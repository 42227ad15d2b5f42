/**
 * Browser cost of the hooks: bundles what an app ships to revoke from a page (the provider, both
 * hooks, `createProxyClient` and core; React left out, the app has it) with esbuild, minified, ESM for
 * browsers, and prints its size gzipped. The budget (6 KB) applies to the default setup, core's fetch
 * transport; the same app with core's optional ky transport is printed beside it. Exits 1 over budget.
 *
 *   pnpm --filter @connected-apps/react run size
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundleSize, formatBytes, measureBundle } from '../../core/scripts/size.ts';

/** At most 6 KB min+gzip for the hooks with core. */
export const BUDGET_BYTES = 6 * 1024;

const HOOKS = `export { ConnectedAppsProvider, useConnectedApps, useRevokeConnectedApp } from './src/index.ts';`;

const APP_ENTRY = `
import { createProxyClient } from '@connected-apps/core';
${HOOKS}
export const client = createProxyClient({ baseUrl: '/api' });
`;

const APP_WITH_KY_ENTRY = `
import { createProxyClient } from '@connected-apps/core';
import { createKyTransport } from '@connected-apps/core/ky';
${HOOKS}
export const client = createProxyClient({ baseUrl: '/api', transport: createKyTransport() });
`;

const REACT = ['react', 'react-dom', 'react/jsx-runtime'];

async function main(): Promise<void> {
  const resolveDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const total = await measureBundle(APP_ENTRY, { resolveDir, external: REACT });
  const rows: Array<[string, BundleSize]> = [
    ['hooks + core (fetch transport)', total],
    ['hooks + core + ky transport', await measureBundle(APP_WITH_KY_ENTRY, { resolveDir, external: REACT })],
    [
      'hooks alone (core external)',
      await measureBundle(HOOKS, { resolveDir, external: [...REACT, '@connected-apps/core'] }),
    ],
  ];
  for (const [label, size] of rows) {
    console.log(
      `${label.padEnd(32)} min ${formatBytes(size.min).padStart(9)}   min+gzip ${formatBytes(size.gzip).padStart(9)}`,
    );
  }
  const verdict = total.gzip <= BUDGET_BYTES ? 'within' : 'OVER';
  console.log(`hooks + core: ${total.gzip} B min+gzip, ${verdict} the ${BUDGET_BYTES} B budget`);
  if (total.gzip > BUDGET_BYTES) process.exitCode = 1;
}

if (import.meta.main) await main();
