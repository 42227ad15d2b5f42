import { expect, it } from 'vitest';
import {
  createB2BProxyClient,
  createStytchB2BClient,
  InvalidRequestError,
  InvalidResponseError,
  StytchApiError,
  stytchErrorBody,
  type Transport,
} from '../src/index.ts';
import { FAST_RETRY, PROJECT_ID, rejectionOf, SECRET } from './helpers/clients.ts';
import { expectNoSecret } from './helpers/expect-no-secret.ts';
import { describeEachTransport } from './helpers/per-transport.ts';
import { sendJson, stytchError, stytchOk } from './helpers/test-server.ts';

const ORG_ID = 'organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931';
const MEMBER_ID = 'member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f';
const APP_ID = 'connected-app-test-aeadeabc-a3a3-4796-83d0-b757e3001000';
const MEMBER_TOKEN = 'member-session-token-Zq9_PRIVATE-abc';
const MEMBER_JWT = 'eyJhbGciOiJSUzI1NiJ9.member-PRIVATE.c2ln';
const BASIC = `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`, 'utf8').toString('base64')}`;

const APP = {
  connected_app_id: APP_ID,
  name: 'Calendar Sync',
  description: 'Syncs calendars.',
  client_type: 'third_party',
  logo_url: null,
};
const ORGANIZATION = {
  organization_id: ORG_ID,
  organization_name: 'Acme',
  organization_slug: 'acme',
  organization_external_id: 'acme-ext',
};
const MEMBER = {
  member_id: MEMBER_ID,
  organization_id: ORG_ID,
  email_address: 'ada@acme.example',
  name: 'Ada',
  status: 'active',
  is_admin: false,
  roles: [{ role_id: 'stytch_member', sources: [{ type: 'direct_assignment' }] }],
};
const MEMBER_SESSION = {
  member_session_id: 'member-session-test-1',
  member_id: MEMBER_ID,
  organization_id: ORG_ID,
  organization_slug: 'acme',
  started_at: '2030-01-01T00:00:00Z',
  last_accessed_at: '2030-01-01T00:00:00Z',
  expires_at: '2030-01-01T01:00:00Z',
  authentication_factors: [],
  roles: ['stytch_member'],
};

function b2b(baseUrl: string, transport: Transport) {
  return createStytchB2BClient({
    project_id: PROJECT_ID,
    secret: SECRET,
    baseUrl,
    transport,
    retry: FAST_RETRY,
  });
}

describeEachTransport('Stytch B2B client', (t) => {
  it("calls each operation on Stytch's B2B path and method, with Basic auth, and resolves with the body", async () => {
    const bodies: Record<string, object> = {
      [`GET /v1/b2b/organizations/${ORG_ID}/members/${MEMBER_ID}/connected_apps`]: stytchOk({
        connected_apps: [{ ...APP, scopes_granted: 'openid email' }],
      }),
      [`POST /v1/b2b/organizations/${ORG_ID}/members/${MEMBER_ID}/connected_apps/${APP_ID}/revoke`]:
        stytchOk(),
      [`GET /v1/b2b/organizations/${ORG_ID}/connected_apps`]: stytchOk({ connected_apps: [APP] }),
      [`GET /v1/b2b/organizations/${ORG_ID}/connected_apps/${APP_ID}`]: stytchOk({
        ...APP,
        active_members: [{ member_id: MEMBER_ID, granted_scopes: ['openid', 'email'] }],
      }),
      'GET /v1/b2b/organizations/acme': stytchOk({ organization: ORGANIZATION }),
      'GET /v1/b2b/organizations/acme/member?member_id=ada-ext': stytchOk({
        member_id: MEMBER_ID,
        member: MEMBER,
        organization: ORGANIZATION,
      }),
      'GET /v1/b2b/rbac/policy': stytchOk({
        policy: {
          roles: [
            {
              role_id: 'stytch_member',
              description: 'Default',
              permissions: [{ resource_id: 'stytch.self', actions: ['*'] }],
            },
          ],
          resources: [],
          scopes: [],
        },
      }),
      [`GET /v1/b2b/sessions/jwks/${PROJECT_ID}`]: stytchOk({ keys: [{ kty: 'RSA', kid: 'jwk-test-1' }] }),
      'POST /v1/b2b/sessions/authenticate': stytchOk({
        member_session: MEMBER_SESSION,
        member: MEMBER,
        organization: ORGANIZATION,
        session_token: MEMBER_TOKEN,
        session_jwt: MEMBER_JWT,
      }),
    };
    const server = await t.serve((_req, res, seen) => {
      const body = bodies[`${seen.method} ${seen.path}`];
      if (body) sendJson(res, 200, body);
      else sendJson(res, 404, stytchError(404, 'route_not_found', 'No such route.'));
    });
    const stytch = b2b(server.url, t.transport);
    const results = [
      await stytch.organizations.members.getConnectedApps({ organization_id: ORG_ID, member_id: MEMBER_ID }),
      await stytch.organizations.members.connectedApps.revoke({
        organization_id: ORG_ID,
        member_id: MEMBER_ID,
        connected_app_id: APP_ID,
      }),
      await stytch.organizations.connectedApps({ organization_id: ORG_ID }),
      await stytch.organizations.getConnectedApp({ organization_id: ORG_ID, connected_app_id: APP_ID }),
      await stytch.organizations.get({ organization_id: 'acme' }),
      await stytch.organizations.members.get({ organization_id: 'acme', member_id: 'ada-ext' }),
      await stytch.rbac.policy(),
      await stytch.sessions.getJWKS({ project_id: PROJECT_ID }),
      await stytch.sessions.authenticate({ session_jwt: MEMBER_JWT }),
    ];
    expect(results).toEqual(Object.values(bodies));
    expect(server.requests.map((seen) => `${seen.method} ${seen.path}`)).toEqual(Object.keys(bodies));
    for (const seen of server.requests) expect(seen.headers.authorization).toBe(BASIC);
    const revoke = server.requests[1];
    expect(revoke?.body).toBe('{}');
    expect(revoke?.headers['content-type']).toBe('application/json');
    expect(server.requests.at(-1)?.body).toBe(JSON.stringify({ session_jwt: MEMBER_JWT }));
  });

  it('percent-encodes a slug or external id into one segment, and refuses a hostile one before sending', async () => {
    const server = await t.serve((_req, res) => sendJson(res, 200, stytchOk({ connected_apps: [] })));
    const stytch = b2b(server.url, t.transport);
    await stytch.organizations.members.getConnectedApps({
      organization_id: 'acme corp~1',
      member_id: 'ext|ada',
    });
    expect(server.requests[0]?.path).toBe(
      '/v1/b2b/organizations/acme%20corp~1/members/ext%7Cada/connected_apps',
    );
    for (const [field, request] of [
      ['organization_id', { organization_id: '../acme', member_id: MEMBER_ID }],
      ['member_id', { organization_id: ORG_ID, member_id: 'a?b' }],
    ] as const) {
      const error = await rejectionOf(stytch.organizations.members.getConnectedApps(request));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).error_details).toEqual({ field });
    }
    const query = await rejectionOf(
      stytch.organizations.members.get({ organization_id: ORG_ID, member_id: 'a&b=c#' }),
    );
    expect((query as InvalidRequestError).error_details).toEqual({ field: 'member_id' });
    expect(server.requests).toHaveLength(1);
  });

  it("runs a call with a member's session as Stytch's headers, and never shows them in an error", async () => {
    const server = await t.serve((_req, res) =>
      sendJson(res, 403, stytchErrorBody('session_authorization_error', 'request-id-test-x')),
    );
    const stytch = b2b(server.url, t.transport);
    const error = await rejectionOf(
      stytch.organizations.members.connectedApps.revoke(
        { organization_id: ORG_ID, member_id: MEMBER_ID, connected_app_id: APP_ID },
        { authorization: { session_token: MEMBER_TOKEN, session_jwt: MEMBER_JWT } },
      ),
    );
    const seen = server.requests[0];
    expect(seen?.headers['x-stytch-member-session']).toBe(MEMBER_TOKEN);
    expect(seen?.headers['x-stytch-member-sessionjwt']).toBe(MEMBER_JWT);
    expect(seen?.headers.authorization).toBe(BASIC);
    expect(error).toBeInstanceOf(StytchApiError);
    expect(error).toMatchObject({
      status_code: 403,
      error_type: 'session_authorization_error',
      retryable: false,
    });
    expectNoSecret(error, [MEMBER_TOKEN, MEMBER_JWT, SECRET]);
    // Without `authorization`, no member header is sent.
    await rejectionOf(stytch.organizations.connectedApps({ organization_id: ORG_ID }));
    expect(server.requests[1]?.headers['x-stytch-member-session']).toBeUndefined();
    const bad = await rejectionOf(
      stytch.organizations.connectedApps(
        { organization_id: ORG_ID },
        { authorization: { session_token: '' } },
      ),
    );
    expect((bad as InvalidRequestError).error_details).toEqual({ field: 'authorization.session_token' });
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ['organization_not_found', 404],
    ['member_not_found', 404],
    ['invalid_organization_id', 400],
  ] as const)("passes Stytch's %s through as a typed StytchApiError, not retried", async (type, status) => {
    const body = stytchErrorBody(type, 'request-id-test-1');
    const server = await t.serve((_req, res) => sendJson(res, status, body));
    const error = await rejectionOf(
      b2b(server.url, t.transport).organizations.members.getConnectedApps({
        organization_id: ORG_ID,
        member_id: MEMBER_ID,
      }),
    );
    expect(error).toBeInstanceOf(StytchApiError);
    expect((error as StytchApiError).toJSON()).toEqual(body);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 503 on the B2B revoke like the consumer one', async () => {
    const server = await t.serve((_req, res, _seen, index) =>
      index === 0
        ? sendJson(res, 503, stytchError(503, 'service_unavailable', 'Later.'))
        : sendJson(res, 200, stytchOk()),
    );
    await b2b(server.url, t.transport).organizations.members.connectedApps.revoke({
      organization_id: ORG_ID,
      member_id: MEMBER_ID,
      connected_app_id: APP_ID,
    });
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [
      'an active member whose granted_scopes is a string',
      'getConnectedApp',
      { ...APP, active_members: [{ member_id: MEMBER_ID, granted_scopes: 'openid' }] },
    ],
    ['a member app without scopes_granted', 'getConnectedApps', { connected_apps: [APP] }],
    [
      'a policy role without permissions',
      'policy',
      { policy: { roles: [{ role_id: 'r' }], resources: [], scopes: [] } },
    ],
    [
      'a member session without roles',
      'authenticate',
      { member_session: { ...MEMBER_SESSION, roles: undefined }, member: MEMBER, organization: ORGANIZATION },
    ],
  ] as const)('rejects a 200 with %s as an InvalidResponseError', async (_label, operation, fields) => {
    const server = await t.serve((_req, res) => sendJson(res, 200, stytchOk(fields)));
    const stytch = b2b(server.url, t.transport);
    const calls = {
      getConnectedApp: () =>
        stytch.organizations.getConnectedApp({ organization_id: ORG_ID, connected_app_id: APP_ID }),
      getConnectedApps: () =>
        stytch.organizations.members.getConnectedApps({ organization_id: ORG_ID, member_id: MEMBER_ID }),
      policy: () => stytch.rbac.policy(),
      authenticate: () => stytch.sessions.authenticate({ session_token: MEMBER_TOKEN }),
    };
    const error = await rejectionOf(calls[operation]());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).error_message).toContain('does not have the expected shape');
  });
});

describeEachTransport('B2B proxy client', (t) => {
  it("speaks the same B2B paths under the proxy's base path, with the bearer session and extra headers", async () => {
    const server = await t.serve((_req, res, seen) =>
      sendJson(
        res,
        200,
        seen.path.endsWith(`/connected_apps/${APP_ID}`)
          ? stytchOk({ ...APP, active_members: [] })
          : stytchOk({ connected_apps: [] }),
      ),
    );
    const client = createB2BProxyClient({
      baseUrl: `${server.url}/api/`,
      sessionJwt: MEMBER_JWT,
      headers: { 'X-CSRF-Token': 'csrf-1' },
      transport: t.transport,
    });
    await client.organizations.members.getConnectedApps({ organization_id: 'acme', member_id: MEMBER_ID });
    await client.organizations.members.connectedApps.revoke({
      organization_id: 'acme',
      member_id: MEMBER_ID,
      connected_app_id: APP_ID,
    });
    await client.organizations.connectedApps({ organization_id: 'acme' });
    await client.organizations.getConnectedApp({ organization_id: 'acme', connected_app_id: APP_ID });
    expect(server.requests.map((seen) => `${seen.method} ${seen.path}`)).toEqual([
      `GET /api/v1/b2b/organizations/acme/members/${MEMBER_ID}/connected_apps`,
      `POST /api/v1/b2b/organizations/acme/members/${MEMBER_ID}/connected_apps/${APP_ID}/revoke`,
      'GET /api/v1/b2b/organizations/acme/connected_apps',
      `GET /api/v1/b2b/organizations/acme/connected_apps/${APP_ID}`,
    ]);
    for (const seen of server.requests) {
      expect(seen.headers.authorization).toBe(`Bearer ${MEMBER_JWT}`);
      expect(seen.headers['x-csrf-token']).toBe('csrf-1');
    }
    expect(Object.keys(client.organizations)).toEqual(['connectedApps', 'getConnectedApp', 'members']);
  });
});
