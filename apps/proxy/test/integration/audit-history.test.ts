import type { Revocation } from '@connected-apps/core/wire';
import {
  ALLOWED_ORIGIN,
  bearer,
  type SeededUser,
  seedUser,
  seedWorld,
  sessionJwtCookie,
  type World,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { historyPath, readHistory, revoke, useTempDir } from '../helpers/audit-rows.ts';
import { useCountedHistoryStack } from '../helpers/counted-history-stack.ts';
import { type ProxyStack, startProxyStack } from '../helpers/proxy-stack.ts';

const dir = useTempDir();
const t = useCountedHistoryStack(dir);
let stack: ProxyStack;
let world: World;
beforeEach(async () => {
  stack = t.stack;
  world = await seedWorld(stack.emulator);
});

const appIds = (revocations: Revocation[]) => revocations.map((row) => row.connected_app_id);

/** A user who granted `count` apps and revoked them all, one after the other (oldest first). */
async function userWithRevocations(count: number): Promise<SeededUser> {
  const user = await seedUser(
    stack.emulator.control,
    Array.from({ length: count }, (_, i) => `App ${i}`),
  );
  for (const app of user.apps) {
    expect((await revoke(stack.url, user.user_id, app.connected_app_id, user.session_jwt)).status).toBe(200);
  }
  return user;
}

describe('GET {base}/v1/users/{user_id}/connected_apps/revocations (proxy only)', () => {
  it("answers the user's own history, newest first, in Stytch's envelope", async () => {
    const { alice, calendar, notes } = world;
    await revoke(stack.url, alice.user_id, calendar, alice.jwt);
    await revoke(stack.url, alice.user_id, notes, alice.jwt);
    const response = await fetch(`${stack.url}${historyPath(alice.user_id)}`, { headers: bearer(alice.jwt) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { revocations: Revocation[] } & Record<string, unknown>;
    expect(body.request_id).toBe(response.headers.get('x-request-id'));
    expect(body.status_code).toBe(200);
    expect(body.next_cursor).toBeNull();
    expect(appIds(body.revocations)).toEqual([notes, calendar]);
    expect(body.revocations[0]).toMatchObject({
      action: 'revoke',
      outcome: 'revoked',
      status_code: 200,
      error_type: null,
      actor: { user_id: alice.user_id, member_id: null, as_admin: false },
      subject: { user_id: alice.user_id, organization_id: null, member_id: null },
      user_agent: 'audit-test/1.0',
    });
    expect(body.revocations[0]?.stytch_request_id).toMatch(/^request-id-test-/);
    expect(Date.parse(body.revocations[0]?.occurred_at ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it("refuses another user's history with 403 and reads nothing; an admin reads anyone's", async () => {
    const { alice, bob, admin, calendar } = world;
    await revoke(stack.url, alice.user_id, calendar, alice.jwt);
    const refused = await readHistory(stack.url, alice.user_id, bob.jwt);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ status_code: 403, error_type: 'user_forbidden' });
    expect(t.historyReads).toBe(0);

    const asAdmin = await readHistory(stack.url, alice.user_id, admin.jwt);
    expect(asAdmin.status).toBe(200);
    expect(appIds(asAdmin.body.revocations)).toEqual([calendar]);
    expect(t.historyReads).toBe(1);
  });

  it("includes the refused attempts on the user's apps, from whoever made them", async () => {
    const { alice, bob, calendar } = world;
    await revoke(stack.url, alice.user_id, calendar, bob.jwt);
    const { body } = await readHistory(stack.url, alice.user_id, alice.jwt);
    expect(body.revocations).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        status_code: 403,
        error_type: 'user_forbidden',
        actor: expect.objectContaining({ user_id: bob.user_id }),
      }),
    ]);
  });

  it('pages by cursor without repeating or skipping a row while new rows arrive', async () => {
    const user = await userWithRevocations(11);
    const existing = [...user.apps].reverse().map((app) => app.connected_app_id);
    const late = await seedUser(stack.emulator.control, ['Late 1', 'Late 2', 'Late 3']);
    // The late apps are granted to `late`; grant them to `user` as well, so revoking them lands in `user`'s history.
    for (const app of late.apps) {
      await stack.emulator.control.createGrant({
        user_id: user.user_id,
        connected_app_id: app.connected_app_id,
        scopes: ['openid'],
      });
    }

    const seen: (string | null)[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await readHistory(stack.url, user.user_id, user.session_jwt, {
        limit: 4,
        ...(cursor === undefined ? {} : { cursor }),
      });
      expect(status).toBe(200);
      expect(body.revocations.length).toBeLessThanOrEqual(4);
      seen.push(...appIds(body.revocations));
      // A revoke lands between every two pages.
      const next = late.apps[pages];
      if (next !== undefined) await revoke(stack.url, user.user_id, next.connected_app_id, user.session_jwt);
      cursor = body.next_cursor ?? undefined;
      pages++;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(existing);

    // A fresh first page starts with what arrived meanwhile, newest first.
    const { body } = await readHistory(stack.url, user.user_id, user.session_jwt, { limit: 4 });
    expect(appIds(body.revocations)).toEqual([
      ...[...late.apps].reverse().map((app) => app.connected_app_id),
      existing[0],
    ]);
  });

  it.each([
    ['limit=0', { limit: 0 }, 'limit must be an integer from 1 to 100.'],
    ['limit=101', { limit: 101 }, 'limit must be an integer from 1 to 100.'],
    ['limit=ten', { limit: 'ten' }, 'limit must be an integer from 1 to 100.'],
    [
      'a cursor it never gave',
      { cursor: 'bm90LWEtY3Vyc29y' },
      'cursor is not a next_cursor this proxy gave.',
    ],
  ])('refuses %s with 400 bad_request', async (_name, query, message) => {
    const { status, body } = await readHistory(stack.url, world.alice.user_id, world.alice.jwt, query);
    expect(status).toBe(400);
    expect(body).toMatchObject({ status_code: 400, error_type: 'bad_request', error_message: message });
  });

  it('takes the list route’s checks: a session is required, cookie GETs need no Origin, only GET and HEAD', async () => {
    const { alice } = world;
    const path = `${stack.url}${historyPath(alice.user_id)}`;
    const none = await fetch(path);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error_type: string }).error_type).toBe('session_required');
    const viaCookie = await fetch(path, {
      headers: { ...sessionJwtCookie(alice.jwt), origin: ALLOWED_ORIGIN },
    });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const post = await fetch(path, { method: 'POST', headers: bearer(alice.jwt) });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the revocation history without an audit trail', () => {
  let plain: ProxyStack;
  beforeAll(async () => {
    plain = await startProxyStack({}, stack.emulator);
  });
  afterAll(() => plain?.stop());

  it('answers 404 audit_trail_disabled to the user, after the same checks (403 for another user)', async () => {
    const { alice, bob } = world;
    const own = await readHistory(plain.url, alice.user_id, alice.jwt);
    expect(own.status).toBe(404);
    expect(own.body).toMatchObject({ status_code: 404, error_type: 'audit_trail_disabled' });
    expect((await readHistory(plain.url, alice.user_id, bob.jwt)).status).toBe(403);
  });
});
