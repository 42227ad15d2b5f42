import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Paths pino blanks out wherever they appear. The request log never records headers or bodies in the
 * first place; this is the second line of defence if someone logs an object carrying them.
 * Explicit paths only: wildcard paths (`*.token`) make every log call about five times slower.
 */
export const REDACTED_PATHS = [
  'secret',
  'authorization',
  'cookie',
  'session_token',
  'session_jwt',
  'token',
  'config.secret',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** Stdout is written in batches of this many bytes (one write per line would be a syscall per request)… */
const STDOUT_BATCH_BYTES = 4096;
/** …and at least this often, so a quiet proxy's lines still show up promptly. */
const STDOUT_FLUSH_MS = 1000;

/**
 * The proxy's JSON logger: one object per line on stdout (or `destination`), sensitive fields redacted.
 * Stdout is buffered (4 KiB or 1 s, whichever comes first); `logger.flush()` writes out the rest.
 *
 * Stdout is written synchronously, pino's own default: one `write` per 4 KiB costs less than handing
 * each batch to libuv's thread pool (a thread wake-up per batch, which on a small host takes the core
 * the requests need), and a log reader that falls behind slows the proxy down instead of growing its
 * memory without bound.
 *
 * @example
 * const logger = createLogger('info');
 * const captured = createLogger('debug', { write: (line) => lines.push(line) });
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  let stream = destination;
  if (stream === undefined) {
    const stdout = pino.destination({ dest: 1, sync: true, minLength: STDOUT_BATCH_BYTES });
    const flush = () => {
      try {
        stdout.flushSync();
      } catch {
        // Only throws once the stream is destroyed at exit: nothing is left to write then.
      }
    };
    setInterval(flush, STDOUT_FLUSH_MS).unref();
    // Whatever way the process ends (a crash included), the last batch is written out.
    process.once('exit', flush);
    stream = stdout;
  }
  return pino(
    {
      level,
      base: { service: 'connected-apps-proxy' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
}
