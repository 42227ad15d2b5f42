import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll } from 'vitest';

export const PROJECT_ID = 'project-test-11111111-2222-4333-8444-555555555555';
export const SECRET = 'secret-test-unit-0123456789abcdef';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/**
 * A real RS256 key, served as a JWKS over HTTP like Stytch's `/v1/sessions/jwks/{project_id}`; every
 * other path answers a bare 404 (not Stytch's shape), so a forwarded call that reaches it fails 502.
 */
export interface JwksServer {
  url: string;
  keys: KeyPair;
  publicJwk: JWK;
  /** How many JWKS requests arrived. */
  hits(): number;
  /** Every other request that arrived (method and path): what "reached Stytch". */
  otherRequests(): string[];
  clearRequests(): void;
  /** Makes the JWKS endpoint drop every connection, as an unreachable Stytch (or serve again). */
  setDown(down: boolean): void;
  /** Starts serving a new key (and the old one) as Stytch does on rotation; returns the new private key. */
  rotate(kid: string): Promise<KeyPair['privateKey']>;
  stop(): Promise<void>;
}

export async function startJwksServer(kid = 'jwk-test-unit'): Promise<JwksServer> {
  const keys = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(keys.publicKey)), kid, alg: 'RS256', use: 'sig' };
  let hits = 0;
  let down = false;
  const served: JWK[] = [publicJwk];
  const others: string[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url === `/v1/sessions/jwks/${PROJECT_ID}`) {
      hits++;
      if (down) {
        req.socket.destroy();
        return;
      }
      // Stytch's JWKS answer: the keys, and the request id and status every Stytch answer carries.
      const body = { keys: served, request_id: `request-id-test-jwks-${hits}`, status_code: 200 };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    others.push(`${req.method} ${req.url}`);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    keys,
    publicJwk,
    hits: () => hits,
    otherRequests: () => [...others],
    clearRequests: () => {
      others.length = 0;
    },
    setDown: (value) => {
      down = value;
    },
    rotate: async (newKid) => {
      const next = await generateKeyPair('RS256', { extractable: true });
      served.unshift({ ...(await exportJWK(next.publicKey)), kid: newKid, alg: 'RS256', use: 'sig' });
      return next.privateKey;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A JWKS server for the test file, through vitest's hooks; read it through the returned object.
 *
 * @example
 * const keys = useJwksServer();
 * it('verifies', () => createHarness(keys.server));
 */
export function useJwksServer(): { readonly server: JwksServer } {
  let server: JwksServer | undefined;
  beforeAll(async () => {
    server = await startJwksServer();
  });
  afterAll(() => server?.stop());
  return {
    get server() {
      return server as JwksServer;
    },
  };
}

/** Claims of a Stytch-like session JWT, overridable per test. */
export interface SessionClaims {
  sub?: string;
  iss?: string;
  aud?: string | string[];
  iat?: number;
  nbf?: number;
  exp?: number;
  roles?: string[];
  sessionId?: string;
}

/** Signs a session JWT shaped as Stytch's (RS256, `https://stytch.com/session` claim). */
export async function signSession(
  key: KeyPair['privateKey'],
  claims: SessionClaims = {},
  kid = 'jwk-test-unit',
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: JWTPayload = {
    sub: claims.sub ?? 'user-test-aaaaaaaa-0000-4000-8000-000000000001',
    iss: claims.iss ?? `stytch.com/${PROJECT_ID}`,
    aud: claims.aud ?? [PROJECT_ID],
    iat: claims.iat ?? now,
    nbf: claims.nbf ?? now,
    exp: claims.exp ?? now + 300,
    'https://stytch.com/session': {
      id: claims.sessionId ?? 'session-test-unit-1',
      started_at: new Date(now * 1000).toISOString(),
      roles: claims.roles ?? ['stytch_user'],
    },
  };
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
}

/** An unsigned token with `alg: none`. */
export function unsignedToken(payload: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}

/** An HS256 token whose HMAC key is the RS256 public key's PEM: the classic algorithm-confusion forgery. */
export async function hs256WithPublicKey(
  publicKey: KeyPair['publicKey'],
  payload: JWTPayload,
  kid: string,
): Promise<string> {
  const { createHmac, KeyObject } = await import('node:crypto');
  const pem = KeyObject.from(publicKey as CryptoKey).export({ type: 'spki', format: 'pem' }) as string;
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ alg: 'HS256', typ: 'JWT', kid })}.${encode(payload)}`;
  const signature = createHmac('sha256', pem).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}
