import { createServer } from 'node:net';

/**
 * A port the OS reports free on 127.0.0.1, for a server that must be told one (redis-server,
 * PostgreSQL, `next start` cannot pick their own). Hand-written: ten lines of node:net, where a
 * dependency (get-port) would add a package to every workspace that starts one.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
