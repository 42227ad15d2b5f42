import {
  createRevocationHistoryClient,
  isStytchApiError,
  PROXY_ROUTES,
  stytchPath,
} from '@connected-apps/core';
import { bearer, PROXY_BASE_PATH } from '@connected-apps/testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/audit-rows.ts';
import {
  type B2BWorld,
  proxyMemberRevokePath,
  type SeededMember,
  seedB2BWorld,
} from '../helpers/b2b-world.ts';
import { useCountedHistoryStack } from '../helpers/counted-history-stack.ts';
import type { ProxyStack } from '../helpers/proxy-stack.ts';

// A member's history of revoke attempts (proxy only, from the audit trail), read through core's
// history client over real HTTP: who may read it is who may list the member's connected apps.
const t = useCountedHistoryStack(useTempDir('b2b-history-'));
let stack: ProxyStack;
let world: B2BWorld;
beforeEach(async () => {
  stack = t.stack;
  world = await seedB2BWorld(stack.emulator);
});

const historyOf = (who: SeededMember) =>
  createRevocationHistoryClient({
    baseUrl: `${stack.url}${PROXY_BASE_PATH}`,
    sessionJwt: who.jwt,
    retry: false,
  }).organizations.members;

async function revoke(who: SeededMember, organization: string, member: string, app: string) {
  const response = await fetch(`${stack.url}${proxyMemberRevokePath(organization, member, app)}`, {
    method: 'POST',
    headers: bearer(who.jwt),
  });
  await response.arrayBuffer();
  return response.status;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => (isStytchApiError(error) ? error : undefined),
  );

describe('GET {base}/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps/revocations', () => {
  it("answers the member's own history, newest first, by any of the names the B2B paths take", async () => {
    const { acme, bob, calendar, notes } = world;
    expect(await revoke(bob, acme.organization_id, bob.member_id, calendar)).toBe(200);
    expect(await revoke(bob, acme.slug, bob.external_id, notes)).toBe(200);

    const page = await historyOf(bob).revocations({
      organization_id: acme.organization_id,
      member_id: bob.member_id,
    });
    expect(page.status_code).toBe(200);
    expect(page.next_cursor).toBeNull();
    expect(page.revocations.map((row) => row.connected_app_id)).toEqual([notes, calendar]);
    expect(page.revocations[0]).toMatchObject({
      action: 'revoke',
      outcome: 'revoked',
      status_code: 200,
      actor: { user_id: null, member_id: bob.member_id, as_admin: false },
      subject: { user_id: null, organization_id: acme.organization_id, member_id: bob.member_id },
    });
    expect(page.revocations[0]?.stytch_request_id).toMatch(/^request-id-test-/);

    // By the organization's slug and the member's own external id: the same rows.
    const aliased = await historyOf(bob).revocations({
      organization_id: acme.slug,
      member_id: bob.external_id,
    });
    expect(aliased.revocations).toEqual(page.revocations);
  });

  it('pages by cursor, each row once', async () => {
    const { acme, bob, calendar, notes } = world;
    await revoke(bob, acme.organization_id, bob.member_id, calendar);
    await revoke(bob, acme.organization_id, bob.member_id, notes);
    const history = historyOf(bob);
    const first = await history.revocations({
      organization_id: acme.organization_id,
      member_id: bob.member_id,
      limit: 1,
    });
    expect(first.revocations.map((row) => row.connected_app_id)).toEqual([notes]);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await history.revocations({
      organization_id: acme.organization_id,
      member_id: bob.member_id,
      limit: 1,
      cursor: first.next_cursor ?? '',
    });
    expect(second.revocations.map((row) => row.connected_app_id)).toEqual([calendar]);
    expect(second.next_cursor).toBeNull();
  });

  it("lets an admin and a custom role with get.connected-apps on stytch.member read another member's", async () => {
    const { acme, ada, bob, carol, calendar } = world;
    await revoke(ada, acme.organization_id, bob.member_id, calendar);
    for (const reader of [ada, carol]) {
      const page = await historyOf(reader).revocations({
        organization_id: acme.organization_id,
        member_id: bob.member_id,
      });
      expect(page.revocations).toEqual([
        expect.objectContaining({
          connected_app_id: calendar,
          outcome: 'revoked',
          actor: expect.objectContaining({ member_id: ada.member_id, as_admin: true }),
        }),
      ]);
    }
    expect(t.historyReads).toBe(2);
  });

  it("refuses another member's history without the permission, and another organization's, reading nothing", async () => {
    const { acme, ada, bob, gina, calendar } = world;
    await revoke(ada, acme.organization_id, ada.member_id, calendar);
    const asMember = await refusal(
      historyOf(bob).revocations({ organization_id: acme.organization_id, member_id: ada.member_id }),
    );
    expect(asMember).toMatchObject({ status_code: 403, error_type: 'member_forbidden' });
    // Gina is an admin, of Globex: no role reaches across organizations, by id or by slug.
    for (const organization_id of [acme.organization_id, acme.slug]) {
      const acrossOrganizations = await refusal(
        historyOf(gina).revocations({ organization_id, member_id: ada.member_id }),
      );
      expect(acrossOrganizations).toMatchObject({ status_code: 403, error_type: 'organization_forbidden' });
    }
    expect(t.historyReads).toBe(0);
  });

  it('answers 401 without a member session, and a bad member id with 400 before anything else', async () => {
    const { acme, bob } = world;
    const anonymous = createRevocationHistoryClient({
      baseUrl: `${stack.url}${PROXY_BASE_PATH}`,
      retry: false,
    });
    expect(
      await refusal(
        anonymous.organizations.members.revocations({
          organization_id: acme.organization_id,
          member_id: bob.member_id,
        }),
      ),
    ).toMatchObject({ status_code: 401 });
    // Core's client refuses such an id before sending it: sent by hand, the proxy's path check answers.
    const path = `${PROXY_BASE_PATH}${stytchPath(PROXY_ROUTES.b2bMembersRevocations.template, {
      organization_id: acme.organization_id,
      member_id: 'placeholder',
    })}`.replace('placeholder', 'bob%00');
    const response = await fetch(`${stack.url}${path}`, { headers: bearer(bob.jwt) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status_code: 400, error_type: 'invalid_member_id' });
    expect(t.historyReads).toBe(0);
  });
});
