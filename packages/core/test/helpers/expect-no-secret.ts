import { inspect } from 'node:util';
import { expect } from 'vitest';

/**
 * Asserts that none of `secrets` appears anywhere an error can be printed or shipped: message,
 * `toString()`, JSON, stack, and a full inspection of every property (hidden ones too) down its
 * `cause` chain.
 */
export function expectNoSecret(error: unknown, secrets: readonly string[]): void {
  const err = error as Error;
  const renderings = [
    err.message,
    String(err),
    JSON.stringify(err),
    err.stack ?? '',
    inspect(err, { depth: 20, showHidden: true, getters: true }),
  ];
  let cause: unknown = err.cause;
  while (cause instanceof Error) {
    renderings.push(cause.message, cause.stack ?? '', String(cause));
    cause = cause.cause;
  }
  for (const secret of secrets) {
    for (const rendering of renderings) expect(rendering).not.toContain(secret);
  }
}
