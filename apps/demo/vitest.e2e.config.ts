import { workspaceConfig } from '../../vitest.shared.ts';

// Real Chromium against the real stack (emulator + proxy + Vite) started in the test process.
export default workspaceConfig('e2e', {
  test: {
    include: ['test/**/*.e2e.ts'],
    environment: 'node',
    // One browser and one stack at a time: the machine's two cores are shared.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
