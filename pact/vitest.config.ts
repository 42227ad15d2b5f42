import { workspaceConfig } from '../vitest.shared.ts';
import { ContractSequencer } from './support/contract-sequencer.ts';

export default workspaceConfig('contract', {
  test: {
    include: [
      'consumers/**/*.test.{ts,tsx}',
      'checks/**/*.test.ts',
      'openapi/**/*.test.ts',
      'providers/**/*.test.ts',
      'support/**/*.test.ts',
    ],
    // One file at a time, in stage order: every stage reads what the one before it wrote.
    fileParallelism: false,
    sequence: { sequencer: ContractSequencer },
    env: { PACT_DO_NOT_TRACK: 'true' },
    testTimeout: 30_000,
  },
});
