import { type Logger, pino } from 'pino';
import { REDACTED_PATHS } from './create-logger.ts';

const SERVICE = 'connected-apps-proxy';

/** One JSON line per call on the runtime's console, at the console level matching pino's. */
function consoleLine(method: 'log' | 'warn' | 'error') {
  return (line: object) => console[method](JSON.stringify(line));
}

/**
 * The edge entry's JSON logger. Edge runtimes have no file descriptors (the Node logger writes to
 * fd 1), so where the bundler picks pino's browser build (Cloudflare Workers: the `browser` and
 * `worker` conditions) each line goes to `console` as one JSON string, which the platform's log
 * pipeline (`wrangler tail`, Workers Logs) records per request; where it picks pino's Node build
 * (Deno, Bun) it writes to stdout as the Node entry does. Either way the line has the Node entry's
 * shape (`level` as a label, `service`) and the same fields redacted.
 *
 * @example
 * const logger = createEdgeLogger('info');
 */
export function createEdgeLogger(level: string): Logger {
  const formatLevel = (label: string) => ({ level: label });
  return pino({
    level,
    base: { service: SERVICE },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: formatLevel },
    // Read by pino's browser build only (which ignores `base` and the formatters above).
    browser: {
      formatters: { level: formatLevel, log: (line) => ({ ...line, service: SERVICE }) },
      write: {
        fatal: consoleLine('error'),
        error: consoleLine('error'),
        warn: consoleLine('warn'),
        info: consoleLine('log'),
        debug: consoleLine('log'),
        trace: consoleLine('log'),
      },
    },
  });
}
