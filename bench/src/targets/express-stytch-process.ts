import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { announceReady, requireEnv } from '../process/child-protocol.ts';
import { createExpressStytchApp } from './express-stytch.ts';

// Child process entry: Express + the official SDK, listening on an ephemeral loopback port.
const app = createExpressStytchApp({
  upstreamUrl: requireEnv('UPSTREAM_URL'),
  projectId: requireEnv('STYTCH_PROJECT_ID'),
  secret: requireEnv('STYTCH_SECRET'),
});
const server = app.listen(0, '127.0.0.1');
await once(server, 'listening');
const { port } = server.address() as AddressInfo;
announceReady(`http://127.0.0.1:${port}`, async () => {
  server.closeAllConnections();
  server.close();
});
