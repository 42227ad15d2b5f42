import { bearer } from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useB2BStack } from '../helpers/b2b-stack.ts';
import {
  APPS_MANAGER,
  grantActive,
  memberStytchRequests,
  proxyMemberAppsPath,
  proxyMemberRevokePath,
  type SeededMember,
  stytchMemberRevokePath,
} from '../helpers/b2b-world.ts';
import { type ProxyStack, startProxyStack } from '../helpers/proxy-stack.ts';

// The proxy's RBAC policy cache is one second here, so a change made in the emulator must be in
// force once that second has passed (the wait below is for the documented cache time, not a timing
// assertion: after it, the outcome is certain).
const CACHE_SECONDS = 1;
const t = useB2BStack({ RBAC_POLICY_CACHE_SECONDS: String(CACHE_SECONDS), UPSTREAM_RETRIES: '0' });
const pastCacheTime = () => new Promise((resolve) => setTimeout(resolve, CACHE_SECONDS * 1000 + 100));

const revoke = (stack: ProxyStack, who: SeededMember, member: SeededMember, app: string) =>
  fetch(`${stack.url}${proxyMemberRevokePath(member.organization_id, member.member_id, app)}`, {
    method: 'POST',
    headers: bearer(who.jwt),
  });
const errorType = async (response: Response) =>
  ((await response.json()) as { error_type?: string }).error_type;

describe('the RBAC policy is fetched from Stytch and cached for RBAC_POLICY_CACHE_SECONDS', () => {
  it('a permission withdrawn in Stytch stops working within the cache time', async () => {
    const { bob, carol, calendar, notes } = t.world;
    expect((await revoke(t.stack, carol, bob, notes)).status).toBe(200);

    await t.stack.emulator.control.setRbacPolicy({ roles: [{ ...APPS_MANAGER, permissions: [] }] });
    await pastCacheTime();
    await t.stack.emulator.control.clearRequests();
    const refused = await revoke(t.stack, carol, bob, calendar);
    expect(refused.status).toBe(403);
    expect(await errorType(refused)).toBe('member_forbidden');
    expect(await grantActive(t.stack.emulator, bob, calendar)).toBe(true);
    // The fresh policy was fetched; nothing went to the member's endpoints.
    expect(await memberStytchRequests(t.stack.emulator)).toEqual(['GET /v1/b2b/rbac/policy']);
  });

  it('a permission granted in Stytch starts working within the cache time', async () => {
    const { ada, bob, calendar } = t.world;
    const before = await revoke(t.stack, bob, ada, calendar);
    expect(before.status).toBe(403);

    const { policy } = await t.stack.emulator.control.getRbacPolicy();
    const member = policy.roles.find((role) => role.role_id === 'stytch_member');
    await t.stack.emulator.control.setRbacPolicy({
      roles: [
        APPS_MANAGER,
        {
          role_id: 'stytch_member',
          description: member?.description ?? '',
          permissions: [
            ...(member?.permissions ?? []),
            { resource_id: 'stytch.member', actions: ['revoke.connected-app'] },
          ],
        },
      ],
    });
    await pastCacheTime();
    const allowed = await revoke(t.stack, bob, ada, calendar);
    expect(allowed.status).toBe(200);
    expect(await grantActive(t.stack.emulator, ada, calendar)).toBe(false);
  });

  it('a policy that cannot be fetched answers a typed 5xx, and nothing reaches the member endpoints', async () => {
    const { control } = t.stack.emulator;
    const { acme, bob } = t.world;
    await pastCacheTime();
    await control.injectFault({ method: 'GET', path: '/v1/b2b/rbac/policy', status: 500 });
    const list = () =>
      fetch(`${t.stack.url}${proxyMemberAppsPath(acme.organization_id, bob.member_id)}`, {
        headers: bearer(bob.jwt),
      });
    const failed = await list();
    expect(failed.status).toBe(502);
    expect(await errorType(failed)).toBe('upstream_unavailable');
    expect(await memberStytchRequests(t.stack.emulator)).toEqual(['GET /v1/b2b/rbac/policy']);

    await control.injectFault({ method: 'GET', path: '/v1/b2b/rbac/policy', latency_ms: 2500 });
    const slow = await list();
    expect(slow.status).toBe(504);
    expect(await errorType(slow)).toBe('upstream_timeout');

    expect((await list()).status).toBe(200);
  });
});

describe('defense in depth: Stytch checks the member session too', () => {
  let longCache: ProxyStack;
  beforeAll(async () => {
    longCache = await startProxyStack({}, t.stack.emulator);
  });
  afterAll(() => longCache.stop());

  it("a call the proxy's cached policy still allows is refused by Stytch's own check", async () => {
    const { bob, carol, calendar, notes } = t.world;
    // The proxy caches the policy for its default 300 s.
    expect((await revoke(longCache, carol, bob, notes)).status).toBe(200);

    await t.stack.emulator.control.setRbacPolicy({ roles: [{ ...APPS_MANAGER, permissions: [] }] });
    await t.stack.emulator.control.clearRequests();
    const refused = await revoke(longCache, carol, bob, calendar);
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { error_type: string; request_id: string };
    expect(body.error_type).toBe('session_authorization_error');
    expect(body.request_id).toMatch(/^request-id-test-/);
    expect(await grantActive(t.stack.emulator, bob, calendar)).toBe(true);
    expect(await memberStytchRequests(t.stack.emulator)).toEqual([
      `POST ${stytchMemberRevokePath(bob.organization_id, bob.member_id, calendar)}`,
    ]);
  });
});
