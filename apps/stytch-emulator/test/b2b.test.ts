import { ORGANIZATION_CLAIM, SESSION_CLAIM } from '@connected-apps/core/wire';
import { decodeJwt } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { memberAppsPath, memberRevokePath, organizationAppsPath, seedOrganizations } from './b2b-helpers.ts';
import { exactError, stytch, TEST_REQUEST_ID } from './helpers.ts';
import { useEmulator } from './use-emulator.ts';

const emulator = useEmulator();
let world: Awaited<ReturnType<typeof seedOrganizations>>;
beforeEach(async () => {
  world = await seedOrganizations(emulator);
});

// The seeded apps as Stytch shows them in every list, spelled out (not read back from the control API).
const calendarFields = () => ({
  connected_app_id: world.calendar.connected_app_id,
  name: 'Calendar Sync',
  description: 'Syncs calendars.',
  client_type: 'third_party',
  logo_url: null,
});
const notesFields = () => ({
  connected_app_id: world.notes.connected_app_id,
  name: 'Notes',
  description: '',
  client_type: 'first_party',
  logo_url: null,
});

const appIds = (json: Record<string, unknown>) =>
  (json.connected_apps as Array<{ connected_app_id: string }>).map((app) => app.connected_app_id);

describe('a member’s connected apps', () => {
  it('lists them in Stytch’s shape, by the organization’s id, slug or external id and the member’s id or external id', async () => {
    for (const [organization, member] of [
      [world.acme.organization_id, world.bob.member_id],
      ['acme', 'bob-ext'],
      ['acme-ext', world.bob.member_id],
    ]) {
      const response = await stytch(
        emulator,
        'GET',
        memberAppsPath(organization as string, member as string),
      );
      expect(response.status).toBe(200);
      expect(response.json).toEqual({
        request_id: expect.stringMatching(TEST_REQUEST_ID),
        status_code: 200,
        connected_apps: [
          { ...calendarFields(), scopes_granted: 'openid' },
          { ...notesFields(), scopes_granted: 'openid profile' },
        ],
      });
    }
  });

  it('revokes one: the grant goes, its tokens are revoked, the others stay; again is a 200 no-op', async () => {
    const path = memberRevokePath('acme', 'bob-ext', world.calendar.connected_app_id);
    const response = await stytch(emulator, 'POST', path, { body: '{}' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({
      request_id: expect.stringMatching(TEST_REQUEST_ID),
      status_code: 200,
    });
    const tokens = await emulator.control.getMemberTokens(
      'acme',
      world.bob.member_id,
      world.calendar.connected_app_id,
    );
    expect(tokens.grant_active).toBe(false);
    expect(tokens.tokens).toHaveLength(2);
    expect(tokens.tokens.every((token) => token.revoked && token.revoked_at !== null)).toBe(true);
    const list = await stytch(emulator, 'GET', memberAppsPath('acme', world.bob.member_id));
    expect(appIds(list.json)).toEqual([world.notes.connected_app_id]);
    // Ada's grant to the same app is hers, untouched.
    expect(
      (await emulator.control.getMemberTokens('acme', world.ada.member_id, world.calendar.connected_app_id))
        .grant_active,
    ).toBe(true);
    expect((await stytch(emulator, 'POST', path, { body: '' })).status).toBe(200);
  });

  it('answers Stytch’s errors: malformed ids, unknown organization, member (also one of another organization) and app', async () => {
    const cases: Array<[string, number, string, string]> = [
      [
        memberAppsPath('acme!', world.bob.member_id),
        400,
        'invalid_organization_id',
        'organization_id format is invalid.',
      ],
      [memberAppsPath('acme', 'bob*'), 400, 'invalid_member_id', 'member_id format is invalid.'],
      [
        memberAppsPath('initech', world.bob.member_id),
        404,
        'organization_not_found',
        'Organization could not be found.',
      ],
      [memberAppsPath('acme', 'member-test-nobody'), 404, 'member_not_found', 'Member could not be found.'],
      [memberAppsPath('globex', world.bob.member_id), 404, 'member_not_found', 'Member could not be found.'],
    ];
    for (const [path, status, type, message] of cases) {
      const response = await stytch(emulator, 'GET', path);
      expect(response.status).toBe(status);
      expect(response.text).toBe(exactError(response.json, status, type, message));
    }
    const revoke = await stytch(
      emulator,
      'POST',
      memberRevokePath('acme', world.bob.member_id, 'connected-app-test-nope'),
      {
        body: '{}',
      },
    );
    expect(revoke.text).toBe(
      exactError(
        revoke.json,
        404,
        'connected_app_not_found',
        'The Connected App requested could not be found.',
      ),
    );
    const unauthorized = await stytch(emulator, 'GET', memberAppsPath('acme', world.bob.member_id), {
      authorization: null,
    });
    expect(unauthorized.status).toBe(401);
  });
});

describe('the organization’s admin views', () => {
  it('lists the apps its members installed, and one app with its active members’ granted_scopes as arrays', async () => {
    const list = await stytch(emulator, 'GET', organizationAppsPath('acme'));
    expect(list.json).toEqual({
      request_id: expect.stringMatching(TEST_REQUEST_ID),
      status_code: 200,
      connected_apps: [calendarFields(), notesFields()],
    });
    const one = await stytch(
      emulator,
      'GET',
      organizationAppsPath('acme-ext', world.calendar.connected_app_id),
    );
    expect(one.json).toEqual({
      request_id: expect.stringMatching(TEST_REQUEST_ID),
      status_code: 200,
      ...calendarFields(),
      // Gina is Globex's: never listed under Acme.
      active_members: [
        { member_id: world.ada.member_id, granted_scopes: ['openid', 'email'] },
        { member_id: world.bob.member_id, granted_scopes: ['openid'] },
      ],
    });
    const missing = await stytch(emulator, 'GET', organizationAppsPath('acme', 'connected-app-test-nope'));
    expect(missing.json.error_type).toBe('connected_app_not_found');
    const globex = await stytch(emulator, 'GET', organizationAppsPath('globex'));
    expect(appIds(globex.json)).toEqual([world.calendar.connected_app_id]);
  });
});

describe('a call run with a member’s session (X-Stytch-Member-Session / -SessionJWT)', () => {
  const asMember = async (
    member: { member_id: string; organization_id: string },
    by: 'token' | 'jwt' = 'token',
  ): Promise<Record<string, string>> => {
    const session = await emulator.control.mintMemberSession({
      organization_id: member.organization_id,
      member_id: member.member_id,
    });
    return by === 'token'
      ? { 'x-stytch-member-session': session.session_token }
      : { 'x-stytch-member-sessionjwt': session.session_jwt };
  };

  it('lets a stytch_member list and revoke its own apps, by token or JWT', async () => {
    const headers = await asMember(world.bob, 'jwt');
    expect((await stytch(emulator, 'GET', memberAppsPath('acme', 'bob-ext'), { headers })).status).toBe(200);
    const revoke = await stytch(
      emulator,
      'POST',
      memberRevokePath('acme', world.bob.member_id, world.notes.connected_app_id),
      {
        body: '{}',
        headers: await asMember(world.bob),
      },
    );
    expect(revoke.status).toBe(200);
  });

  it("refuses a stytch_member another member's apps and the admin views with 403 session_authorization_error, changing nothing", async () => {
    const headers = await asMember(world.bob);
    for (const [method, path] of [
      ['POST', memberRevokePath('acme', world.ada.member_id, world.calendar.connected_app_id)],
      ['GET', memberAppsPath('acme', world.ada.member_id)],
      ['GET', memberAppsPath('acme', 'member-test-nobody')],
      ['GET', organizationAppsPath('acme')],
      ['GET', organizationAppsPath('acme', world.calendar.connected_app_id)],
    ] as const) {
      const response = await stytch(emulator, method, path, {
        headers,
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect(response.status).toBe(403);
      expect(response.text).toBe(
        exactError(
          response.json,
          403,
          'session_authorization_error',
          'The Member is not authorized to perform the requested action on that resource.',
        ),
      );
    }
    expect(
      (await emulator.control.getMemberTokens('acme', world.ada.member_id, world.calendar.connected_app_id))
        .grant_active,
    ).toBe(true);
  });

  it("lets stytch_admin and a custom role with revoke.connected-app on stytch.member act on any member of their organization, never another's", async () => {
    for (const member of [world.ada, world.carol]) {
      const headers = await asMember(member);
      expect((await stytch(emulator, 'GET', memberAppsPath('acme', 'bob-ext'), { headers })).status).toBe(
        200,
      );
      const other = await stytch(emulator, 'GET', memberAppsPath('globex', world.gina.member_id), {
        headers,
      });
      expect(other.status).toBe(403);
      expect(other.json.error_type).toBe('session_authorization_error');
    }
    const revoke = await stytch(
      emulator,
      'POST',
      memberRevokePath('acme', 'bob-ext', world.calendar.connected_app_id),
      {
        body: '{}',
        headers: await asMember(world.carol),
      },
    );
    expect(revoke.status).toBe(200);
    expect(
      (await stytch(emulator, 'GET', organizationAppsPath('acme'), { headers: await asMember(world.ada) }))
        .status,
    ).toBe(200);
  });

  it('answers 404 session_not_found for a session that is not live', async () => {
    const response = await stytch(emulator, 'GET', memberAppsPath('acme', world.bob.member_id), {
      headers: { 'x-stytch-member-session': 'not-a-live-session-token' },
    });
    expect(response.text).toBe(
      exactError(response.json, 404, 'session_not_found', 'Session could not be found.'),
    );
  });

  it('applies an RBAC policy changed at run time to the next call', async () => {
    const headers = await asMember(world.carol);
    const path = memberAppsPath('acme', world.bob.member_id);
    expect((await stytch(emulator, 'GET', path, { headers })).status).toBe(200);
    await emulator.control.setRbacPolicy({
      roles: [{ role_id: 'apps_manager', description: 'Now read-nothing.', permissions: [] }],
    });
    expect((await stytch(emulator, 'GET', path, { headers })).status).toBe(403);
    const policy = await stytch(emulator, 'GET', '/v1/b2b/rbac/policy');
    expect(policy.json.policy).toMatchObject({
      roles: [
        { role_id: 'stytch_member', permissions: [{ resource_id: 'stytch.self', actions: ['*'] }] },
        { role_id: 'stytch_admin' },
        { role_id: 'apps_manager', description: 'Now read-nothing.', permissions: [] },
      ],
    });
  });
});

describe('GET /v1/b2b/rbac/policy', () => {
  it('serves Stytch’s default roles and resources, with the connected-apps actions, plus the custom roles', async () => {
    const response = await stytch(emulator, 'GET', '/v1/b2b/rbac/policy');
    expect(response.status).toBe(200);
    const { policy } = response.json as {
      policy: { roles: unknown[]; resources: Array<{ resource_id: string; actions: string[] }> };
    };
    expect(policy.roles).toEqual([
      expect.objectContaining({
        role_id: 'stytch_member',
        permissions: [{ resource_id: 'stytch.self', actions: ['*'] }],
      }),
      expect.objectContaining({
        role_id: 'stytch_admin',
        permissions: [
          { resource_id: 'stytch.organization', actions: ['*'] },
          { resource_id: 'stytch.member', actions: ['*'] },
          { resource_id: 'stytch.sso', actions: ['*'] },
        ],
      }),
      expect.objectContaining({ role_id: 'apps_manager' }),
    ]);
    for (const id of ['stytch.self', 'stytch.member']) {
      expect(policy.resources.find((r) => r.resource_id === id)?.actions).toEqual(
        expect.arrayContaining(['get.connected-apps', 'revoke.connected-app']),
      );
    }
    await expect(
      emulator.control.setRbacPolicy({
        resources: [{ resource_id: 'stytch.mine', description: '', actions: [] }],
      }),
    ).rejects.toMatchObject({
      status_code: 400,
    });
    await emulator.control.reset();
    const reset = await stytch(emulator, 'GET', '/v1/b2b/rbac/policy');
    expect((reset.json.policy as { roles: unknown[] }).roles).toHaveLength(2);
  });
});

describe('organizations.get and organizations.members.get', () => {
  it('resolves a slug or external id to the organization, and a member id, external id or email to the member', async () => {
    for (const ref of ['acme', 'acme-ext', world.acme.organization_id]) {
      const response = await stytch(emulator, 'GET', `/v1/b2b/organizations/${ref}`);
      expect(response.json).toMatchObject({
        status_code: 200,
        organization: {
          organization_id: world.acme.organization_id,
          organization_slug: 'acme',
          organization_external_id: 'acme-ext',
        },
      });
    }
    expect(world.acme.organization_id).toMatch(/^organization-test-[0-9a-f-]{36}$/);
    for (const query of [
      'member_id=bob-ext',
      `member_id=${world.bob.member_id}`,
      'email_address=BOB%40acme.example',
    ]) {
      const response = await stytch(emulator, 'GET', `/v1/b2b/organizations/acme/member?${query}`);
      expect(response.json).toMatchObject({
        status_code: 200,
        member_id: world.bob.member_id,
        member: {
          member_id: world.bob.member_id,
          external_id: 'bob-ext',
          is_admin: false,
          roles: [{ role_id: 'stytch_member' }],
        },
        organization: { organization_id: world.acme.organization_id },
      });
    }
    expect(world.bob.member_id).toMatch(/^member-test-[0-9a-f-]{36}$/);
    expect(world.ada.is_admin).toBe(true);
    expect((await stytch(emulator, 'GET', '/v1/b2b/organizations/nope')).json.error_type).toBe(
      'organization_not_found',
    );
    expect(
      (await stytch(emulator, 'GET', `/v1/b2b/organizations/globex/member?member_id=${world.bob.member_id}`))
        .json.error_type,
    ).toBe('member_not_found');
  });
});

describe('member sessions', () => {
  it('signs a JWT with sub = member id, the session claim with roles and the organization claim', async () => {
    const minted = await emulator.control.mintMemberSession({
      organization_id: 'acme',
      member_id: 'bob-ext',
      roles: ['auditor'],
    });
    const claims = decodeJwt(minted.session_jwt);
    expect(claims).toMatchObject({
      sub: world.bob.member_id,
      iss: `stytch.com/${emulator.projectId}`,
      aud: [emulator.projectId],
      [SESSION_CLAIM]: { id: minted.member_session_id, roles: ['stytch_member', 'auditor'] },
      [ORGANIZATION_CLAIM]: { organization_id: world.acme.organization_id, slug: 'acme' },
    });
    expect(minted.member_session_id).toMatch(/^member-session-test-[0-9a-f-]{36}$/);
  });

  it('authenticates a member session by token or JWT at POST /v1/b2b/sessions/authenticate', async () => {
    const minted = await emulator.control.mintMemberSession({
      organization_id: 'acme',
      member_id: world.ada.member_id,
    });
    for (const credential of [{ session_token: minted.session_token }, { session_jwt: minted.session_jwt }]) {
      const response = await stytch(emulator, 'POST', '/v1/b2b/sessions/authenticate', {
        body: JSON.stringify(credential),
      });
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({
        request_id: expect.stringMatching(TEST_REQUEST_ID),
        status_code: 200,
        session_token: minted.session_token,
        session_jwt: expect.any(String),
        member_session: {
          member_session_id: minted.member_session_id,
          member_id: world.ada.member_id,
          organization_id: world.acme.organization_id,
          organization_slug: 'acme',
          roles: ['stytch_member', 'stytch_admin'],
        },
        member: { member_id: world.ada.member_id, is_admin: true },
        organization: { organization_id: world.acme.organization_id },
      });
    }
    // A consumer session is not a member session.
    const user = await emulator.control.createUser({});
    const consumer = await emulator.control.mintSession({ user_id: user.user_id });
    const response = await stytch(emulator, 'POST', '/v1/b2b/sessions/authenticate', {
      body: JSON.stringify({ session_token: consumer.session_token }),
    });
    expect(response.json.error_type).toBe('session_not_found');
  });

  it('answers an authorization_check with a verdict, or 403 for a role without the permission or another organization', async () => {
    const bob = await emulator.control.mintMemberSession({
      organization_id: 'acme',
      member_id: world.bob.member_id,
    });
    const check = (organization_id: string, resource_id: string) =>
      stytch(emulator, 'POST', '/v1/b2b/sessions/authenticate', {
        body: JSON.stringify({
          session_jwt: bob.session_jwt,
          authorization_check: { organization_id, resource_id, action: 'revoke.connected-app' },
        }),
      });
    const self = await check(world.acme.organization_id, 'stytch.self');
    expect(self.json.verdict).toEqual({ authorized: true, granting_roles: ['stytch_member'] });
    expect((await check(world.acme.organization_id, 'stytch.member')).json.error_type).toBe(
      'session_authorization_error',
    );
    expect((await check(world.globex.organization_id, 'stytch.self')).status).toBe(403);
  });

  it('serves the B2B JWKS without credentials, with the key that signs member JWTs', async () => {
    const response = await stytch(emulator, 'GET', `/v1/b2b/sessions/jwks/${emulator.projectId}`, {
      authorization: null,
    });
    expect(response.status).toBe(200);
    const consumer = await stytch(emulator, 'GET', `/v1/sessions/jwks/${emulator.projectId}`, {
      authorization: null,
    });
    expect(response.json.keys).toEqual(consumer.json.keys);
    expect((await stytch(emulator, 'GET', '/v1/b2b/sessions/jwks/project-test-other')).json.error_type).toBe(
      'project_not_found',
    );
  });
});

describe('a custom-domain issuer', () => {
  const domain = 'https://login.example.com';

  it('mints consumer and member JWTs with iss = the custom domain, which authenticate beside stytch.com/{project_id}', async () => {
    await expect(
      emulator.control.mintMemberSession({
        organization_id: 'acme',
        member_id: world.bob.member_id,
        issuer: 'custom_domain',
      }),
    ).rejects.toMatchObject({
      status_code: 400,
    });
    expect(await emulator.control.configureProject({ custom_domain: `${domain}/` })).toEqual({
      custom_domain: domain,
    });
    try {
      const member = await emulator.control.mintMemberSession({
        organization_id: 'acme',
        member_id: world.bob.member_id,
        issuer: 'custom_domain',
      });
      const user = await emulator.control.createUser({});
      const consumer = await emulator.control.mintSession({ user_id: user.user_id, issuer: 'custom_domain' });
      expect(decodeJwt(member.session_jwt).iss).toBe(domain);
      expect(decodeJwt(consumer.session_jwt).iss).toBe(domain);
      const b2b = await stytch(emulator, 'POST', '/v1/b2b/sessions/authenticate', {
        body: JSON.stringify({ session_jwt: member.session_jwt }),
      });
      expect(b2b.status).toBe(200);
      const b2c = await stytch(emulator, 'POST', '/v1/sessions/authenticate', {
        body: JSON.stringify({ session_jwt: consumer.session_jwt }),
      });
      expect(b2c.status).toBe(200);
      const other = await emulator.control.mintMemberSession({
        organization_id: 'acme',
        member_id: world.bob.member_id,
        claims_override: { iss: 'https://evil.example.com' },
      });
      const refused = await stytch(emulator, 'POST', '/v1/b2b/sessions/authenticate', {
        body: JSON.stringify({ session_jwt: other.session_jwt }),
      });
      expect(refused.json.error_type).toBe('session_not_found');
    } finally {
      await emulator.control.configureProject({ custom_domain: null });
    }
    const gone = await emulator.control.mintMemberSession({
      organization_id: 'acme',
      member_id: world.bob.member_id,
      claims_override: { iss: domain },
    });
    const refused = await stytch(emulator, 'POST', '/v1/b2b/sessions/authenticate', {
      body: JSON.stringify({ session_jwt: gone.session_jwt }),
    });
    expect(refused.json.error_type).toBe('session_not_found');
  });
});

describe('B2B fixtures', () => {
  it('loads organizations, members, member grants and custom roles, and rejects a bad document whole', async () => {
    await emulator.control.reset();
    const summary = await emulator.control.loadFixtures({
      connected_apps: [{ connected_app_id: 'connected-app-test-fx', name: 'Fixture App' }],
      organizations: [
        {
          organization_id: 'organization-test-fx',
          organization_name: 'Fixture Org',
          organization_slug: 'fixture-org',
        },
      ],
      members: [
        {
          member_id: 'member-test-fx',
          organization_id: 'fixture-org',
          email_address: 'fx@example.com',
          roles: ['fx_role'],
        },
      ],
      member_grants: [
        {
          organization_id: 'organization-test-fx',
          member_id: 'member-test-fx',
          connected_app_id: 'connected-app-test-fx',
          scopes: 'openid email',
        },
      ],
      rbac_policy: { roles: [{ role_id: 'fx_role', description: '', permissions: [] }] },
    });
    expect(summary).toEqual({
      users: 0,
      connected_apps: 1,
      grants: 0,
      organizations: 1,
      members: 1,
      member_grants: 1,
    });
    expect((await emulator.control.getRbacPolicy()).policy.roles.map((role) => role.role_id)).toContain(
      'fx_role',
    );
    const error = await emulator.control
      .loadFixtures({
        organizations: [{ organization_name: 'Half Loaded' }],
        member_grants: [
          {
            organization_id: 'fixture-org',
            member_id: 'member-test-nobody',
            connected_app_id: 'connected-app-test-fx',
            scopes: [],
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status_code: 404,
      error_type: 'member_not_found',
      error_message: expect.stringMatching(/^fixtures\.member_grants\[0\]: /),
    });
    expect((await stytch(emulator, 'GET', '/v1/b2b/organizations/half-loaded')).json.error_type).toBe(
      'organization_not_found',
    );
  });
});
