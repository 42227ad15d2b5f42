import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { announceReady, requireEnv } from '../process/child-protocol.ts';
import { createForwarder } from './forwarder.ts';

// Child process entry: the baseline forwarder, listening on an ephemeral loopback port.
const server = createForwarder({
  upstreamUrl: requireEnv('UPSTREAM_URL'),
  projectId: requireEnv('STYTCH_PROJECT_ID'),
  secret: requireEnv('STYTCH_SECRET'),
  ca: readFileSync(requireEnv('UPSTREAM_CA_FILE'), 'utf8'),
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const { port } = server.address() as AddressInfo;
announceReady(`http://127.0.0.1:${port}`, async () => {
  server.closeAllConnections();
  server.close();
});
