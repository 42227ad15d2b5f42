import { workspaceConfig } from '../../vitest.shared.ts';

export default workspaceConfig('contracts', {
  test: {
    // The packaged copy of the pact, which the package's code reads, before any test runs.
    globalSetup: ['./test/support/copy-pact-first.ts'],
    env: { PACT_DO_NOT_TRACK: 'true' },
    testTimeout: 60_000,
  },
});
