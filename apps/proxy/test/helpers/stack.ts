import { request as httpRequest } from 'node:http';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { type RunningProxy, startProxy } from '../../src/server/start-proxy.ts';
import { captureLogs } from './log-capture.ts';

export const ALLOWED_ORIGIN = 'https://app.example.com';
export const ADMIN_ROLE = 'connected_apps_admin';

/** The emulator, and a proxy in front of it over real HTTP on 127.0.0.1, logs captured. */
export interface Stack {
  emulator: Emulator;
  proxy: RunningProxy;
  logs: ReturnType<typeof captureLogs>;
  /** Stytch API requests the emulator received, JWKS fetches left out ("what reached Stytch"). */
  stytchRequests(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startStack(env: Record<string, string> = {}, emulator?: Emulator): Promise<Stack> {
  const emu = emulator ?? (await start({ port: 0 }));
  const logs = captureLogs();
  const proxy = await startProxy(proxyEnv(emu, env), { port: 0, logDestination: logs.stream });
  return {
    emulator: emu,
    proxy,
    logs,
    stytchRequests: async () =>
      (await emu.control.getRequests()).requests
        .filter((r) => !r.path.startsWith('/v1/sessions/jwks/'))
        .map((r) => `${r.method} ${r.path}`),
    stop: async () => {
      await proxy.stop();
      if (!emulator) await emu.stop();
    },
  };
}

export function proxyEnv(emulator: Emulator, env: Record<string, string> = {}): Record<string, string> {
  return {
    STYTCH_PROJECT_ID: emulator.projectId,
    STYTCH_SECRET: emulator.secret,
    STYTCH_BASE_URL: emulator.url,
    CORS_ORIGINS: ALLOWED_ORIGIN,
    ADMIN_ROLE,
    UPSTREAM_TIMEOUT_MS: '1500',
    LOG_LEVEL: 'info',
    ...env,
  };
}

/** The people and apps every integration test starts from. */
export interface World {
  alice: { user_id: string; external_id: string; jwt: string; token: string };
  bob: { user_id: string; jwt: string };
  admin: { user_id: string; jwt: string };
  calendar: string;
  notes: string;
}

/** Resets the emulator to a known world: Alice granted two apps, Bob one, an admin with the admin role. */
export async function seedWorld(emulator: Emulator): Promise<World> {
  const { control } = emulator;
  await control.reset();
  await control.clearFaults();
  const alice = await control.createUser({ name: 'Alice Example', external_id: 'alice-ext' });
  const bob = await control.createUser({ name: 'Bob Example' });
  const admin = await control.createUser({ name: 'Ada Admin' });
  const calendar = await control.createConnectedApp({ name: 'Calendar Sync' });
  const notes = await control.createConnectedApp({ name: 'Notes' });
  await control.createGrant({
    user_id: alice.user_id,
    connected_app_id: calendar.connected_app_id,
    scopes: ['openid', 'calendar'],
  });
  await control.createGrant({
    user_id: alice.user_id,
    connected_app_id: notes.connected_app_id,
    scopes: ['openid'],
  });
  await control.createGrant({
    user_id: bob.user_id,
    connected_app_id: calendar.connected_app_id,
    scopes: ['openid'],
  });
  const aliceSession = await control.mintSession({ user_id: alice.user_id });
  const bobSession = await control.mintSession({ user_id: bob.user_id });
  const adminSession = await control.mintSession({ user_id: admin.user_id, roles: [ADMIN_ROLE] });
  await control.clearRequests();
  return {
    alice: {
      user_id: alice.user_id,
      external_id: 'alice-ext',
      jwt: aliceSession.session_jwt,
      token: aliceSession.session_token,
    },
    bob: { user_id: bob.user_id, jwt: bobSession.session_jwt },
    admin: { user_id: admin.user_id, jwt: adminSession.session_jwt },
    calendar: calendar.connected_app_id,
    notes: notes.connected_app_id,
  };
}

export const listPath = (userId: string) => `/api/v1/users/${userId}/connected_apps`;
export const revokePath = (userId: string, appId: string) =>
  `/api/v1/users/${userId}/connected_apps/${appId}/revoke`;
export const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });

/** A parsed response: status, headers and JSON body (or raw text when not JSON). */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  text: string;
}

/**
 * Sends a request with the path exactly as given: fetch would resolve `..` and `%2e%2e` itself, and
 * these tests must show what the proxy does with them.
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        let parsed: Record<string, unknown> = {};
        try {
          parsed = JSON.parse(text) as Record<string, unknown>;
        } catch {}
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
