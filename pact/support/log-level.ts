/** Pact's native core logs to stdout; keep it to errors unless asked for more. */
export type PactLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const LEVELS: readonly PactLogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

/**
 * `PACT_LOG_LEVEL`, else `LOG_LEVEL` when it names a level Pact knows (pino's `fatal`/`silent` do not),
 * else `error`.
 */
export function pactLogLevel(): PactLogLevel {
  for (const wanted of [process.env.PACT_LOG_LEVEL, process.env.LOG_LEVEL]) {
    const level = LEVELS.find((l) => l === wanted);
    if (level) return level;
  }
  return 'error';
}
