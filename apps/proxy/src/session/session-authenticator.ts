import { LRUCache } from 'lru-cache';
import { entryBound } from '../cache/entry-bound.ts';
import { hashToken } from './hash-token.ts';
import type { VerifiedJwt } from './jwt-verifier.ts';
import type { AuthenticatedSession, RemoteSessionCheck } from './remote-session.ts';
import type { SessionCredential } from './session-credential.ts';
import type { VerifiedSession } from './verified-session.ts';

/** Options of {@link createSessionAuthenticator}. */
export interface SessionAuthenticatorOptions {
  /** Local RS256 verification against the JWKS. */
  verifyJwt: (jwt: string) => Promise<VerifiedJwt>;
  /** Stytch's `sessions/authenticate`. */
  authenticateRemote: RemoteSessionCheck;
  /** Any verification, local or remote, is trusted for at most this long. */
  maxAgeSeconds: number;
  /** Verified sessions kept. @default 10000 */
  cacheSize?: number;
}

/**
 * Turns a session credential into a {@link VerifiedSession} (synchronously on a cache hit), or fails
 * with a `ProxyError`.
 */
export type SessionAuthenticator = (
  credential: SessionCredential,
) => VerifiedSession | Promise<VerifiedSession>;

/**
 * Verifies callers' sessions with a bounded cache in front, so the hot path is one hash and one map
 * lookup instead of an RS256 verification per request.
 *
 * - A JWT issued less than `maxAgeSeconds` ago is verified locally and trusted until
 *   `min(exp, iat + maxAge)`.
 * - An older JWT is verified locally first (forgeries never reach Stytch), then confirmed with Stytch.
 * - An opaque session token is always confirmed with Stytch.
 * A Stytch confirmation is trusted for `min(maxAge, session expiry, JWT exp)`. Concurrent requests with
 * the same uncached credential share one Stytch call.
 *
 * @example
 * const authenticate = createSessionAuthenticator({ verifyJwt, authenticateRemote, maxAgeSeconds: 60 });
 * const session = await authenticate({ kind: 'jwt', value: jwt, via: 'bearer' });
 */
export function createSessionAuthenticator(options: SessionAuthenticatorOptions): SessionAuthenticator {
  const maxAgeMs = options.maxAgeSeconds * 1000;
  const cache = new LRUCache<string, VerifiedSession>(entryBound(options.cacheSize ?? 10_000));
  const pending = new Map<string, Promise<VerifiedSession>>();

  const remember = (key: string, session: VerifiedSession): VerifiedSession => {
    const ttl = session.trust_until_ms - Date.now();
    if (ttl > 0) cache.set(key, session, { ttl });
    return session;
  };

  const verify = async (key: string, credential: SessionCredential): Promise<VerifiedSession> => {
    const now = Date.now();
    if (credential.kind === 'jwt') {
      const jwt = await options.verifyJwt(credential.value);
      if (now - jwt.issued_at_ms <= maxAgeMs) {
        return remember(key, {
          user_id: jwt.user_id,
          session_id: jwt.session_id,
          roles: jwt.roles,
          trust_until_ms: Math.min(jwt.expires_at_ms, jwt.issued_at_ms + maxAgeMs),
          verified_by: 'jwt',
          ...(jwt.organization && { organization: jwt.organization }),
        });
      }
      const confirmed = await options.authenticateRemote({ session_jwt: credential.value });
      return remember(key, fromStytch(confirmed, Math.min(jwt.expires_at_ms, now + maxAgeMs)));
    }
    const confirmed = await options.authenticateRemote({ session_token: credential.value });
    return remember(key, fromStytch(confirmed, now + maxAgeMs));
  };

  const lookup = (key: string, credential: SessionCredential): VerifiedSession | Promise<VerifiedSession> => {
    const cached = cache.get(key);
    if (cached !== undefined && cached.trust_until_ms > Date.now()) return cached;
    const inFlight = pending.get(key);
    if (inFlight) return inFlight;
    const promise = verify(key, credential).finally(() => pending.delete(key));
    pending.set(key, promise);
    return promise;
  };

  return (credential) => {
    const key = hashToken(cacheKeySource(credential));
    return typeof key === 'string' ? lookup(key, credential) : key.then((k) => lookup(k, credential));
  };
}

/**
 * What identifies a credential in the cache: the whole credential. (Keying a JWT on its signature alone
 * would let a token with another header or payload hit the cache of the one that signature belongs to,
 * i.e. accept a token that does not verify.)
 */
function cacheKeySource(credential: SessionCredential): string {
  return `${credential.kind}:${credential.value}`;
}

function fromStytch(session: AuthenticatedSession, trustLimitMs: number): VerifiedSession {
  return {
    user_id: session.user_id,
    session_id: session.session_id,
    roles: session.roles,
    trust_until_ms: Math.min(session.expires_at_ms, trustLimitMs),
    verified_by: 'stytch',
    ...(session.organization && { organization: session.organization }),
  };
}
