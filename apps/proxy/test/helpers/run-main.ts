import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/** `src/main.ts` running as the CLI runs (`node --conditions=@connected-apps/source src/main.ts`). */
export interface RunningMain {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Its JSON log lines so far (stdout lines that parse). */
  logLines(): Record<string, unknown>[];
  /** Resolves with the URL it logs once listening; rejects if it does not within 10 s. */
  listening(): Promise<string>;
  /** Resolves with its exit code. */
  exited: Promise<number | null>;
  /** Kills it if it is still running (for `finally`). */
  kill(): void;
}

/**
 * Runs `src/main.ts` with only the given environment (and PATH).
 *
 * @example
 * const main = runMain(proxyEnv(emulator, { PORT: '0' }));
 * const url = await main.listening();
 */
export function runMain(env: Record<string, string>): RunningMain {
  const child = spawn(process.execPath, ['--conditions=@connected-apps/source', MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
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
        const timer = setTimeout(() => reject(new Error(`proxy did not start: ${output}`)), 10_000);
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
