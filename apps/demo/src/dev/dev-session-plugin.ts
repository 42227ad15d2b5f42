import type { IncomingMessage, ServerResponse } from 'node:http';
import { ORGANIZATION_CLAIM } from '@connected-apps/core/wire';
import type { Plugin } from 'vite';
import {
  clearSessionCookies,
  readCookie,
  readSignedInMember,
  SESSION_JWT_COOKIE,
  SESSION_TOKEN_COOKIE,
  type SignedInMember,
  setSessionCookies,
} from './session-cookies.ts';

/** Settings of {@link devSessionPlugin}. */
export interface DevSessionOptions {
  /** The emulator whose control API mints the session, e.g. `http://127.0.0.1:9010`. */
  emulatorUrl: string;
  /** The user to sign in. */
  demoUserId: string;
  /**
   * B2B mode: the organization whose members `/dev/b2b/sign-in` signs in (its id, slug or external
   * id), and the member signed in when the URL names none. Without it, B2B sign-in answers 404.
   */
  b2b?: { organization_id: string; member_id: string };
  /**
   * How long the session (and its cookies) lasts. The session JWT itself lives 5 minutes; after that the
   * proxy checks the opaque `stytch_session` token with Stytch instead.
   * @default 28800 (8 hours)
   */
  sessionLifetimeSeconds?: number;
}

/** Who `/dev/whoami` says is signed in: a consumer user, a member, or nobody. */
export interface WhoAmI {
  user_id: string | null;
  member: SignedInMember | null;
}

/** Where B2B sign-in lands: `?page=admin` opens the organization's page, anything else the member's. */
const B2B_PAGES: Record<string, string> = { admin: '/b2b/admin', member: '/b2b' };

/**
 * Development only (`apply: 'serve'`): stands in for a real login page.
 * - `GET /dev/sign-in` mints a session for the demo user through the emulator's control API, sets the
 *   session cookies and redirects to `/`.
 * - `GET /dev/b2b/sign-in?member=<member id or external id>&page=admin` mints a member session of the
 *   B2B demo organization (`POST /_emulator/member_sessions`), sets the same cookies and redirects to
 *   the member's page (`/b2b`) or the organization's (`/b2b/admin`).
 * - `GET /dev/sign-out` clears them.
 * - `GET /dev/whoami` answers {@link WhoAmI}: from the JWT cookie's claims (a member session's carries
 *   its organization), or, once it is gone, from the demo's member cookie or the opaque session
 *   cookie (the demo user). The page only uses it to know whose apps to ask for: the proxy verifies the
 *   session on every call.
 */
export function devSessionPlugin(options: DevSessionOptions): Plugin {
  const lifetime = options.sessionLifetimeSeconds ?? 8 * 60 * 60;
  return {
    name: 'connected-apps-dev-session',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/dev/b2b/sign-in', (req, res) => {
        const { b2b } = options;
        if (!b2b) return sendJson(res, 404, { error_message: 'B2B mode is not configured.' });
        const query = new URL(req.url ?? '/', 'http://demo.invalid').searchParams;
        const member = {
          organization_id: b2b.organization_id,
          member_id: query.get('member') || b2b.member_id,
        };
        const page = B2B_PAGES[query.get('page') ?? 'member'] ?? '/b2b';
        signInMember(options, lifetime, member, page, res).catch(() => {
          sendJson(res, 502, {
            error_message: `Could not mint a member session at the emulator (${options.emulatorUrl}).`,
          });
        });
      });
      server.middlewares.use('/dev/sign-in', (_req, res) => {
        signIn(options, lifetime, res).catch(() => {
          sendJson(res, 502, {
            error_message: `Could not mint a session at the emulator (${options.emulatorUrl}).`,
          });
        });
      });
      server.middlewares.use('/dev/sign-out', (_req, res) => {
        clearSessionCookies(res);
        redirect(res, '/');
      });
      server.middlewares.use('/dev/whoami', (req: IncomingMessage, res) => {
        sendJson(res, 200, whoAmI(req.headers.cookie, options.demoUserId));
      });
    },
  };
}

async function signIn(options: DevSessionOptions, lifetime: number, res: ServerResponse): Promise<void> {
  const session = await mint(options, '/_emulator/sessions', {
    user_id: options.demoUserId,
    lifetime_seconds: lifetime,
  });
  setSessionCookies(res, session, maxAgeOf(session, lifetime));
  redirect(res, '/');
}

async function signInMember(
  options: DevSessionOptions,
  lifetime: number,
  member: SignedInMember,
  page: string,
  res: ServerResponse,
): Promise<void> {
  const session = await mint(options, '/_emulator/member_sessions', {
    ...member,
    lifetime_seconds: lifetime,
  });
  // The ids as the session names them (canonical), not as the URL did (perhaps an external id).
  const claims = claimsOf(session.session_jwt);
  const organization = claims?.[ORGANIZATION_CLAIM] as { organization_id?: unknown } | undefined;
  if (typeof claims?.sub !== 'string' || typeof organization?.organization_id !== 'string') {
    throw new Error('the member session JWT names no member or organization');
  }
  const signedIn = { organization_id: organization.organization_id, member_id: claims.sub };
  setSessionCookies(res, session, maxAgeOf(session, lifetime), signedIn);
  redirect(res, page);
}

async function mint(
  options: DevSessionOptions,
  path: string,
  body: unknown,
): Promise<{ session_jwt: string; session_token: string }> {
  const response = await fetch(`${options.emulatorUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`emulator answered ${response.status}`);
  return (await response.json()) as { session_jwt: string; session_token: string };
}

function maxAgeOf(session: { session_jwt: string }, lifetime: number) {
  const exp = claimsOf(session.session_jwt)?.exp;
  const expiry = typeof exp === 'number' ? exp : 0;
  return { jwtSeconds: Math.max(0, expiry - Math.floor(Date.now() / 1000)), sessionSeconds: lifetime };
}

/** Who the cookies say is signed in; the JWT's claims unverified: only for display, never for a decision. */
function whoAmI(cookies: string | undefined, demoUserId: string): WhoAmI {
  const claims = claimsOf(readCookie(cookies, SESSION_JWT_COOKIE));
  if (typeof claims?.sub === 'string') {
    const organization = claims[ORGANIZATION_CLAIM] as { organization_id?: unknown } | undefined;
    if (typeof organization?.organization_id !== 'string') return { user_id: claims.sub, member: null };
    return {
      user_id: null,
      member: { organization_id: organization.organization_id, member_id: claims.sub },
    };
  }
  const member = readSignedInMember(cookies);
  if (member) return { user_id: null, member };
  return { user_id: readCookie(cookies, SESSION_TOKEN_COOKIE) ? demoUserId : null, member: null };
}

function claimsOf(jwt: string | undefined): Record<string, unknown> | undefined {
  const payload = jwt?.split('.')[1];
  if (!payload) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 302;
  res.setHeader('Location', location);
  res.setHeader('Cache-Control', 'no-store');
  res.end();
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}
