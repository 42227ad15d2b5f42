/** Pact's native core logs to stdout; keep it to errors unless `PACT_LOG_LEVEL` asks for more. */
export type PactLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const LEVELS: readonly PactLogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

export function pactLogLevel(): PactLogLevel {
  const wanted = process.env.PACT_LOG_LEVEL;
  return LEVELS.find((level) => level === wanted) ?? 'error';
}
