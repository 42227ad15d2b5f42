import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devSessionPlugin } from '../src/dev/dev-session-plugin.ts';

// The sign-in plugin on a real Vite dev server, minting sessions at a real emulator.
let emulator: Emulator;
let vite: ViteDevServer;
let base: string;
let userId: string;

beforeAll(async () => {
  emulator = await start({ port: 0 });
  userId = (await emulator.control.createUser({ name: 'Dana Demo' })).user_id;
  vite = await createServer({
    configFile: false,
    root: import.meta.dirname,
    logLevel: 'silent',
    plugins: [devSessionPlugin({ emulatorUrl: emulator.url, demoUserId: userId })],
    server: { host: '127.0.0.1', port: 0 },
  });
  await vite.listen();
  base = vite.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
});

afterAll(async () => {
  await vite?.close();
  await emulator?.stop();
});

function cookiesOf(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => [line.split('=')[0]!, line]));
}

describe('dev session plugin', () => {
  it('signs the demo user in with HttpOnly, SameSite=Lax session cookies and redirects to the page', async () => {
    const response = await fetch(`${base}/dev/sign-in`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');

    const cookies = cookiesOf(response);
    const jwt = cookies.get('stytch_session_jwt');
    const token = cookies.get('stytch_session');
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

    expect(await whoami(`${pair('stytch_session_jwt')}; ${pair('stytch_session')}`)).toEqual({
      user_id: userId,
    });
    expect(await whoami(pair('stytch_session'))).toEqual({ user_id: userId });
    expect(await whoami()).toEqual({ user_id: null });
  });

  it('mints a session the emulator accepts', async () => {
    const signIn = cookiesOf(await fetch(`${base}/dev/sign-in`, { redirect: 'manual' }));
    const session_token = signIn.get('stytch_session')!.split(';')[0]!.split('=')[1]!;
    const response = await fetch(`${emulator.url}/v1/sessions/authenticate`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${btoa(`${emulator.projectId}:${emulator.secret}`)}`,
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
    expect(cookies.get('stytch_session_jwt')).toContain('Max-Age=0');
    expect(cookies.get('stytch_session')).toContain('Max-Age=0');
  });

  it('answers 502 with a message when the emulator cannot mint a session', async () => {
    const broken = await createServer({
      configFile: false,
      root: import.meta.dirname,
      logLevel: 'silent',
      plugins: [devSessionPlugin({ emulatorUrl: 'http://127.0.0.1:1', demoUserId: userId })],
      server: { host: '127.0.0.1', port: 0 },
    });
    await broken.listen();
    try {
      const url = broken.resolvedUrls?.local[0]?.replace(/\/$/, '');
      const response = await fetch(`${url}/dev/sign-in`, { redirect: 'manual' });
      expect(response.status).toBe(502);
      expect(((await response.json()) as { error_message: string }).error_message).toMatch(/emulator/);
    } finally {
      await broken.close();
    }
  });
});
