import { describe, expect, it } from 'vitest';
import { memberAppsPath, memberRevokePath, organizationAppsPath, seedOrganizations } from './b2b-helpers.ts';
import { TEST_REQUEST_ID } from './helpers.ts';
import type { Settled } from './sdk/scenario.ts';
import { useTlsEmulator } from './sdk/tls-emulator.ts';

const tls = useTlsEmulator();

describe("the official stytch SDK's B2BClient against the emulator over TLS", () => {
  it('lists, revokes, reads the admin views, the organization, the member and the policy, and authenticates member sessions', async () => {
    const emulator = tls.emulator();
    const world = await seedOrganizations(emulator);
    const { acme, ada, bob, calendar } = world;
    const session = await emulator.control.mintMemberSession({
      organization_id: 'acme',
      member_id: bob.member_id,
    });
    // The SDK accepts its own base URL as an issuer too: the project's custom domain, here the emulator.
    await emulator.control.configureProject({ custom_domain: emulator.url });
    const custom = await emulator.control.mintMemberSession({
      organization_id: 'acme',
      member_id: bob.member_id,
      issuer: 'custom_domain',
    });
    await emulator.control.clearRequests();

    const results = (await tls.runScenario('run-b2b-sdk-scenarios.ts', {
      organizationId: acme.organization_id,
      slug: 'acme',
      memberId: bob.member_id,
      memberExternalId: 'bob-ext',
      otherMemberId: ada.member_id,
      appId: calendar.connected_app_id,
      otherAppId: world.notes.connected_app_id,
      sessionToken: session.session_token,
      sessionJwt: session.session_jwt,
      customDomainJwt: custom.session_jwt,
    })) as Record<string, Settled>;

    expect(results.list).toMatchObject({
      ok: true,
      value: {
        status_code: 200,
        request_id: expect.stringMatching(TEST_REQUEST_ID),
        connected_apps: [
          { connected_app_id: calendar.connected_app_id, scopes_granted: 'openid' },
          { connected_app_id: world.notes.connected_app_id, scopes_granted: 'openid profile' },
        ],
      },
    });
    expect(results.organizationApps).toMatchObject({ ok: true, value: { connected_apps: [{}, {}] } });
    expect(results.organizationApp).toMatchObject({
      ok: true,
      value: {
        connected_app_id: calendar.connected_app_id,
        active_members: [
          { member_id: ada.member_id, granted_scopes: ['openid', 'email'] },
          { member_id: bob.member_id, granted_scopes: ['openid'] },
        ],
      },
    });
    expect(results.organization).toMatchObject({
      ok: true,
      value: { organization: { organization_id: acme.organization_id } },
    });
    expect(results.member).toMatchObject({
      ok: true,
      value: { member_id: bob.member_id, member: { external_id: 'bob-ext' } },
    });
    expect(results.policy).toMatchObject({
      ok: true,
      value: { policy: { roles: [{ role_id: 'stytch_member' }, {}, {}] } },
    });
    expect(results.revoke).toEqual({
      ok: true,
      value: { request_id: expect.stringMatching(TEST_REQUEST_ID), status_code: 200 },
    });
    expect(results.forbidden).toEqual({
      ok: false,
      isStytchError: true,
      name: 'StytchError',
      fields: {
        status_code: 403,
        request_id: expect.stringMatching(TEST_REQUEST_ID),
        error_type: 'session_authorization_error',
        error_message: 'The Member is not authorized to perform the requested action on that resource.',
        error_url: 'https://stytch.com/docs/api/errors/403',
      },
      message: expect.any(String),
    });
    expect(results.authenticate).toMatchObject({
      ok: true,
      value: { member_session: { member_session_id: session.member_session_id, member_id: bob.member_id } },
    });
    expect(results.jwtLocal).toMatchObject({
      ok: true,
      value: {
        session_jwt: session.session_jwt,
        member_session: {
          member_session_id: session.member_session_id,
          member_id: bob.member_id,
          organization_id: acme.organization_id,
          organization_slug: 'acme',
          roles: ['stytch_member'],
        },
      },
    });
    expect(results.jwtRemote).toMatchObject({
      ok: true,
      value: { status_code: 200, member_session: { member_session_id: session.member_session_id } },
    });
    expect(results.jwtCustomDomain).toMatchObject({
      ok: true,
      value: {
        member_session_id: custom.member_session_id,
        member_id: bob.member_id,
        organization_id: acme.organization_id,
      },
    });
    expect(results.notFound).toMatchObject({
      ok: false,
      isStytchError: true,
      fields: { status_code: 404, error_type: 'connected_app_not_found' },
    });

    // The local verifications fetched the B2B JWKS once and called no authenticate; the forbidden
    // revoke changed nothing.
    const { requests } = await emulator.control.getRequests();
    expect(requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET ${memberAppsPath('acme', 'bob-ext')} 200`,
      `GET ${organizationAppsPath(acme.organization_id)} 200`,
      `GET ${organizationAppsPath(acme.organization_id, calendar.connected_app_id)} 200`,
      'GET /v1/b2b/organizations/acme 200',
      `GET /v1/b2b/organizations/${acme.organization_id}/member 200`,
      'GET /v1/b2b/rbac/policy 200',
      `POST ${memberRevokePath(acme.organization_id, bob.member_id, calendar.connected_app_id)} 200`,
      `POST ${memberRevokePath(acme.organization_id, ada.member_id, calendar.connected_app_id)} 403`,
      'POST /v1/b2b/sessions/authenticate 200',
      `GET /v1/b2b/sessions/jwks/${emulator.projectId} 200`,
      'POST /v1/b2b/sessions/authenticate 200',
      `POST ${memberRevokePath(acme.organization_id, bob.member_id, 'connected-app-test-does-not-exist')} 404`,
    ]);
    expect(
      (await emulator.control.getMemberTokens('acme', bob.member_id, calendar.connected_app_id)).grant_active,
    ).toBe(false);
    expect(
      (await emulator.control.getMemberTokens('acme', ada.member_id, calendar.connected_app_id)).grant_active,
    ).toBe(true);
  });
});
