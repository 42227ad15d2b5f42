import { workspaceConfig } from '../vitest.shared.ts';

// The reliability suite: fuzz, faults and a bounded soak against real servers on 127.0.0.1.
// Files run one after another: they load both cores, and the soak's memory figures and the fault
// deadlines must not be skewed by a neighbour (~1 minute in all on 2 cores).
export default workspaceConfig('reliability', { test: { fileParallelism: false } });
