import { workspaceConfig } from '../../vitest.shared.ts';

export default workspaceConfig('cloudflare-workers', {
  test: {
    env: {
      // Wrangler bundles the Worker from the workspace's TypeScript source, as Vitest runs the tests:
      // the source condition first, then wrangler's own defaults for workerd.
      WRANGLER_BUILD_CONDITIONS: '@connected-apps/source,workerd,worker,browser',
      // No metrics or update checks from a test run.
      WRANGLER_SEND_METRICS: 'false',
    },
  },
});
