import { beforeAll, describe, expect, it } from 'vitest';
import { start } from '../src/index.ts';
import { basic, listPath, revokePath, seedGrant, stytch } from './helpers.ts';
import { useEmulator } from './use-emulator.ts';

const emulator = useEmulator({}, { reset: false });
let paths: { method: string; path: string; body?: string }[];
beforeAll(async () => {
  const { user, app } = await seedGrant(emulator);
  paths = [
    { method: 'POST', path: revokePath(user.user_id, app.connected_app_id), body: '{}' },
    { method: 'GET', path: listPath(user.user_id) },
    { method: 'POST', path: '/v1/sessions/authenticate', body: '{"session_token":"x"}' },
  ];
});

/** The seed's 401 example, byte for byte, with this response's request id. */
function seed401(requestId: unknown): string {
  return `{"status_code":401,"request_id":"${String(requestId)}","error_type":"unauthorized_credentials","error_message":"Unauthorized credentials.","error_url":"https://stytch.com/docs/api/errors/401"}`;
}

describe('Basic auth on the Stytch API', () => {
  const cases: [string, () => string | null][] = [
    ['missing', () => null],
    ['malformed base64', () => 'Basic !!!not-base64!!!'],
    ['base64 without a colon', () => `Basic ${Buffer.from('just-a-project-id').toString('base64')}`],
    ['a Bearer token', () => 'Bearer abc.def.ghi'],
    ['the wrong secret', () => basic(emulator.projectId, 'secret-test-wrong')],
    ['another project', () => basic('project-test-11111111-1111-4111-8111-111111111111', emulator.secret)],
  ];

  for (const [name, header] of cases) {
    it(`answers the seed's 401 unauthorized_credentials for ${name} credentials on every path`, async () => {
      for (const { method, path, body } of paths) {
        const response = await stytch(emulator, method, path, {
          authorization: header(),
          ...(body ? { body } : {}),
        });
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(response.text).toBe(seed401(response.json.request_id));
      }
    });
  }

  it('accepts a lowercase scheme and the exact credentials', async () => {
    const encoded = Buffer.from(`${emulator.projectId}:${emulator.secret}`).toString('base64');
    const response = await stytch(emulator, 'GET', paths[1]?.path ?? '', {
      authorization: `basic ${encoded}`,
    });
    expect(response.status).toBe(200);
  });

  it('accepts a secret that contains a colon', async () => {
    const colon = await start({ secret: 'secret-test-with:colon' });
    try {
      const user = await colon.control.createUser({});
      const response = await stytch(colon, 'GET', listPath(user.user_id));
      expect(response.status).toBe(200);
    } finally {
      await colon.stop();
    }
  });

  it('does not reveal whether the user exists before checking credentials', async () => {
    const response = await stytch(emulator, 'GET', listPath('user-test-unknown'), { authorization: null });
    expect(response.status).toBe(401);
  });

  it('serves the JWKS without credentials, as the official SDK fetches it with none', async () => {
    const response = await stytch(emulator, 'GET', `/v1/sessions/jwks/${emulator.projectId}`, {
      authorization: null,
    });
    expect(response.status).toBe(200);
  });
});
