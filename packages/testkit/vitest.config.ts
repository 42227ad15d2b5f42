import { workspaceConfig } from '../../vitest.shared.ts';

export default workspaceConfig('testkit', { test: { include: ['test/**/*.test.ts'] } });
