import { createHash, X509Certificate } from 'node:crypto';
import { SESSION_CLAIM } from '@connected-apps/core/wire';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  exportPKCS8,
  generateKeyPair,
  jwtVerify,
  SignJWT,
} from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { type StytchUser, start } from '../src/index.ts';
import { exactError, stytch, TEST_REQUEST_ID } from './helpers.ts';
import { useEmulator } from './use-emulator.ts';

const emulator = useEmulator();
let user: StytchUser;
beforeEach(async () => {
  user = await emulator.control.createUser({
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    roles: ['auditor'],
  });
});

const authenticate = (body: unknown) =>
  stytch(emulator, 'POST', '/v1/sessions/authenticate', { body: JSON.stringify(body) });

describe('GET /v1/sessions/jwks/{project_id}', () => {
  it('serves one RS256 verification key in Stytch’s shape', async () => {
    const response = await stytch(emulator, 'GET', `/v1/sessions/jwks/${emulator.projectId}`);
    expect(response.status).toBe(200);
    expect(response.json.request_id).toMatch(TEST_REQUEST_ID);
    expect(response.json.status_code).toBe(200);
    expect(response.json.keys).toEqual([
      {
        kty: 'RSA',
        use: 'sig',
        key_ops: ['verify'],
        alg: 'RS256',
        kid: expect.stringMatching(/^jwk-test-[0-9a-f-]{36}$/),
        n: expect.stringMatching(/^[A-Za-z0-9_-]{300,}$/),
        e: 'AQAB',
        x5c: [expect.stringMatching(/^[A-Za-z0-9+/]{500,}={0,2}$/)],
        x5tS256: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      },
    ]);
  });

  it('serves a certificate in x5c that holds the same public key, with its SHA-256 thumbprint in x5tS256', async () => {
    const response = await stytch(emulator, 'GET', `/v1/sessions/jwks/${emulator.projectId}`);
    const [jwk] = response.json.keys as { n: string; x5c: [string]; x5tS256: string }[];
    const der = Buffer.from(jwk!.x5c[0], 'base64');
    const certificate = new X509Certificate(der);
    const certificateJwk = certificate.publicKey.export({ format: 'jwk' });
    expect(certificateJwk.n).toBe(jwk!.n);
    expect(createHash('sha256').update(der).digest('base64url')).toBe(jwk!.x5tS256);
  });

  it('answers 404 for another project’s JWKS', async () => {
    const response = await stytch(emulator, 'GET', '/v1/sessions/jwks/project-test-someone-else');
    expect(response.status).toBe(404);
    expect(response.json.error_type).toBe('project_not_found');
  });
});

describe('session JWTs', () => {
  it('verify with jose against the JWKS, with Stytch’s claims', async () => {
    const minted = await emulator.control.mintSession({ user_id: user.user_id, roles: ['admin'] });
    const jwks = createRemoteJWKSet(new URL(`${emulator.url}/v1/sessions/jwks/${emulator.projectId}`));
    const { payload, protectedHeader } = await jwtVerify(minted.session_jwt, jwks, {
      issuer: `stytch.com/${emulator.projectId}`,
      audience: emulator.projectId,
      typ: 'JWT',
      algorithms: ['RS256'],
    });
    expect(protectedHeader.kid).toMatch(/^jwk-test-/);
    expect(payload.sub).toBe(user.user_id);
    expect(payload.aud).toEqual([emulator.projectId]);
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(payload.nbf).toBe(payload.iat);
    expect(payload[SESSION_CLAIM]).toEqual({
      id: minted.session_id,
      started_at: expect.stringMatching(/Z$/),
      last_accessed_at: expect.stringMatching(/Z$/),
      expires_at: minted.expires_at,
      attributes: { ip_address: '', user_agent: '' },
      authentication_factors: [
        expect.objectContaining({
          type: 'magic_link',
          email_factor: expect.objectContaining({ email_address: 'ada@example.com' }),
        }),
      ],
      roles: ['stytch_user', 'auditor', 'admin'],
    });
    expect(minted.session_id).toMatch(/^session-test-/);
    expect(minted.session_token).toMatch(/^[A-Za-z0-9_-]{44}$/);
  });

  it('honour claims_override, e.g. an expired or foreign-audience JWT', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const minted = await emulator.control.mintSession({
      user_id: user.user_id,
      claims_override: { iat: past, exp: past + 300, aud: ['project-test-other'] },
    });
    const jwks = createRemoteJWKSet(new URL(`${emulator.url}/v1/sessions/jwks/${emulator.projectId}`));
    await expect(jwtVerify(minted.session_jwt, jwks, { audience: emulator.projectId })).rejects.toThrow(
      /aud/,
    );
    await expect(jwtVerify(minted.session_jwt, jwks)).rejects.toThrow(/exp/);
  });
});

describe('a loaded signing key', () => {
  it('keeps JWTs valid across emulators started with the same key', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const signingKey = await exportPKCS8(privateKey);
    const first = await start({ signingKey });
    const second = await start({ signingKey });
    try {
      const ada = await first.control.createUser({});
      const minted = await first.control.mintSession({ user_id: ada.user_id });
      const jwks = createRemoteJWKSet(new URL(`${second.url}/v1/sessions/jwks/${second.projectId}`));
      const { payload } = await jwtVerify(minted.session_jwt, jwks);
      expect(payload.sub).toBe(ada.user_id);
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});

describe('the generated signing key', () => {
  it("gives every emulator of the process its own kid: one emulator's JWT names no key of another's JWKS", async () => {
    const first = await start({});
    const second = await start({});
    try {
      const keys = async (e: typeof first) =>
        (await stytch(e, 'GET', `/v1/sessions/jwks/${e.projectId}`)).json.keys as { kid: string }[];
      const [[a], [b]] = [await keys(first), await keys(second)];
      expect(a?.kid).not.toBe(b?.kid);
      const ada = await first.control.createUser({});
      const minted = await first.control.mintSession({ user_id: ada.user_id });
      const jwks = createRemoteJWKSet(new URL(`${second.url}/v1/sessions/jwks/${second.projectId}`));
      await expect(jwtVerify(minted.session_jwt, jwks)).rejects.toThrow(/no applicable key/);
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});

describe('POST /v1/sessions/authenticate', () => {
  it('authenticates an opaque session token with Stytch’s response shape', async () => {
    const minted = await emulator.control.mintSession({ user_id: user.user_id });
    const response = await authenticate({ session_token: minted.session_token });
    expect(response.status).toBe(200);
    expect(Object.keys(response.json).sort()).toEqual(
      ['request_id', 'session', 'session_jwt', 'session_token', 'status_code', 'user'].sort(),
    );
    expect(response.json).toMatchObject({
      status_code: 200,
      request_id: expect.stringMatching(TEST_REQUEST_ID),
      user: {
        user_id: user.user_id,
        emails: [expect.objectContaining({ email: 'ada@example.com' })],
        status: 'active',
      },
      session: {
        session_id: minted.session_id,
        user_id: user.user_id,
        roles: ['stytch_user', 'auditor'],
        expires_at: minted.expires_at,
        custom_claims: {},
      },
      session_token: minted.session_token,
    });
    expect(decodeProtectedHeader(response.json.session_jwt as string).alg).toBe('RS256');
  });

  it('authenticates a session JWT, even an expired one while its session lives, and returns a fresh JWT', async () => {
    const past = Math.floor(Date.now() / 1000) - 600;
    const minted = await emulator.control.mintSession({
      user_id: user.user_id,
      claims_override: { iat: past, exp: past + 300 },
    });
    const response = await authenticate({ session_jwt: minted.session_jwt });
    expect(response.status).toBe(200);
    expect(response.json.session_jwt).not.toBe(minted.session_jwt);
    const jwks = createRemoteJWKSet(new URL(`${emulator.url}/v1/sessions/jwks/${emulator.projectId}`));
    const { payload } = await jwtVerify(response.json.session_jwt as string, jwks);
    expect(payload.sub).toBe(user.user_id);
  });

  it('extends the session by session_duration_minutes', async () => {
    const minted = await emulator.control.mintSession({ user_id: user.user_id, lifetime_seconds: 60 });
    const response = await authenticate({
      session_token: minted.session_token,
      session_duration_minutes: 120,
    });
    const expiresAt = Date.parse((response.json.session as { expires_at: string }).expires_at);
    expect(expiresAt - Date.now()).toBeGreaterThan(119 * 60_000);
  });

  it('answers 404 session_not_found for an unknown token, a foreign JWT or garbage', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT({ [SESSION_CLAIM]: { id: 'session-test-x' } })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(`stytch.com/${emulator.projectId}`)
      .setAudience([emulator.projectId])
      .setSubject(user.user_id)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    for (const body of [{ session_token: 'nope' }, { session_jwt: foreign }, { session_jwt: 'a.b.c' }]) {
      const response = await authenticate(body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(404);
      expect(response.text).toBe(
        exactError(response.json, 404, 'session_not_found', 'Session could not be found.'),
      );
    }
  });

  it('answers 404 session_not_found once the session has expired', async () => {
    const minted = await emulator.control.mintSession({ user_id: user.user_id, lifetime_seconds: 0.05 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await authenticate({ session_token: minted.session_token })).status).toBe(404);
    expect((await authenticate({ session_jwt: minted.session_jwt })).status).toBe(404);
  });

  it('answers 400 when both, neither or malformed session arguments are given', async () => {
    const minted = await emulator.control.mintSession({ user_id: user.user_id });
    const both = await authenticate({ session_token: minted.session_token, session_jwt: minted.session_jwt });
    expect(both.status).toBe(400);
    expect(both.json.error_type).toBe('too_many_session_arguments');
    for (const body of [
      {},
      { session_token: 42 },
      { session_token: minted.session_token, session_duration_minutes: 1 },
    ]) {
      const response = await authenticate(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error_type).toBe('bad_request');
    }
  });
});
