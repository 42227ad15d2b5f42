/**
 * Browser bundle cost: bundles an entry with esbuild the way an app would ship it (ESM, browser
 * platform, tree-shaken) and prints its size raw, minified and minified+gzip.
 *
 *   node scripts/size.ts        # the proxy client (default fetch transport), with the ky transport, and ky alone
 *
 * Other workspaces can import `measureBundle` to measure their own entry (e.g. hook + core + ky).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Sizes in bytes. */
export interface BundleSize {
  raw: number;
  min: number;
  gzip: number;
}

/** Options of {@link measureBundle}. */
export interface MeasureOptions {
  /** Where the entry's imports resolve from (a workspace directory). */
  resolveDir: string;
  /**
   * Export conditions: `source` bundles workspace packages from their TypeScript, no build needed.
   * @default ['@connected-apps/source']
   */
  conditions?: string[];
  /** Packages left out of the bundle (to measure one part alone). */
  external?: string[];
}

/**
 * Bundles `entryCode` (TypeScript or JavaScript) for the browser and measures it.
 *
 * @example
 * const size = await measureBundle("export { useRevokeConnectedApp } from '@connected-apps/react';", {
 *   resolveDir: process.cwd(), external: ['react'],
 * });
 */
export async function measureBundle(entryCode: string, options: MeasureOptions): Promise<BundleSize> {
  const bundle = async (minify: boolean) => {
    const result = await build({
      stdin: { contents: entryCode, resolveDir: options.resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify,
      legalComments: 'none',
      conditions: options.conditions ?? ['@connected-apps/source'],
      external: options.external ?? [],
      logLevel: 'silent',
    });
    const [file] = result.outputFiles;
    if (!file) throw new Error('esbuild produced no output');
    return file.contents;
  };
  const raw = await bundle(false);
  const min = await bundle(true);
  return { raw: raw.byteLength, min: min.byteLength, gzip: gzipSync(min, { level: 9 }).byteLength };
}

/** `1234` → `1.21 KB`. */
export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(2)} KB`;
}

const PROXY_CLIENT_ENTRY = `
import { createProxyClient, isConnectedAppsError } from '@connected-apps/core';
export const client = createProxyClient({ baseUrl: '/api' });
export { isConnectedAppsError };
`;

const PROXY_CLIENT_WITH_KY_ENTRY = `
import { createProxyClient, isConnectedAppsError } from '@connected-apps/core';
import { createKyTransport } from '@connected-apps/core/ky';
export const client = createProxyClient({ baseUrl: '/api', transport: createKyTransport() });
export { isConnectedAppsError };
`;

async function main(): Promise<void> {
  const resolveDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const rows: Array<[string, BundleSize]> = [
    ['proxy client (fetch)', await measureBundle(PROXY_CLIENT_ENTRY, { resolveDir })],
    ['proxy client + ky transport', await measureBundle(PROXY_CLIENT_WITH_KY_ENTRY, { resolveDir })],
    ['ky alone', await measureBundle("export { default } from 'ky';", { resolveDir })],
  ];
  for (const [label, size] of rows) {
    const [raw, min, gzip] = [size.raw, size.min, size.gzip].map((bytes) => formatBytes(bytes).padStart(9));
    console.log(`${label.padEnd(28)} raw ${raw}   min ${min}   min+gzip ${gzip}`);
  }
}

if (import.meta.main) await main();
