import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearer } from '../http/credentials.ts';
import { postRevoke } from '../http/post-revoke.ts';
import { proxyListPath, proxyRevokePath, stytchRevokePath } from '../paths/paths.ts';
import { quietPeriod } from '../requests/count-requests.ts';
import { seedWorld, type World } from '../seed/seed-world.ts';
import { type RunningProxyLike, type Stack, type StartProxy, startStack } from '../stack/start-stack.ts';

/** The JSON content type a revoke is sent with. */
export const JSON_CONTENT = { 'content-type': 'application/json' } as const;

/** What {@link describeMountedProxy} gives the example's own tests; read it inside a test. */
export interface MountedProxy<Proxy extends RunningProxyLike> {
  /** The emulator and the example's app with the proxy in it, one for the file. */
  readonly stack: Stack<Proxy>;
  /** Seeded anew before each test. */
  readonly world: World;
  /** Whether `user_id`'s grant of `app_id` is still active at Stytch. */
  grantActive(user_id: string, app_id: string): Promise<boolean>;
}

/** A revoke body the proxy must refuse: what it is, its headers, the rest of fetch's init, the answer. */
export type RefusedBody = [
  label: string,
  headers: Record<string, string>,
  init: { body: BodyInit; duplex?: 'half' },
  status: number,
  error_type: string,
];

/**
 * The tests every example that mounts the proxy under `/api` of a Node app passes (Express, Fastify,
 * Hono): the app keeps its own routes, list and revoke reach Stytch, another user's id is a 403 with
 * nothing sent, an unknown path under `/api` is the proxy's own 404. Registers the file's hooks (one
 * stack from `startProxy`, the world seeded before each test) and a `describe` of those tests.
 *
 * @example
 * const mounted = describeMountedProxy('Express', startExpressApp);
 * it('…', async () => { await fetch(mounted.stack.url); });
 */
export function describeMountedProxy<Proxy extends RunningProxyLike>(
  framework: string,
  startProxy: StartProxy<Proxy>,
): MountedProxy<Proxy> {
  let stack: Stack<Proxy> | undefined;
  let world: World | undefined;
  beforeAll(async () => {
    stack = await startStack({ startProxy });
  });
  beforeEach(async () => {
    world = await seedWorld(started().emulator);
  });
  afterAll(() => stack?.stop());

  const started = () => {
    if (!stack) throw new Error('The stack is started in beforeAll: read it inside a test.');
    return stack;
  };
  const mounted: MountedProxy<Proxy> = {
    get stack() {
      return started();
    },
    get world() {
      if (!world) throw new Error('The world is seeded in beforeEach: read it inside a test.');
      return world;
    },
    grantActive: async (user_id, app_id) =>
      (await started().emulator.control.getTokens(user_id, app_id)).grant_active,
  };

  describe(`the proxy mounted under /api in ${framework}`, () => {
    it("leaves the app's own routes, and a JSON body sent to them, to the app", async () => {
      const { url } = mounted.stack;
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(await home.json()).toEqual({ page: 'home' });
      const note = await fetch(`${url}/notes`, {
        method: 'POST',
        headers: JSON_CONTENT,
        body: '{"text":"hi"}',
      });
      expect(note.status).toBe(201);
      expect(await note.json()).toEqual({ saved: { text: 'hi' } });
    });

    it(`lists and revokes through ${framework}: the grant is gone at Stytch`, async () => {
      const { stack, world } = mounted;
      const { alice, calendar } = world;
      const list = await fetch(`${stack.url}${proxyListPath(alice.user_id)}`, { headers: bearer(alice.jwt) });
      expect(list.status).toBe(200);
      const { connected_apps } = (await list.json()) as { connected_apps: { connected_app_id: string }[] };
      expect(connected_apps.map((app) => app.connected_app_id)).toContain(calendar);

      const revoke = await postRevoke(stack.url, alice.user_id, calendar, alice.jwt);
      expect(revoke.status).toBe(200);
      expect(revoke.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await mounted.grantActive(alice.user_id, calendar)).toBe(false);
      expect(await stack.stytchRequests()).toContain(`POST ${stytchRevokePath(alice.user_id, calendar)}`);
    });

    it("refuses another user's id with 403 and sends nothing to Stytch", async () => {
      const { stack, world } = mounted;
      const { alice, bob, calendar } = world;
      const response = await postRevoke(stack.url, bob.user_id, calendar, alice.jwt);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ status_code: 403, error_type: 'user_forbidden' });
      await quietPeriod();
      expect(await stack.stytchRequests()).toEqual([]);
      expect(await mounted.grantActive(bob.user_id, calendar)).toBe(true);
    });

    it('answers a path under /api that is not a route with its own 404', async () => {
      const { stack, world } = mounted;
      const response = await fetch(`${stack.url}/api/v1/nothing-here`, { headers: bearer(world.alice.jwt) });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error_type: 'route_not_found' });
    });
  });

  return mounted;
}

/**
 * One test per body: Alice's revoke of her calendar sent with it is refused with `status` and
 * `error_type`, nothing reaches Stytch and the grant stays. Call it inside the example's `describe`.
 */
export function itRefusesEachBody<Proxy extends RunningProxyLike>(
  mounted: MountedProxy<Proxy>,
  bodies: RefusedBody[],
): void {
  it.each(bodies)(
    'refuses %s and sends nothing to Stytch',
    async (_label, headers, init, status, error_type) => {
      const { stack, world } = mounted;
      const { alice, calendar } = world;
      const response = await fetch(`${stack.url}${proxyRevokePath(alice.user_id, calendar)}`, {
        method: 'POST',
        headers: { ...bearer(alice.jwt), ...headers },
        ...init,
      } as RequestInit);
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ status_code: status, error_type });
      await quietPeriod();
      expect(await stack.stytchRequests()).toEqual([]);
      expect(await mounted.grantActive(alice.user_id, calendar)).toBe(true);
    },
  );
}
