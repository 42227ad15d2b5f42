import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI's entry in source form, run by Node with the source condition (no build needed). */
const BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));

/** How the CLI process ended and what it printed. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `connected-apps-contracts <args>` as a child process, as a team's CI would, with only PATH and
 * `env` in its environment; killed after `timeoutMs` so a test never hangs.
 */
export function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<CliResult> {
  const child = spawn(process.execPath, ['--conditions=@connected-apps/source', BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', PACT_DO_NOT_TRACK: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
