import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * One Vitest setup for every workspace: tests run against each workspace's TypeScript
 * source (the `source` export condition), and every run also writes a JSON report that
 * `scripts/run-tests.ts` sums into the single `N passed, M failed` line.
 */
export function workspaceConfig(reportName: string, overrides: ViteUserConfig = {}) {
  const { test, resolve, ...rest } = overrides;
  return defineConfig({
    ...rest,
    resolve: { conditions: ['@connected-apps/source'], ...resolve },
    ssr: {
      resolve: { conditions: ['@connected-apps/source'], externalConditions: ['@connected-apps/source'] },
    },
    // Global setup runs in Vitest's own `__vitest__` environment, which the options above do not reach.
    environments: { __vitest__: { resolve: { conditions: ['@connected-apps/source'] } } },
    test: {
      // Every test file starts its own servers on free ports and tears them down, so files can share a
      // worker: one worker per file spent half of the suite's CPU on spawning and re-importing.
      isolate: false,
      // Most files wait on sockets, child processes and databases more than they compute: two files at
      // a time per workspace keep both cores busy while one waits (Vitest's default here is one).
      maxWorkers: 2,
      reporters: ['default', ['json', { outputFile: `.test-results/${reportName}.json` }]],
      testTimeout: 15_000,
      hookTimeout: 20_000,
      ...test,
    },
  });
}
