import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import {
  ALLOWED_ORIGIN,
  bearer,
  mintExpiredSessionJwt,
  proxyEnv,
  proxyListPath,
  proxyRevokePath,
  quietPeriod,
  rawSocket,
  seedWorld,
  sessionJwtCookie,
  stytchRevokePath,
  type World,
  withTamperedSignature,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  assertBundleIsCurrent,
  type DeployedBundle,
  deployBundle,
  type RunningBundle,
  runBundle,
} from './deployed-bundle.ts';

// The single-file bundle as an operator deploys it: copied alone into an empty directory and started
// with `node connected-apps-proxy.mjs`, configured by the environment, against the emulator.
let emulator: Emulator;
let deployed: DeployedBundle;
let running: RunningBundle;
let url: string;
let world: World;

beforeAll(async () => {
  await assertBundleIsCurrent();
  emulator = await start({ port: 0 });
  deployed = await deployBundle();
  running = runBundle(deployed, proxyEnv(emulator, { PORT: '0' }));
  url = await running.listening();
});
beforeEach(async () => {
  world = await seedWorld(emulator);
});
afterAll(async () => {
  running?.kill();
  await deployed?.remove();
  await emulator?.stop();
});

const revoke = (userId: string, appId: string, headers: Record<string, string>, body = '{}') =>
  fetch(`${url}${proxyRevokePath(userId, appId)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

/** Stytch's users endpoints reached, after a moment for a call that should not exist to arrive. */
async function usersCalls(): Promise<string[]> {
  await quietPeriod();
  const { requests } = await emulator.control.getRequests();
  return requests.filter((r) => r.path.startsWith('/v1/users')).map((r) => `${r.method} ${r.path}`);
}

async function errorType(response: Response): Promise<string> {
  return ((await response.json()) as { error_type: string }).error_type;
}

describe('the bundle, alone in an empty directory', () => {
  it('is the only file there: nothing to resolve packages from', async () => {
    expect(await readdir(deployed.dir)).toEqual(['connected-apps-proxy.mjs']);
  });

  it('revokes an app: the grant is gone at Stytch', async () => {
    const { alice, notes, calendar } = world;
    const response = await revoke(alice.user_id, notes, bearer(alice.jwt));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status_code: 200 });
    expect(await usersCalls()).toEqual([`POST ${stytchRevokePath(alice.user_id, notes)}`]);

    const list = await fetch(`${url}${proxyListPath(alice.user_id)}`, { headers: bearer(alice.jwt) });
    const apps = ((await list.json()) as { connected_apps: { connected_app_id: string }[] }).connected_apps;
    expect(apps.map((app) => app.connected_app_id)).toEqual([calendar]);
  });

  it.each([
    ['an expired JWT', async (w: World) => mintExpiredSessionJwt(emulator.control, w.alice.user_id)],
    ['a tampered signature', async (w: World) => withTamperedSignature(w.alice.jwt)],
    [
      'alg: none',
      async (w: World) => {
        const [, payload] = w.alice.jwt.split('.');
        return `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      },
    ],
  ])('refuses %s with 401, sending nothing to Stytch', async (_name, forge) => {
    const response = await revoke(world.alice.user_id, world.notes, bearer(await forge(world)));
    expect(response.status).toBe(401);
    expect(await errorType(response)).toBe('session_invalid');
    expect(await usersCalls()).toEqual([]);
  });

  it("refuses another user's id with 403, sending nothing to Stytch", async () => {
    const response = await revoke(world.bob.user_id, world.calendar, bearer(world.alice.jwt));
    expect(response.status).toBe(403);
    expect(await errorType(response)).toBe('user_forbidden');
    expect(await usersCalls()).toEqual([]);
  });

  it('refuses a cookie-authenticated write from a foreign Origin (CSRF), and takes the allowed one', async () => {
    const { alice, notes } = world;
    const forged = await revoke(alice.user_id, notes, {
      ...sessionJwtCookie(alice.jwt),
      origin: 'https://evil.example',
    });
    expect(forged.status).toBe(403);
    expect(await errorType(forged)).toBe('origin_forbidden');
    expect(await usersCalls()).toEqual([]);

    const own = await revoke(alice.user_id, notes, {
      ...sessionJwtCookie(alice.jwt),
      origin: ALLOWED_ORIGIN,
    });
    expect(own.status).toBe(200);
  });

  it('refuses a body over 1 KiB (413) and one that is not {} (400)', async () => {
    const { alice, notes } = world;
    const large = await revoke(
      alice.user_id,
      notes,
      bearer(alice.jwt),
      JSON.stringify({ pad: 'x'.repeat(2048) }),
    );
    expect(large.status).toBe(413);
    expect(await errorType(large)).toBe('payload_too_large');
    const notEmpty = await revoke(alice.user_id, notes, bearer(alice.jwt), '{"connected_app_id":"other"}');
    expect(notEmpty.status).toBe(400);
    expect(await errorType(notEmpty)).toBe('bad_request');
    expect(await usersCalls()).toEqual([]);
  });

  it('answers an HTTP/1.0 health check without Host', async () => {
    const response = await rawSocket(url, Buffer.from('GET /healthz HTTP/1.0\r\n\r\n'));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
  });

  it('never writes the secret or a session token to its output', async () => {
    await revoke(world.alice.user_id, world.notes, bearer(world.alice.jwt));
    await quietPeriod();
    expect(running.output()).not.toContain(emulator.secret);
    expect(running.output()).not.toContain(world.alice.jwt);
  });
});

describe('the Dockerfile health check', () => {
  /** The HEALTHCHECK's command as the Dockerfile has it, with this machine's node. */
  async function healthCheck(port: string): Promise<number | null> {
    const dockerfile = await readFile(fileURLToPath(new URL('../../Dockerfile', import.meta.url)), 'utf8');
    const command = /HEALTHCHECK[^\n]*\\\n\s*CMD (\[.*\])/.exec(dockerfile)?.[1];
    const [node, ...args] = JSON.parse(command ?? '[]') as string[];
    expect(node).toBe('/nodejs/bin/node');
    const child = spawn(process.execPath, args, { env: { PORT: port }, stdio: 'ignore' });
    const [code] = await once(child, 'exit');
    return code as number | null;
  }

  it('passes against the running bundle and fails where nothing listens', async () => {
    expect(await healthCheck(new URL(url).port)).toBe(0);
    // Port 9 (discard) on loopback: nothing listens there.
    expect(await healthCheck('9')).toBe(1);
  });
});

describe('stopping the bundle', () => {
  it('exits 0 on SIGTERM, after saying so', async () => {
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain('proxy stopped');
  });
});
