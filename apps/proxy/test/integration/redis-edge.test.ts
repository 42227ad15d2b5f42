import { fileURLToPath } from 'node:url';
import { captureLogs } from '@connected-apps/testkit';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.ts';
import { createProxyApp, loadConfig } from '../../src/edge.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { BoundedMemoryStore } from '../../src/rate-limit/bounded-memory-store.ts';

const env = {
  STYTCH_PROJECT_ID: 'project-test-00000000-0000-4000-8000-000000000000',
  STYTCH_SECRET: 'secret-test-made-up-for-this-test',
  STYTCH_BASE_URL: 'http://127.0.0.1:9',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
};
const logger = () => createLogger('info', captureLogs());

/** The files esbuild pulls into a bundle of `entry` (the source entries, as tests run them). */
async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../../src/${entry}`, import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    conditions: ['@connected-apps/source'],
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('REDIS_URL and the edge entry', () => {
  it('refuses REDIS_URL on the edge entry unless rate-limit stores are passed', () => {
    let refused: unknown;
    try {
      createProxyApp(loadConfig(env), { logger: logger() });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).issues.map((issue) => issue.variable)).toEqual(['REDIS_URL']);

    const stores = { address: new BoundedMemoryStore(), user: new BoundedMemoryStore() };
    const proxy = createProxyApp(loadConfig(env), { logger: logger(), rateLimitStores: stores });
    expect(typeof proxy.fetch).toBe('function');
  });

  it('never bundles ioredis or rate-limiter-flexible into the edge entry; the Node entry has them', async () => {
    const [edge, node] = await Promise.all([bundledInputs('edge.ts'), bundledInputs('index.ts')]);
    const redisModules = (inputs: string[]) =>
      inputs.filter((path) => /node_modules\/(ioredis|rate-limiter-flexible)\//.test(path));
    expect(redisModules(edge)).toEqual([]);
    expect(redisModules(node).length).toBeGreaterThan(0);
    expect(edge.some((path) => path.endsWith('rate-limit/redis-rate-limits.ts'))).toBe(false);
  });
});
