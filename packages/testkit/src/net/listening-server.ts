import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server started on 127.0.0.1: where it listens, and how to close it. */
export interface ListeningServer {
  /** e.g. `http://127.0.0.1:53211`. */
  url: string;
  /** Drops open keep-alive connections, then closes the server. */
  close(): Promise<void>;
}

/**
 * Waits until `server` (node:http's, as `app.listen(0, '127.0.0.1')` or `@hono/node-server`'s
 * `serve()` return it) listens, and gives its URL and a close that does not wait on idle sockets.
 *
 * @example
 * const { url, close } = await listeningServer(app.listen(0, '127.0.0.1'));
 */
export async function listeningServer(
  server: Pick<Server, 'address' | 'close' | 'listening' | 'once'> & { closeAllConnections?(): void },
): Promise<ListeningServer> {
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
