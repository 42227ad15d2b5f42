import { createFetchTransport, type Transport } from '@connected-apps/core';
import { createKyTransport } from '@connected-apps/core/ky';
import { createUndiciTransport } from '@connected-apps/core/node';
import { afterAll, beforeAll } from 'vitest';

/** Every transport core ships, by name, for `describe.each`. */
const CORE_TRANSPORTS = {
  fetch: () => createFetchTransport(),
  ky: () => createKyTransport(),
  undici: () => createUndiciTransport(),
} satisfies Record<string, () => Transport>;

/** The named transports of core, as `describe.each` rows: `[name, create]`. */
export function coreTransports(
  ...names: Array<keyof typeof CORE_TRANSPORTS>
): Array<[name: string, create: () => Transport]> {
  return names.map((name) => [name, CORE_TRANSPORTS[name]]);
}

/** One transport for the describe block's tests: made before them, closed after them. */
export function useTransport(create: () => Transport): () => Transport {
  let transport: Transport | undefined;
  beforeAll(() => {
    transport = create();
  });
  afterAll(async () => {
    await transport?.close?.();
  });
  return () => {
    if (!transport) throw new Error('the transport is used outside the tests of its describe block');
    return transport;
  };
}
