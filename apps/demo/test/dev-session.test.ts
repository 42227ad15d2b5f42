import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  basicAuthorization,
  SESSION_JWT_COOKIE,
  SESSION_TOKEN_COOKIE,
  STYTCH_ROUTES,
} from '@connected-apps/core/wire';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevSessionOptions, devSessionPlugin, type WhoAmI } from '../src/dev/dev-session-plugin.ts';
import { DEMO_MEMBER_COOKIE } from '../src/dev/session-cookies.ts';

// The sign-in plugin on a real Vite dev server, minting sessions at a real emulator.
let emulator: Emulator;
let vite: ViteDevServer;
let base: string;
let userId: string;
let organizationId: string;
let member: { member_id: string; external_id: string };
/**
 * Vite's cache of prebundled dependencies, this file's own: by default it is the package's
 * `node_modules/.vite`, which the e2e task's dev server (another turbo task, possibly running at the
 * same time) prebundles the page's dependencies into; a server with another config there finds
 * the cache stale and rewrites it under the page.
 */
const cacheDir = mkdtempSync(join(tmpdir(), 'dev-session-vite-'));

/** A Vite dev server on 127.0.0.1 with only the sign-in plugin, minting at `emulatorUrl`. */
async function startVite(
  emulatorUrl: string,
  // `null`: without B2B mode.
  b2b: DevSessionOptions['b2b'] | null = { organization_id: organizationId, member_id: member.member_id },
): Promise<{ vite: ViteDevServer; base: string }> {
  const server = await createServer({
    configFile: false,
    root: import.meta.dirname,
    cacheDir,
    logLevel: 'silent',
    plugins: [devSessionPlugin({ emulatorUrl, demoUserId: userId, b2b: b2b ?? undefined })],
    server: { host: '127.0.0.1', port: 0 },
  });
  await server.listen();
  return { vite: server, base: server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '' };
}

/** Signs in at `signInPath` and asks the emulator's `route` (a sessions/authenticate) about the opaque session token it set. */
async function authenticateSignIn(
  signInPath: string,
  { method, template }: { method: string; template: string },
): Promise<Response> {
  const signIn = cookiesOf(await fetch(`${base}${signInPath}`, { redirect: 'manual' }));
  const session_token = signIn.get(SESSION_TOKEN_COOKIE)!.split(';')[0]!.split('=')[1]!;
  return fetch(`${emulator.url}${template}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: basicAuthorization(emulator.projectId, emulator.secret),
    },
    body: JSON.stringify({ session_token }),
  });
}

beforeAll(async () => {
  emulator = await start({ port: 0 });
  userId = (await emulator.control.createUser({ name: 'Dana Demo' })).user_id;
  organizationId = (
    await emulator.control.createOrganization({
      organization_name: 'Demo Org',
      organization_slug: 'demo-org',
    })
  ).organization_id;
  const created = await emulator.control.createMember({
    organization_id: organizationId,
    email_address: 'morgan@demo-org.example',
    external_id: 'morgan-ext',
  });
  member = { member_id: created.member_id, external_id: 'morgan-ext' };
  ({ vite, base } = await startVite(emulator.url));
});

afterAll(async () => {
  await vite?.close();
  await emulator?.stop();
  rmSync(cacheDir, { recursive: true, force: true });
});

/** Each `Set-Cookie` line of a response, by cookie name. */
function cookiesOf(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => [line.split('=')[0]!, line]));
}

/** What `/dev/whoami` answers to these cookies. */
async function whoami(cookie?: string): Promise<WhoAmI> {
  return (await (await fetch(`${base}/dev/whoami`, { headers: cookie ? { cookie } : {} })).json()) as WhoAmI;
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

    expect(await whoami(`${pair(SESSION_JWT_COOKIE)}; ${pair(SESSION_TOKEN_COOKIE)}`)).toEqual({
      user_id: userId,
      member: null,
    });
    expect(await whoami(pair(SESSION_TOKEN_COOKIE))).toEqual({ user_id: userId, member: null });
    expect(await whoami()).toEqual({ user_id: null, member: null });
    // A consumer sign-in clears a member's cookie left from B2B mode.
    expect(signIn.get(DEMO_MEMBER_COOKIE)).toContain('Max-Age=0');
  });

  it('mints a session the emulator accepts', async () => {
    const response = await authenticateSignIn('/dev/sign-in', STYTCH_ROUTES.sessionsAuthenticate);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { session: { user_id: string } }).session.user_id).toBe(userId);
  });

  it('signs a member in (named by external id) and lands on the member’s page, or the organization’s', async () => {
    const response = await fetch(`${base}/dev/b2b/sign-in?member=${member.external_id}`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/b2b');
    const cookies = cookiesOf(response);
    expect(cookies.get(SESSION_JWT_COOKIE)).toMatch(
      /^stytch_session_jwt=ey[\w-]+\.[\w-]+\.[\w-]+; Path=\/;.*HttpOnly; SameSite=Lax$/,
    );
    expect(cookies.get(DEMO_MEMBER_COOKIE)).toMatch(/; Max-Age=28800; HttpOnly; SameSite=Lax$/);

    const admin = await fetch(`${base}/dev/b2b/sign-in?member=${member.member_id}&page=admin`, {
      redirect: 'manual',
    });
    expect(admin.headers.get('location')).toBe('/b2b/admin');
    // Anything else lands on the member's page: the parameter is never a URL.
    const elsewhere = await fetch(`${base}/dev/b2b/sign-in?page=https://attacker.example`, {
      redirect: 'manual',
    });
    expect(elsewhere.headers.get('location')).toBe('/b2b');
  });

  it('says which member is signed in, from the JWT’s claims or, once it is gone, the demo’s member cookie', async () => {
    const signIn = cookiesOf(
      await fetch(`${base}/dev/b2b/sign-in?member=${member.external_id}`, { redirect: 'manual' }),
    );
    const pair = (name: string) => signIn.get(name)!.split(';')[0]!;
    const expected = {
      user_id: null,
      member: { organization_id: organizationId, member_id: member.member_id },
    };

    expect(await whoami(`${pair(SESSION_JWT_COOKIE)}; ${pair(SESSION_TOKEN_COOKIE)}`)).toEqual(expected);
    expect(await whoami(`${pair(SESSION_TOKEN_COOKIE)}; ${pair(DEMO_MEMBER_COOKIE)}`)).toEqual(expected);
  });

  it('mints a member session the emulator accepts', async () => {
    const response = await authenticateSignIn('/dev/b2b/sign-in', STYTCH_ROUTES.b2bSessionsAuthenticate);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      member_session: { member_id: string; organization_id: string };
    };
    expect(body.member_session).toMatchObject({
      member_id: member.member_id,
      organization_id: organizationId,
    });
  });

  it('answers 404 for B2B sign-in when B2B mode is not configured', async () => {
    const plain = await startVite(emulator.url, null);
    try {
      const response = await fetch(`${plain.base}/dev/b2b/sign-in`, { redirect: 'manual' });
      expect(response.status).toBe(404);
    } finally {
      await plain.vite.close();
    }
  });

  it('clears every cookie on sign-out', async () => {
    const response = await fetch(`${base}/dev/sign-out`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const cookies = cookiesOf(response);
    expect(cookies.get(SESSION_JWT_COOKIE)).toContain('Max-Age=0');
    expect(cookies.get(SESSION_TOKEN_COOKIE)).toContain('Max-Age=0');
    expect(cookies.get(DEMO_MEMBER_COOKIE)).toContain('Max-Age=0');
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
