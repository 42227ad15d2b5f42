import { ALLOWED_ORIGIN, bearer, sessionTokenCookie } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import { useB2BStack } from '../helpers/b2b-stack.ts';
import {
  grantActive,
  memberStytchRequests,
  proxyMemberAppsPath,
  proxyMemberRevokePath,
  proxyOrganizationAppsPath,
  stytchMemberAppsPath,
  stytchMemberRevokePath,
  stytchOrganizationAppsPath,
} from '../helpers/b2b-world.ts';
import { startProxyStack } from '../helpers/proxy-stack.ts';

const t = useB2BStack();

const api = (path: string, init?: RequestInit) => fetch(`${t.stack.url}${path}`, init);
const post = (path: string, headers: Record<string, string>) =>
  api(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
/** What reached Stytch besides the keys and the RBAC policy (both fetched on the proxy's own schedule). */
const sent = () => memberStytchRequests(t.stack.emulator, { withPolicy: false });
const appIds = async (response: Response) =>
  ((await response.json()) as { connected_apps: { connected_app_id: string }[] }).connected_apps
    .map((app) => app.connected_app_id)
    .sort();

describe('a member revokes their own app', () => {
  it("with a Bearer JWT: 200 with Stytch's body, grant gone, tokens revoked, list updated", async () => {
    const { acme, ada, bob, calendar, notes } = t.world;
    const org = acme.organization_id;
    const before = await api(proxyMemberAppsPath(org, bob.member_id), { headers: bearer(bob.jwt) });
    expect(before.status).toBe(200);
    expect(await appIds(before)).toEqual([calendar, notes].sort());

    const response = await post(proxyMemberRevokePath(org, bob.member_id, notes), bearer(bob.jwt));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['request_id', 'status_code']);
    expect(body).toMatchObject({ status_code: 200, request_id: expect.stringMatching(/^request-id-test-/) });

    const tokens = await t.stack.emulator.control.getMemberTokens(org, bob.member_id, notes);
    expect(tokens.grant_active).toBe(false);
    expect(tokens.tokens.length).toBeGreaterThan(0);
    expect(tokens.tokens.every((token) => token.revoked)).toBe(true);
    const after = await api(proxyMemberAppsPath(org, bob.member_id), { headers: bearer(bob.jwt) });
    expect(await appIds(after)).toEqual([calendar]);
    expect(await grantActive(t.stack.emulator, ada, calendar)).toBe(true);
    expect(await sent()).toEqual([
      `GET ${stytchMemberAppsPath(org, bob.member_id)}`,
      `POST ${stytchMemberRevokePath(org, bob.member_id, notes)}`,
      `GET ${stytchMemberAppsPath(org, bob.member_id)}`,
    ]);
  });

  it('naming the organization and the member by external id: resolved once, the canonical ids forwarded', async () => {
    const { acme, bob, calendar } = t.world;
    const org = acme.organization_id;
    const list = await api(proxyMemberAppsPath(acme.external_id, bob.external_id), {
      headers: bearer(bob.jwt),
    });
    expect(list.status).toBe(200);
    const revoke = await post(
      proxyMemberRevokePath(acme.external_id, bob.external_id, calendar),
      bearer(bob.jwt),
    );
    expect(revoke.status).toBe(200);
    expect(await grantActive(t.stack.emulator, bob, calendar)).toBe(false);
    // Only the caller's own organization and member are looked up, once each (then cached).
    expect(await sent()).toEqual([
      `GET /v1/b2b/organizations/${org}`,
      `GET /v1/b2b/organizations/${org}/member`,
      `GET ${stytchMemberAppsPath(org, bob.member_id)}`,
      `POST ${stytchMemberRevokePath(org, bob.member_id, calendar)}`,
    ]);
  });

  it("naming the organization by the slug in the session's claim needs no lookup", async () => {
    const { acme, bob } = t.world;
    const response = await api(proxyMemberAppsPath(acme.slug, bob.member_id), { headers: bearer(bob.jwt) });
    expect(response.status).toBe(200);
    expect(await sent()).toEqual([`GET ${stytchMemberAppsPath(acme.organization_id, bob.member_id)}`]);
  });

  it('from the browser: the opaque stytch_session cookie and an allowed Origin, confirmed with Stytch once', async () => {
    const { acme, bob, notes } = t.world;
    const org = acme.organization_id;
    for (let i = 0; i < 2; i++) {
      const list = await api(proxyMemberAppsPath(org, bob.member_id), {
        headers: sessionTokenCookie(bob.token),
      });
      expect(list.status).toBe(200);
    }
    const response = await api(proxyMemberRevokePath(org, bob.member_id, notes), {
      method: 'POST',
      headers: { ...sessionTokenCookie(bob.token), origin: ALLOWED_ORIGIN },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(await grantActive(t.stack.emulator, bob, notes)).toBe(false);
    expect(await sent()).toEqual([
      'POST /v1/b2b/sessions/authenticate',
      `GET ${stytchMemberAppsPath(org, bob.member_id)}`,
      `GET ${stytchMemberAppsPath(org, bob.member_id)}`,
      `POST ${stytchMemberRevokePath(org, bob.member_id, notes)}`,
    ]);
  });
});

describe("an organization admin acts on another member's apps", () => {
  it("stytch_admin revokes another member's app; the admin's own grant is untouched", async () => {
    const { acme, ada, bob, calendar } = t.world;
    const response = await post(
      proxyMemberRevokePath(acme.organization_id, bob.member_id, calendar),
      bearer(ada.jwt),
    );
    expect(response.status).toBe(200);
    expect(await grantActive(t.stack.emulator, bob, calendar)).toBe(false);
    expect(await grantActive(t.stack.emulator, ada, calendar)).toBe(true);
    expect(await sent()).toEqual([
      `POST ${stytchMemberRevokePath(acme.organization_id, bob.member_id, calendar)}`,
    ]);
  });

  it("names the member by external id, which Stytch resolves within the admin's organization", async () => {
    const { acme, ada, bob, notes } = t.world;
    const response = await post(proxyMemberRevokePath(acme.slug, bob.external_id, notes), bearer(ada.jwt));
    expect(response.status).toBe(200);
    expect(await grantActive(t.stack.emulator, bob, notes)).toBe(false);
    expect(await sent()).toEqual([
      `POST ${stytchMemberRevokePath(acme.organization_id, bob.external_id, notes)}`,
    ]);
  });

  it('a custom role granting revoke.connected-app on stytch.member may too', async () => {
    const { acme, bob, carol, calendar } = t.world;
    const response = await post(
      proxyMemberRevokePath(acme.organization_id, bob.member_id, calendar),
      bearer(carol.jwt),
    );
    expect(response.status).toBe(200);
    expect(await grantActive(t.stack.emulator, bob, calendar)).toBe(false);
  });

  it("lists the organization's installed apps and one app's members, with Stytch's shapes", async () => {
    const { acme, ada, bob, calendar, notes } = t.world;
    const apps = await api(proxyOrganizationAppsPath(acme.slug), { headers: bearer(ada.jwt) });
    expect(apps.status).toBe(200);
    expect(await appIds(apps)).toEqual([calendar, notes].sort());

    const one = await api(proxyOrganizationAppsPath(acme.organization_id, calendar), {
      headers: bearer(ada.jwt),
    });
    expect(one.status).toBe(200);
    const body = (await one.json()) as {
      connected_app_id: string;
      active_members: { member_id: string; granted_scopes: string[] }[];
    };
    expect(body.connected_app_id).toBe(calendar);
    expect(body.active_members.sort((a, b) => a.member_id.localeCompare(b.member_id))).toEqual(
      [
        { member_id: ada.member_id, granted_scopes: ['openid', 'email'] },
        { member_id: bob.member_id, granted_scopes: ['openid'] },
      ].sort((a, b) => a.member_id.localeCompare(b.member_id)),
    );
    expect(await sent()).toEqual([
      `GET ${stytchOrganizationAppsPath(acme.organization_id)}`,
      `GET ${stytchOrganizationAppsPath(acme.organization_id, calendar)}`,
    ]);
  });
});

describe('member session JWT issuers', () => {
  it('accepts the custom-domain issuer (the configured base URL) as well as stytch.com/{project_id}', async () => {
    const { control, url } = t.stack.emulator;
    const { acme, bob } = t.world;
    await control.configureProject({ custom_domain: url });
    try {
      const session = await control.mintMemberSession({
        organization_id: acme.organization_id,
        member_id: bob.member_id,
        issuer: 'custom_domain',
      });
      const response = await api(proxyMemberAppsPath(acme.organization_id, bob.member_id), {
        headers: bearer(session.session_jwt),
      });
      expect(response.status).toBe(200);
      const stytchIssued = await api(proxyMemberAppsPath(acme.organization_id, bob.member_id), {
        headers: bearer(bob.jwt),
      });
      expect(stytchIssued.status).toBe(200);
    } finally {
      await control.configureProject({ custom_domain: null });
    }
  });

  it.each([
    ['the base URL with a trailing slash', () => `${t.stack.emulator.url}/`],
    ['another base URL', () => 'https://test.stytch.com'],
    ['another project', () => 'stytch.com/project-test-made-up-for-this-test'],
  ])('refuses %s with 401 session_invalid, nothing sent to Stytch', async (_name, iss) => {
    const { acme, bob } = t.world;
    const session = await t.stack.emulator.control.mintMemberSession({
      organization_id: acme.organization_id,
      member_id: bob.member_id,
      claims_override: { iss: iss() },
    });
    await t.stack.emulator.control.clearRequests();
    const response = await api(proxyMemberAppsPath(acme.organization_id, bob.member_id), {
      headers: bearer(session.session_jwt),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error_type: string }).error_type).toBe('session_invalid');
    expect(await sent()).toEqual([]);
  });
});

describe('the request log', () => {
  it("names the route pattern, the member and the member's organization, and no credential", async () => {
    const { acme, bob, notes } = t.world;
    const response = await post(proxyMemberRevokePath(acme.slug, bob.member_id, notes), bearer(bob.jwt));
    expect(response.status).toBe(200);
    const line = t.stack.logs.lines().find((entry) => entry.msg === 'request');
    expect(line).toMatchObject({
      method: 'POST',
      route:
        '/api/v1/b2b/organizations/:organization_id/members/:member_id/connected_apps/:connected_app_id/revoke',
      status: 200,
      user_id: bob.member_id,
      organization_id: acme.organization_id,
      stytch_request_id: expect.stringMatching(/^request-id-test-/),
    });
    expect(t.stack.logs.text()).not.toContain(bob.jwt.split('.')[2]);
  });
});

describe('/readyz of a B2B project', () => {
  it('is ready when the member keys can be had, though the consumer keys cannot; not ready when neither can', async () => {
    const { control } = t.stack.emulator;
    // A B2B project has no consumer keys to fetch: the consumer JWKS answers 404 here, every time.
    await control.injectFault({ path: '/v1/sessions/jwks/*', status: 404, times: 1000 });
    const fresh = await startProxyStack({ UPSTREAM_RETRIES: '0' }, t.stack.emulator);
    try {
      const ready = await fetch(`${fresh.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok' });
      const { requests } = await control.getRequests();
      const consumerKeys = requests.filter((request) => request.path.startsWith('/v1/sessions/jwks/'));
      expect(consumerKeys.length).toBeGreaterThan(0);
      expect(consumerKeys.every((request) => request.status === 404)).toBe(true);
    } finally {
      await fresh.stop();
    }
    await control.injectFault({ path: '/v1/b2b/sessions/jwks/*', status: 404, times: 1000 });
    const neither = await startProxyStack({ UPSTREAM_RETRIES: '0' }, t.stack.emulator);
    try {
      const answer = await fetch(`${neither.url}/readyz`);
      expect(answer.status).toBe(503);
      expect(((await answer.json()) as { error_type: string }).error_type).toBe('not_ready');
    } finally {
      await neither.stop();
      await control.clearFaults();
    }
  });
});
