import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** A Node process of the proxy (the CLI from source, or the deployed bundle), its output captured. */
export interface RunningNode {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Its JSON log lines so far (stdout lines that parse). */
  logLines(): Record<string, unknown>[];
  /** Resolves with the URL it logs once listening; rejects if it exits or does not within 10 s. */
  listening(): Promise<string>;
  /** Resolves with its exit code. */
  exited: Promise<number | null>;
  /** SIGKILLs it if it still runs (for `finally`). */
  kill(): void;
}

/**
 * Runs `node …args` with only `env` and `PATH`, in `cwd` when given; `name` says what did not start.
 *
 * @example
 * const running = runNode([file], { env, cwd: dir, name: 'the bundle' });
 * const url = await running.listening();
 */
export function runNode(
  args: readonly string[],
  options: { env: Record<string, string>; cwd?: string; name: string },
): RunningNode {
  const child = spawn(process.execPath, args, {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let output = '';
  child.stdout?.on('data', (chunk) => {
    stdout += String(chunk);
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    output: () => output,
    logLines: () =>
      stdout.split('\n').flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    listening: () =>
      new Promise((resolve, reject) => {
        const fail = (why: string) => reject(new Error(`${options.name} did not start (${why}): ${output}`));
        const timer = setTimeout(() => fail('10 s passed'), 10_000);
        exited.then((code) => fail(`exit code ${code}`));
        const look = () => {
          const match = /"url":"(http:\/\/[^"]+)"/.exec(stdout);
          if (!match?.[1]) return;
          clearTimeout(timer);
          child.stdout?.off('data', look);
          resolve(match[1]);
        };
        child.stdout?.on('data', look);
        look();
      }),
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
