import { workspaceConfig } from '../../vitest.shared.ts';

// Fast tests of the demo's own pieces; the browser test has its own config (vitest.e2e.config.ts).
export default workspaceConfig('demo', {
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
  },
});
