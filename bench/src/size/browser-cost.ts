import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** One bundle measured the way a browser app would ship it. */
export interface BundleEntry {
  id: string;
  label: string;
  /** The entry module: what an app imports to get the feature. */
  contents: string;
  /** Directory bare imports resolve from. */
  resolveDir: string;
}

/** Minified and gzipped size of one entry. */
export interface BundleSize {
  id: string;
  label: string;
  minifiedBytes: number;
  gzipBytes: number;
}

const benchDir = fileURLToPath(new URL('../..', import.meta.url));
// ky is core's dependency, so it resolves (at core's exact version) from core's directory.
const coreDir = fileURLToPath(new URL('../../../packages/core', import.meta.url));

/**
 * The entries compared: our hook with core (its default fetch transport, and with the optional ky
 * transport), against the two libraries a React team would otherwise reach for, each importing
 * exactly what a user would. React is external for all.
 */
export const bundleEntries: BundleEntry[] = [
  {
    id: 'connected-apps',
    label: 'useRevokeConnectedApp + core',
    contents: `export { ConnectedAppsProvider, useRevokeConnectedApp } from '@connected-apps/react';
export { createProxyClient } from '@connected-apps/core';`,
    resolveDir: benchDir,
  },
  {
    id: 'connected-apps-all',
    label: 'both hooks + core',
    contents: `export { ConnectedAppsProvider, useRevokeConnectedApp, useConnectedApps } from '@connected-apps/react';
export { createProxyClient } from '@connected-apps/core';`,
    resolveDir: benchDir,
  },
  {
    id: 'connected-apps-ky',
    label: 'useRevokeConnectedApp + core + ky',
    contents: `export { ConnectedAppsProvider, useRevokeConnectedApp } from '@connected-apps/react';
export { createProxyClient } from '@connected-apps/core';
export { createKyTransport } from '@connected-apps/core/ky';`,
    resolveDir: benchDir,
  },
  {
    id: 'tanstack-query',
    label: 'TanStack Query useMutation + QueryClient',
    contents: `export { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';`,
    resolveDir: benchDir,
  },
  {
    id: 'swr-mutation',
    label: 'SWR useSWRMutation',
    contents: `export { default as useSWRMutation } from 'swr/mutation';`,
    resolveDir: benchDir,
  },
  {
    id: 'ky',
    label: 'ky alone',
    contents: `export { default as ky } from 'ky';`,
    resolveDir: coreDir,
  },
];

/**
 * Bundles one entry for the browser (ESM, minified, production mode, React external) and measures
 * it minified and gzipped (level 9).
 *
 * @example
 * const sizes = await Promise.all(bundleEntries.map(measureBundle));
 */
export async function measureBundle(entry: BundleEntry): Promise<BundleSize> {
  const result = await build({
    stdin: {
      contents: entry.contents,
      resolveDir: entry.resolveDir,
      loader: 'ts',
      sourcefile: `${entry.id}.ts`,
    },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Workspace packages bundle from their TypeScript source, as they are in every other tool here.
    conditions: ['@connected-apps/source'],
    external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/*'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return {
    id: entry.id,
    label: entry.label,
    minifiedBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
  };
}

/** Measures every entry; an entry that cannot be bundled yet is reported, not fatal. */
export async function measureBrowserCost(): Promise<{ sizes: BundleSize[]; problems: string[] }> {
  const sizes: BundleSize[] = [];
  const problems: string[] = [];
  for (const entry of bundleEntries) {
    try {
      sizes.push(await measureBundle(entry));
    } catch (error) {
      problems.push(`${entry.id}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return { sizes, problems };
}
