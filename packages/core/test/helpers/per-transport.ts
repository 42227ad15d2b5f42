import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { createFetchTransport, type Transport } from '../../src/index.ts';
import { createKyTransport } from '../../src/ky.ts';
import { createUndiciTransport } from '../../src/node.ts';
import { type Handler, startTestServer, type TestServer } from './test-server.ts';

/**
 * The transports every suite runs against: every behaviour of the client (policy, errors, encoding,
 * secrecy) must hold for each, since the client owns them and the transport only sends.
 */
export const transports: Array<[name: string, create: () => Transport]> = [
  ['fetch', () => createFetchTransport()],
  ['ky', () => createKyTransport()],
  ['undici', () => createUndiciTransport()],
];

/** What a suite gets for one transport. */
export interface TransportSuite {
  /** The suite's transport: one per suite, closed after it. */
  readonly transport: Transport;
  /** Starts a test server (see {@link startTestServer}), closed after the test. */
  serve(handler: Handler): Promise<TestServer>;
}

/** Runs `suite` once per transport, titled `<title> over the <name> transport`. */
export function describeEachTransport(title: string, suite: (t: TransportSuite) => void): void {
  describe.each(transports)(`${title} over the %s transport`, (_name, createTransport) => {
    let transport: Transport | undefined;
    const servers: TestServer[] = [];
    beforeAll(() => {
      transport = createTransport();
    });
    afterAll(() => transport?.close?.());
    afterEach(() => Promise.all(servers.splice(0).map((server) => server.close())));
    suite({
      get transport() {
        if (!transport) throw new Error('the transport exists only while the suite runs');
        return transport;
      },
      async serve(handler) {
        const server = await startTestServer(handler);
        servers.push(server);
        return server;
      },
    });
  });
}
