import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import {
  clearSessionCookies,
  readCookie,
  SESSION_JWT_COOKIE,
  SESSION_TOKEN_COOKIE,
  setSessionCookies,
} from './session-cookies.ts';

/** Settings of {@link devSessionPlugin}. */
export interface DevSessionOptions {
  /** The emulator whose control API mints the session, e.g. `http://127.0.0.1:9010`. */
  emulatorUrl: string;
  /** The user to sign in. */
  demoUserId: string;
  /**
   * How long the session (and its cookies) lasts. The session JWT itself lives 5 minutes; after that the
   * proxy checks the opaque `stytch_session` token with Stytch instead.
   * @default 28800 (8 hours)
   */
  sessionLifetimeSeconds?: number;
}

/**
 * Development only (`apply: 'serve'`): stands in for a real login page.
 * - `GET /dev/sign-in` mints a session for the demo user through the emulator's control API, sets the
 *   session cookies and redirects to `/`.
 * - `GET /dev/sign-out` clears them.
 * - `GET /dev/whoami` answers `{ user_id }`: the JWT cookie's subject, or the demo user when only the opaque
 *   session cookie is left (`null` when signed out). The page only uses it to know whose apps to ask
 *   for: the proxy verifies the session on every call.
 */
export function devSessionPlugin(options: DevSessionOptions): Plugin {
  const lifetime = options.sessionLifetimeSeconds ?? 8 * 60 * 60;
  return {
    name: 'connected-apps-dev-session',
    apply: 'serve',
    configureServer(server) {
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
        const cookies = req.headers.cookie;
        const fromJwt = subjectOf(readCookie(cookies, SESSION_JWT_COOKIE));
        const signedIn = fromJwt ?? (readCookie(cookies, SESSION_TOKEN_COOKIE) ? options.demoUserId : null);
        sendJson(res, 200, { user_id: signedIn });
      });
    },
  };
}

async function signIn(options: DevSessionOptions, lifetime: number, res: ServerResponse): Promise<void> {
  const response = await fetch(`${options.emulatorUrl}/_emulator/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_id: options.demoUserId, lifetime_seconds: lifetime }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`emulator answered ${response.status}`);
  const session = (await response.json()) as { session_jwt: string; session_token: string };
  const jwtSeconds = Math.max(0, (expiryOf(session.session_jwt) ?? 0) - Math.floor(Date.now() / 1000));
  setSessionCookies(res, session, { jwtSeconds, sessionSeconds: lifetime });
  redirect(res, '/');
}

/** The `sub` of a JWT, unverified: only for display, never for a decision. */
function subjectOf(jwt: string | undefined): string | null {
  const sub = claimsOf(jwt)?.sub;
  return typeof sub === 'string' ? sub : null;
}

/** The `exp` of a JWT we just received from the emulator. */
function expiryOf(jwt: string): number | undefined {
  const exp = claimsOf(jwt)?.exp;
  return typeof exp === 'number' ? exp : undefined;
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
