import { EventEmitter } from 'node:events';
import { main } from '../../src/index.ts';
import type { CliResult, StytchEnv } from './cli-process.ts';

/**
 * Runs a command line in this process through `main`, the function the bin calls, with output
 * captured: for checks that stop before any call, where a process start would only add time.
 */
export async function runMain(
  args: readonly string[],
  env: Partial<StytchEnv>,
  cwd: string,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    env,
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    signals: new EventEmitter(),
  });
  return { code, signal: null, stdout, stderr };
}
