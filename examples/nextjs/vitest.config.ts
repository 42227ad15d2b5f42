import { workspaceConfig } from '../../vitest.shared.ts';

// `next start` on the `next build` output (turbo's `build` task) and real Chromium, started by the test.
export default workspaceConfig('example-nextjs-e2e', {
  test: {
    include: ['test/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
