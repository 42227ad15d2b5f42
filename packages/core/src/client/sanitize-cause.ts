import { redact } from './redact.ts';

/**
 * A transport error, copied down to `name`, `message`, `code` and `stack` (and the same for its
 * causes), with secrets redacted. The copy drops everything else on purpose: ky's errors carry the
 * `Request` (with its `Authorization` header) and undici's can carry sockets and headers.
 */
export function sanitizeCause(error: unknown, secrets: readonly string[], depth = 0): Error | undefined {
  if (!(error instanceof Error) && !(typeof error === 'object' && error !== null && 'message' in error)) {
    return undefined;
  }
  const source = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    stack?: unknown;
    cause?: unknown;
  };
  const copy: Error & { code?: string } = new Error(redact(String(source.message), secrets));
  if (typeof source.name === 'string') copy.name = source.name;
  if (typeof source.code === 'string') copy.code = source.code;
  copy.stack =
    typeof source.stack === 'string' ? redact(source.stack, secrets) : `${copy.name}: ${copy.message}`;
  const cause = depth < 3 ? sanitizeCause(source.cause, secrets, depth + 1) : undefined;
  if (cause) copy.cause = cause;
  return copy;
}

/** A one-line reason from the deepest error in a cause chain, e.g. `ECONNRESET: other side closed`. */
export function describeCause(error: Error | undefined): string | undefined {
  let current: (Error & { code?: string }) | undefined = error;
  let detail: string | undefined;
  while (current) {
    detail = current.code ? `${current.code}: ${current.message}` : current.message;
    current = current.cause instanceof Error ? current.cause : undefined;
  }
  return detail;
}
