import {
  basicAuthorization,
  SESSION_JWT_COOKIE,
  SESSION_TOKEN_COOKIE,
  STYTCH_ROUTES,
} from '@connected-apps/core/wire';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSessionPlugin } from '../src/dev/dev-session-plugin.ts';

// The sign-in plugin on a real Vite dev server, minting sessions at a real emulator.
let emulator: Emulator;
let vite: ViteDevServer;
let base: string;
let userId: string;

/** A Vite dev server on 127.0.0.1 with only the sign-in plugin, minting at `emulatorUrl`. */
async function startVite(emulatorUrl: string): Promise<{ vite: ViteDevServer; base: string }> {
  const server = await createServer({
    configFile: false,
    root: import.meta.dirname,
    logLevel: 'silent',
    plugins: [devSessionPlugin({ emulatorUrl, demoUserId: userId })],
    server: { host: '127.0.0.1', port: 0 },
  });
  await server.listen();
  return { vite: server, base: server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '' };
}

beforeAll(async () => {
  emulator = await start({ port: 0 });
  userId = (await emulator.control.createUser({ name: 'Dana Demo' })).user_id;
  ({ vite, base } = await startVite(emulator.url));
});

afterAll(async () => {
  await vite?.close();
  await emulator?.stop();
});

/** Each `Set-Cookie` line of a response, by cookie name. */
function cookiesOf(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => [line.split('=')[0]!, line]));
}

describe('dev session plugin', () => {
  it('signs the demo user in with HttpOnly, SameSite=Lax session cookies and redirects to the page', async () => {
    const response = await fetch(`${base}/dev/sign-in`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');

    const cookies = cookiesOf(response);
    const jwt = cookies.get(SESSION_JWT_COOKIE);
    const token = cookies.get(SESSION_TOKEN_COOKIE);
    expect(jwt).toMatch(
      /^stytch_session_jwt=ey[\w-]+\.[\w-]+\.[\w-]+; Path=\/; Max-Age=(29\d|300); HttpOnly; SameSite=Lax$/,
    );
    expect(token).toMatch(/^stytch_session=[^;]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Lax$/);
  });

  it('says who is signed in, from the JWT cookie or, once it is gone, the session cookie', async () => {
    const signIn = cookiesOf(await fetch(`${base}/dev/sign-in`, { redirect: 'manual' }));
    const pair = (name: string) => signIn.get(name)!.split(';')[0]!;
    const whoami = async (cookie?: string) =>
      (await (await fetch(`${base}/dev/whoami`, { headers: cookie ? { cookie } : {} })).json()) as {
        user_id: string | null;
      };

    expect(await whoami(`${pair(SESSION_JWT_COOKIE)}; ${pair(SESSION_TOKEN_COOKIE)}`)).toEqual({
      user_id: userId,
    });
    expect(await whoami(pair(SESSION_TOKEN_COOKIE))).toEqual({ user_id: userId });
    expect(await whoami()).toEqual({ user_id: null });
  });

  it('mints a session the emulator accepts', async () => {
    const signIn = cookiesOf(await fetch(`${base}/dev/sign-in`, { redirect: 'manual' }));
    const session_token = signIn.get(SESSION_TOKEN_COOKIE)!.split(';')[0]!.split('=')[1]!;
    const { method, template } = STYTCH_ROUTES.sessionsAuthenticate;
    const response = await fetch(`${emulator.url}${template}`, {
      method,
      headers: {
        'content-type': 'application/json',
        authorization: basicAuthorization(emulator.projectId, emulator.secret),
      },
      body: JSON.stringify({ session_token }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { session: { user_id: string } }).session.user_id).toBe(userId);
  });

  it('clears both cookies on sign-out', async () => {
    const response = await fetch(`${base}/dev/sign-out`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const cookies = cookiesOf(response);
    expect(cookies.get(SESSION_JWT_COOKIE)).toContain('Max-Age=0');
    expect(cookies.get(SESSION_TOKEN_COOKIE)).toContain('Max-Age=0');
  });

  it('answers 502 with a message when the emulator cannot mint a session', async () => {
    // Port 1 on loopback: nothing listens there.
    const broken = await startVite('http://127.0.0.1:1');
    try {
      const response = await fetch(`${broken.base}/dev/sign-in`, { redirect: 'manual' });
      expect(response.status).toBe(502);
      expect(((await response.json()) as { error_message: string }).error_message).toMatch(/emulator/);
    } finally {
      await broken.vite.close();
    }
  });
});
