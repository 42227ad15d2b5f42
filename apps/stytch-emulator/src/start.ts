import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { type ControlClient, createControlClient } from './control/control-client.ts';
import { DEFAULT_HOST, DEFAULT_PROJECT_ID, DEFAULT_SECRET } from './defaults.ts';
import { createEmulatorState } from './emulator-state.ts';
import { readFixturesFile } from './fixtures.ts';
import { createEmulatorApp } from './http/create-app.ts';
import type { Fixtures } from './types.ts';

/** Options of {@link start}. */
export interface StartOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default '127.0.0.1' */
  host?: string;
  /** @default 'project-test-00000000-0000-4000-8000-000000000000' */
  projectId?: string;
  /** @default 'secret-test-emulator-0000000000000000000000000000' */
  secret?: string;
  /** Data to load at start: a fixture object or the path of a fixture JSON file. */
  fixtures?: Fixtures | string;
  /** Serve HTTPS with this PEM certificate and key (the official SDK only talks https). */
  tls?: { cert: string; key: string };
  /** Let non-loopback clients use the control API. @default false */
  controlFromAnyAddress?: boolean;
  /** Print one line per Stytch API request to stderr (method, path, status; never credentials). @default false */
  logRequests?: boolean;
  /** PKCS#8 PEM of the RS256 key that signs session JWTs. @default a key generated at start */
  signingKey?: string;
  /**
   * The project's custom domain (the base URL it reaches Stytch through): session JWTs with this `iss`
   * authenticate too, and sessions can be minted with it. Changeable at run time. @default none
   */
  customDomain?: string;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:53211` (no trailing slash). */
  url: string;
  projectId: string;
  secret: string;
  /** Control-API client for this emulator. */
  control: ControlClient;
  /** Closes the server and every open connection. */
  stop(): Promise<void>;
}

/**
 * Starts an emulator.
 * @example
 * const emulator = await start({ fixtures: 'fixtures/demo.json' });
 * // … point a Stytch client at emulator.url with emulator.projectId / emulator.secret …
 * await emulator.stop();
 */
export async function start(options: StartOptions = {}): Promise<Emulator> {
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
  const secret = options.secret ?? DEFAULT_SECRET;
  const fixtures =
    typeof options.fixtures === 'string' ? await readFixturesFile(options.fixtures) : options.fixtures;
  const state = await createEmulatorState({
    projectId,
    secret,
    ...(fixtures ? { fixtures } : {}),
    ...(options.signingKey ? { signingKeyPem: options.signingKey } : {}),
    ...(options.customDomain ? { customDomain: options.customDomain } : {}),
  });
  const app = createEmulatorApp(state, {
    controlFromAnyAddress: options.controlFromAnyAddress ?? false,
    logRequests: options.logRequests ?? false,
  });

  const host = options.host ?? DEFAULT_HOST;
  const server: ServerType = await new Promise((resolve, reject) => {
    const tls = options.tls
      ? { createServer: createHttpsServer, serverOptions: { cert: options.tls.cert, key: options.tls.key } }
      : {};
    const created = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host, ...tls }, () =>
      resolve(created),
    );
    created.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `${options.tls ? 'https' : 'http'}://${urlHost(host)}:${port}`;

  return {
    url,
    projectId,
    secret,
    // A self-signed TLS emulator is not trusted by this process's fetch, so its own client calls in-process.
    control: createControlClient(url, options.tls ? { fetch: (request) => app.fetch(request, {}) } : {}),
    stop: () => closeServer(server),
  };
}

/** The host to put in the URL: wildcard binds are reached through loopback; IPv6 needs brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive clients would otherwise hold close() open until they time out.
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}
