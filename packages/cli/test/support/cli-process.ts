import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI's entry in source form, run by Node with the source condition (no build needed). */
const BIN = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));

/** How a CLI process ended and what it printed. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running CLI process. */
export interface CliProcess {
  child: ChildProcess;
  /** What it printed so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves when it exits (it is killed after `timeoutMs`, so a test never hangs). */
  exited: Promise<CliResult>;
}

/** Credentials and base URL of an emulator, as the CLI reads them. */
export interface StytchEnv {
  STYTCH_PROJECT_ID: string;
  STYTCH_SECRET: string;
  STYTCH_BASE_URL?: string;
}

/**
 * Spawns `connected-apps <args>` as a real child process with only `env` (plus PATH) in its
 * environment, stdout and stderr piped (so progress comes as plain lines).
 */
export function startCli(
  args: readonly string[],
  env: StytchEnv,
  cwd: string,
  timeoutMs = 20_000,
): CliProcess {
  const child = spawn(process.execPath, ['--conditions=@connected-apps/source', BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exited = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Runs the CLI to its end. */
export function runCli(
  args: readonly string[],
  env: StytchEnv,
  cwd: string,
  timeoutMs?: number,
): Promise<CliResult> {
  return startCli(args, env, cwd, timeoutMs).exited;
}
