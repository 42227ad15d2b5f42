import type { ProgressStream } from './output/progress.ts';
import type { SignalSource } from './run/interrupts.ts';

/** What a command reads and writes: the process's, in the CLI; anything alike, embedded. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  /** Relative `--users` and `--journal` paths, and the default journal, are resolved here. */
  cwd: string;
  /** Results: the text or `--json` summary, the listing. */
  stdout: { write(text: string): unknown };
  /** Progress and notices. */
  stderr: ProgressStream;
  signals: SignalSource;
}
