/** Anything pino (or a logger like it) can write its lines to. */
export interface LogDestination {
  write(line: string): void;
}

/** Options of {@link captureLogs}. */
export interface CaptureLogsOptions {
  /** Keep only the last this many writes, so a long load test stays bounded. @default Infinity */
  limit?: number;
}

/** A log destination that keeps what was written, to assert on what was (and was not) logged. */
export interface CapturedLogs extends LogDestination {
  /** Everything written, as one string. */
  text(): string;
  /** Each JSON line written, parsed (pino writes one object per line). */
  lines(): Record<string, unknown>[];
  /** Forgets what was written so far. */
  clear(): void;
}

/**
 * A pino-compatible destination that collects every line: pass it as the proxy's `logDestination`,
 * or to `pino(options, destination)`.
 *
 * @example
 * const logs = captureLogs();
 * const proxy = await startProxy(env, { port: 0, logDestination: logs });
 * expect(logs.text()).not.toContain(secret);
 */
export function captureLogs(options: CaptureLogsOptions = {}): CapturedLogs {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const chunks: string[] = [];
  const text = () => chunks.join('');
  return {
    write(line) {
      chunks.push(String(line));
      if (chunks.length > limit) chunks.shift();
    },
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    clear: () => {
      chunks.length = 0;
    },
  };
}
