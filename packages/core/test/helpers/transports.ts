import { createFetchTransport, type Transport } from '../../src/index.ts';
import { createKyTransport } from '../../src/ky/index.ts';
import { createUndiciTransport } from '../../src/node/index.ts';

/**
 * The transports the shared suites run against: every behaviour of the client (policy, errors,
 * encoding, secrecy) must hold for each, since the client owns them and the transport only sends.
 */
export const transports: Array<[name: string, create: () => Transport]> = [
  ['fetch', () => createFetchTransport()],
  ['ky', () => createKyTransport()],
  ['undici', () => createUndiciTransport()],
];
