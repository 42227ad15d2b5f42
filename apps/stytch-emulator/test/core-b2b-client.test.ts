import { createStytchB2BClient, InvalidRequestError, StytchApiError } from '@connected-apps/core';
import { ORGANIZATION_CLAIM, sessionJwtIssuers } from '@connected-apps/core/wire';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedOrganizations } from './b2b-helpers.ts';
import { coreTransports, useTransport } from './core-transports.ts';
import { useEmulator } from './use-emulator.ts';

// core's B2B client against the real emulator, over the default and the server transports: the two
// are built apart, so each checks the other's paths, shapes and errors.
describe.each(coreTransports('fetch', 'undici'))(
  "core's Stytch B2B client over the %s transport",
  (_name, createTransport) => {
    const emulator = useEmulator();
    const transport = useTransport(createTransport);
    let world: Awaited<ReturnType<typeof seedOrganizations>>;
    const client = () =>
      createStytchB2BClient({
        project_id: emulator.projectId,
        secret: emulator.secret,
        baseUrl: emulator.url,
        transport: transport(),
        retry: { delay: () => 10, jitter: false },
      });

    beforeEach(async () => {
      world = await seedOrganizations(emulator);
    });

    it("lists and revokes a member's apps by slug and external id, as that member", async () => {
      const { bob, calendar } = world;
      const session = await emulator.control.mintMemberSession({
        organization_id: 'acme',
        member_id: 'bob-ext',
      });
      const authorization = { session_jwt: session.session_jwt };
      const stytch = client();
      const before = await stytch.organizations.members.getConnectedApps(
        { organization_id: 'acme', member_id: 'bob-ext' },
        { authorization },
      );
      expect(before.connected_apps.map((app) => app.connected_app_id)).toEqual([
        calendar.connected_app_id,
        world.notes.connected_app_id,
      ]);
      await stytch.organizations.members.connectedApps.revoke(
        {
          organization_id: 'acme-ext',
          member_id: bob.member_id,
          connected_app_id: calendar.connected_app_id,
        },
        { authorization },
      );
      const tokens = await emulator.control.getMemberTokens('acme', bob.member_id, calendar.connected_app_id);
      expect(tokens.grant_active).toBe(false);
      expect(tokens.tokens.every((token) => token.revoked)).toBe(true);
    });

    it("rejects a member's revoke of another member's app with Stytch's 403, sending it once", async () => {
      const session = await emulator.control.mintMemberSession({
        organization_id: 'acme',
        member_id: world.bob.member_id,
      });
      const error = await client()
        .organizations.members.connectedApps.revoke(
          {
            organization_id: 'acme',
            member_id: world.ada.member_id,
            connected_app_id: world.calendar.connected_app_id,
          },
          { authorization: { session_token: session.session_token } },
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StytchApiError);
      expect(error).toMatchObject({
        status_code: 403,
        error_type: 'session_authorization_error',
        retryable: false,
      });
      expect((await emulator.control.getRequests()).requests).toHaveLength(1);
    });

    it('reads the admin views, the organization, the member and the policy, and checks a hostile id before sending', async () => {
      const stytch = client();
      const { connected_apps } = await stytch.organizations.connectedApps({ organization_id: 'acme' });
      expect(connected_apps).toHaveLength(2);
      const app = await stytch.organizations.getConnectedApp({
        organization_id: 'acme',
        connected_app_id: world.calendar.connected_app_id,
      });
      expect(app.active_members.map((member) => member.member_id)).toEqual([
        world.ada.member_id,
        world.bob.member_id,
      ]);
      const { organization } = await stytch.organizations.get({ organization_id: 'acme-ext' });
      expect(organization.organization_id).toBe(world.acme.organization_id);
      const { member } = await stytch.organizations.members.get({
        organization_id: 'acme',
        member_id: 'bob-ext',
      });
      expect(member.member_id).toBe(world.bob.member_id);
      const { policy } = await stytch.rbac.policy();
      expect(policy.roles.map((role) => role.role_id)).toEqual([
        'stytch_member',
        'stytch_admin',
        'apps_manager',
      ]);
      await emulator.control.clearRequests();
      const error = await stytch.organizations.get({ organization_id: 'acme/../x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((await emulator.control.getRequests()).requests).toHaveLength(0);
    });

    it('authenticates a member session and verifies its JWT against the B2B JWKS with either accepted issuer', async () => {
      const stytch = client();
      const minted = await emulator.control.mintMemberSession({
        organization_id: 'acme',
        member_id: world.ada.member_id,
      });
      const { member_session, organization } = await stytch.sessions.authenticate({
        session_token: minted.session_token,
      });
      expect(member_session).toMatchObject({
        member_id: world.ada.member_id,
        roles: ['stytch_member', 'stytch_admin'],
      });
      expect(organization.organization_slug).toBe('acme');
      const { keys } = await stytch.sessions.getJWKS({ project_id: emulator.projectId });
      await emulator.control.configureProject({ custom_domain: emulator.url });
      try {
        const custom = await emulator.control.mintMemberSession({
          organization_id: 'acme',
          member_id: world.ada.member_id,
          issuer: 'custom_domain',
        });
        const issuer = sessionJwtIssuers(emulator.projectId, `${emulator.url}/`);
        for (const jwt of [minted.session_jwt, custom.session_jwt]) {
          const { payload } = await jwtVerify(jwt, createLocalJWKSet({ keys }), {
            issuer,
            audience: emulator.projectId,
          });
          expect(payload.sub).toBe(world.ada.member_id);
          expect(payload[ORGANIZATION_CLAIM]).toEqual({
            organization_id: world.acme.organization_id,
            slug: 'acme',
          });
        }
      } finally {
        await emulator.control.configureProject({ custom_domain: null });
      }
    });
  },
);
