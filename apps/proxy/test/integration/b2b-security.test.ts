import {
  ALLOWED_ORIGIN,
  bearer,
  rawRequest,
  sessionJwtCookie,
  withEditedOrganizationClaim,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useB2BStack } from '../helpers/b2b-stack.ts';
import {
  grantActive,
  memberStytchRequests,
  proxyMemberAppsPath,
  proxyMemberRevokePath,
  proxyOrganizationAppsPath,
  type SeededMember,
} from '../helpers/b2b-world.ts';
import { type ProxyStack, startProxyStack } from '../helpers/proxy-stack.ts';

const t = useB2BStack();

/** Stytch's member and organization connected-apps endpoints: what a refusal must never reach. */
const CONNECTED_APPS_CALL = /\/connected_apps(\/|$)/;

interface Attempt {
  method?: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Sends `attempt` over raw HTTP (the path exactly as written) and checks the refusal: its status and
 * Stytch-shaped error, that nothing reached Stytch's connected-apps endpoints (`lookups` lists the only
 * other calls allowed: the caller's own organization or member), and that `grant` is still active.
 */
async function expectRefused(
  attempt: Attempt,
  status: number,
  errorType: string,
  grant: { who: SeededMember; app: string },
  lookups: string[] = [],
) {
  const response = await rawRequest(
    t.stack.url,
    attempt.method ?? 'POST',
    attempt.path,
    attempt.headers,
    attempt.body,
  );
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({ status_code: status, error_type: errorType });
  expect(response.body.request_id).toBe(response.headers['x-request-id']);
  const sent = await memberStytchRequests(t.stack.emulator, { withPolicy: false });
  expect(sent.filter((line) => CONNECTED_APPS_CALL.test(line))).toEqual([]);
  expect(sent).toEqual(lookups);
  expect(await grantActive(t.stack.emulator, grant.who, grant.app)).toBe(true);
  return response;
}

const revokeOf = (organization: string, member: string, app: string, headers: Record<string, string>) => ({
  path: proxyMemberRevokePath(organization, member, app),
  headers: { ...headers, 'content-type': 'application/json' },
  body: '{}',
});

describe("a member without the stytch.member permission, on another member's apps", () => {
  it("revoking another member's app → 403 member_forbidden, nothing sent", async () => {
    const { acme, ada, bob, calendar } = t.world;
    await expectRefused(
      revokeOf(acme.organization_id, ada.member_id, calendar, bearer(bob.jwt)),
      403,
      'member_forbidden',
      {
        who: ada,
        app: calendar,
      },
    );
  });

  it("listing another member's apps, or the organization's → 403 member_forbidden", async () => {
    const { acme, ada, bob, calendar } = t.world;
    const grant = { who: ada, app: calendar };
    const headers = bearer(bob.jwt);
    await expectRefused(
      { method: 'GET', path: proxyMemberAppsPath(acme.organization_id, ada.member_id), headers },
      403,
      'member_forbidden',
      grant,
    );
    await expectRefused(
      { method: 'GET', path: proxyOrganizationAppsPath(acme.organization_id), headers },
      403,
      'member_forbidden',
      grant,
    );
    await expectRefused(
      { method: 'GET', path: proxyOrganizationAppsPath(acme.organization_id, calendar), headers },
      403,
      'member_forbidden',
      grant,
    );
  });

  it("naming another member by an external id → 403 after looking up only the caller's own member", async () => {
    const { acme, ada, bob, calendar } = t.world;
    await expectRefused(
      revokeOf(acme.organization_id, 'ada-ext', calendar, bearer(bob.jwt)),
      403,
      'member_forbidden',
      { who: ada, app: calendar },
      [`GET /v1/b2b/organizations/${acme.organization_id}/member`],
    );
  });
});

describe('nothing crosses organizations', () => {
  // Gina is Globex's admin: her roles would allow any member's apps, in Globex.
  it.each([
    ['id', () => t.world.acme.organization_id, () => []],
    // A slug or external id is compared with the caller's own organization's, looked up (once).
    ['slug', () => t.world.acme.slug, () => [`GET /v1/b2b/organizations/${t.world.globex.organization_id}`]],
    [
      'external id',
      () => t.world.acme.external_id,
      () => [`GET /v1/b2b/organizations/${t.world.globex.organization_id}`],
    ],
  ])(
    'an admin of org B naming org A by %s → 403 organization_forbidden, nothing sent',
    async (_by, org, lookups) => {
      const { bob, gina, calendar } = t.world;
      const grant = { who: bob, app: calendar };
      await expectRefused(
        revokeOf(org(), bob.member_id, calendar, bearer(gina.jwt)),
        403,
        'organization_forbidden',
        grant,
        lookups(),
      );
      await t.stack.emulator.control.clearRequests();
      await expectRefused(
        { method: 'GET', path: proxyMemberAppsPath(org(), bob.member_id), headers: bearer(gina.jwt) },
        403,
        'organization_forbidden',
        grant,
        // The lookup of the caller's own organization is cached by now.
      );
      await expectRefused(
        { method: 'GET', path: proxyOrganizationAppsPath(org()), headers: bearer(gina.jwt) },
        403,
        'organization_forbidden',
        grant,
      );
    },
  );

  it("an admin naming another organization's member under their own organization reaches only their own organization", async () => {
    const { acme, ada, gina, calendar } = t.world;
    const response = await fetch(
      `${t.stack.url}${proxyMemberRevokePath(acme.organization_id, gina.member_id, calendar)}`,
      {
        method: 'POST',
        headers: bearer(ada.jwt),
      },
    );
    // Stytch looks the member up within Acme, where there is none.
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error_type: string }).error_type).toBe('member_not_found');
    expect(await grantActive(t.stack.emulator, gina, calendar)).toBe(true);
  });

  it('a JWT whose organization claim was edited → 401 session_invalid (the signature covers it)', async () => {
    const { acme, bob, gina, calendar } = t.world;
    const edited = withEditedOrganizationClaim(gina.jwt, {
      organization_id: acme.organization_id,
      slug: acme.slug,
    });
    await expectRefused(
      revokeOf(acme.organization_id, bob.member_id, calendar, bearer(edited)),
      401,
      'session_invalid',
      {
        who: bob,
        app: calendar,
      },
    );
  });
});

describe('member sessions', () => {
  it('no session → 401 session_required; an unusable one → 401 session_invalid', async () => {
    const { acme, bob, calendar } = t.world;
    const grant = { who: bob, app: calendar };
    await expectRefused(
      revokeOf(acme.organization_id, bob.member_id, calendar, {}),
      401,
      'session_required',
      grant,
    );
    await expectRefused(
      revokeOf(acme.organization_id, bob.member_id, calendar, { authorization: 'Basic abc' }),
      401,
      'session_invalid',
      grant,
    );
  });

  it.each([
    [
      "a consumer user's session JWT (no organization claim)",
      async () => {
        const { control } = t.stack.emulator;
        const user = await control.createUser({ name: 'Uma User' });
        return (await control.mintSession({ user_id: user.user_id })).session_jwt;
      },
    ],
    [
      'an expired member JWT',
      async () => {
        const now = Math.floor(Date.now() / 1000);
        const { session_jwt } = await t.stack.emulator.control.mintMemberSession({
          organization_id: t.world.acme.organization_id,
          member_id: t.world.bob.member_id,
          claims_override: { iat: now - 900, nbf: now - 900, exp: now - 600 },
        });
        return session_jwt;
      },
    ],
  ])('%s → 401 session_invalid', async (_name, mint) => {
    const { acme, bob, calendar } = t.world;
    const jwt = await mint();
    await t.stack.emulator.control.clearRequests();
    await expectRefused(
      revokeOf(acme.organization_id, bob.member_id, calendar, bearer(jwt)),
      401,
      'session_invalid',
      { who: bob, app: calendar },
    );
  });

  it('a cookie-authenticated revoke without an allowed Origin → 403 origin_forbidden', async () => {
    const { acme, bob, calendar } = t.world;
    const grant = { who: bob, app: calendar };
    const cookie = sessionJwtCookie(bob.jwt);
    await expectRefused(
      revokeOf(acme.organization_id, bob.member_id, calendar, cookie),
      403,
      'origin_forbidden',
      grant,
    );
    await expectRefused(
      revokeOf(acme.organization_id, bob.member_id, calendar, { ...cookie, origin: 'https://evil.example' }),
      403,
      'origin_forbidden',
      grant,
    );
    const allowed = await rawRequest(
      t.stack.url,
      'POST',
      proxyMemberRevokePath(acme.organization_id, bob.member_id, calendar),
      { ...cookie, origin: ALLOWED_ORIGIN },
    );
    expect(allowed.status).toBe(200);
  });
});

describe('bad input is refused before anything else', () => {
  const bobHeaders = () => bearer(t.world.bob.jwt);
  const base = () => `/api/v1/b2b/organizations/${t.world.acme.organization_id}`;

  it.each([
    [
      'organization_id ..',
      () => `/api/v1/b2b/organizations/%2e%2e/members/${t.world.bob.member_id}/connected_apps`,
      'invalid_organization_id',
    ],
    [
      'organization_id with an encoded slash',
      () => '/api/v1/b2b/organizations/a%2Fb/connected_apps',
      'invalid_organization_id',
    ],
    ['member_id with an encoded slash', () => `${base()}/members/a%2Fb/connected_apps`, 'invalid_member_id'],
    ['member_id double-encoded', () => `${base()}/members/a%252Fb/connected_apps`, 'invalid_member_id'],
    [
      'member_id of 129 characters',
      () => `${base()}/members/${'m'.repeat(129)}/connected_apps`,
      'invalid_member_id',
    ],
    ['connected_app_id ..', () => `${base()}/connected_apps/%2E%2E`, 'invalid_connected_app_id'],
  ])('%s → 400', async (_name, path, errorType) => {
    const { bob, calendar } = t.world;
    await expectRefused({ method: 'GET', path: path(), headers: bobHeaders() }, 400, errorType, {
      who: bob,
      app: calendar,
    });
  });

  it('an empty segment or dot segments match no route → 404 route_not_found', async () => {
    const { bob, calendar } = t.world;
    const grant = { who: bob, app: calendar };
    await expectRefused(
      { method: 'GET', path: `${base()}/members//connected_apps`, headers: bobHeaders() },
      400,
      'invalid_member_id',
      grant,
    );
    await expectRefused(
      {
        method: 'GET',
        path: `${base()}/members/x/../${bob.member_id}/connected_apps`,
        headers: bobHeaders(),
      },
      404,
      'route_not_found',
      grant,
    );
    await expectRefused(
      { method: 'GET', path: `${base()}/members`, headers: bobHeaders() },
      404,
      'route_not_found',
      grant,
    );
  });

  it.each([
    [
      'DELETE on revoke',
      'DELETE',
      () => proxyMemberRevokePath(t.world.acme.organization_id, t.world.bob.member_id, t.world.calendar),
      'POST',
    ],
    [
      'GET on revoke',
      'GET',
      () => proxyMemberRevokePath(t.world.acme.organization_id, t.world.bob.member_id, t.world.calendar),
      'POST',
    ],
    [
      'POST on a member list',
      'POST',
      () => proxyMemberAppsPath(t.world.acme.organization_id, t.world.bob.member_id),
      'GET, HEAD',
    ],
    [
      'POST on the organization list',
      'POST',
      () => proxyOrganizationAppsPath(t.world.acme.organization_id),
      'GET, HEAD',
    ],
    [
      'PUT on one app',
      'PUT',
      () => proxyOrganizationAppsPath(t.world.acme.organization_id, t.world.calendar),
      'GET, HEAD',
    ],
  ])('%s → 405 with Allow', async (_name, method, path, allow) => {
    const { bob, calendar } = t.world;
    const response = await expectRefused(
      { method, path: path(), headers: bobHeaders() },
      405,
      'method_not_allowed',
      {
        who: bob,
        app: calendar,
      },
    );
    expect(response.headers.allow).toBe(allow);
  });

  it.each([
    ['a non-empty JSON object', 'application/json', '{"scopes":["openid"]}', 400, 'bad_request'],
    ['malformed JSON', 'application/json', '{', 400, 'bad_request'],
    ['a body that is not JSON', 'text/plain', 'revoke', 415, 'unsupported_media_type'],
    ['a body over 1 KiB', 'application/json', `{"pad":"${'x'.repeat(1100)}"}`, 413, 'payload_too_large'],
  ])('a revoke with %s', async (_name, type, body, status, errorType) => {
    const { acme, bob, calendar } = t.world;
    await expectRefused(
      {
        path: proxyMemberRevokePath(acme.organization_id, bob.member_id, calendar),
        headers: { ...bobHeaders(), 'content-type': type },
        body,
      },
      status,
      errorType,
      { who: bob, app: calendar },
    );
  });
});

describe('per-member rate limit', () => {
  let limited: ProxyStack;
  beforeAll(async () => {
    limited = await startProxyStack({ RATE_LIMIT_PER_USER: '2' }, t.stack.emulator);
  });
  afterAll(() => limited.stop());

  it("counts each member's requests apart, before authorization, with Retry-After", async () => {
    const { acme, ada, bob } = t.world;
    const list = (who: SeededMember, member = who.member_id) =>
      fetch(`${limited.url}${proxyMemberAppsPath(acme.organization_id, member)}`, {
        headers: bearer(who.jwt),
      });
    expect((await list(bob)).status).toBe(200);
    // A refused probe of another member's apps spends the prober's own budget.
    expect((await list(bob, ada.member_id)).status).toBe(403);
    const third = await list(bob);
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error_type: string }).error_type).toBe('too_many_requests');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await list(ada)).status).toBe(200);
  });
});
