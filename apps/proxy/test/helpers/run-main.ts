import { fileURLToPath } from 'node:url';
import { type RunningNode, runNode } from './run-node.ts';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/** `src/main.ts` running as the CLI runs (`node --conditions=@connected-apps/source src/main.ts`). */
export type RunningMain = RunningNode;

/**
 * Runs `src/main.ts` with only the given environment (and PATH).
 *
 * @example
 * const main = runMain(proxyEnv(emulator, { PORT: '0' }));
 * const url = await main.listening();
 */
export function runMain(env: Record<string, string>): RunningMain {
  return runNode(['--conditions=@connected-apps/source', MAIN], { env, name: 'the proxy' });
}
