import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROXY_ROUTES, stytchPath } from '@connected-apps/core/wire';
import {
  bearer,
  countRequests,
  injectListFault,
  injectRevokeFault,
  PROXY_BASE_PATH,
  seedUser,
  seedWorld,
  startStack,
  stytchRevokePath,
  type World,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RevokedEvent } from '../../src/audit/revocation-audit.ts';
import { type RunningProxy, startProxy } from '../../src/server/start-proxy.ts';
import { revoke, sqliteRows, useTempDir } from '../helpers/audit-rows.ts';
import type { ProxyStack } from '../helpers/proxy-stack.ts';

const dir = useTempDir();
const dbPath = () => join(dir(), 'audit.db');
const events: RevokedEvent[] = [];
let failNextEvent = false;
let stack: ProxyStack;
let world: World;

beforeAll(async () => {
  stack = await startStack({
    startProxy: (env, options) =>
      startProxy(env, {
        ...options,
        onRevoked: (event) => {
          events.push(event);
          if (failNextEvent) {
            failNextEvent = false;
            throw new Error('the mailer is down');
          }
        },
      }) as Promise<RunningProxy>,
    env: {
      AUDIT_DATABASE_URL: `file:${dbPath()}`,
      AUDIT_SPOOL_DIR: join(dir(), 'spool'),
      UPSTREAM_RETRIES: '0',
    },
  });
});
beforeEach(async () => {
  world = await seedWorld(stack.emulator);
  stack.logs.clear();
  events.length = 0;
});
afterAll(() => stack?.stop());

const rowsOf = (requestId: string | null) =>
  sqliteRows(dbPath()).filter((row) => row.request_id === requestId);

describe('audit trail (SQLite): one row per revoke attempt that reached authorization', () => {
  it('records the attempt before Stytch is called, then its outcome with both request ids, who, whose and from where', async () => {
    const { alice, calendar } = world;
    await injectRevokeFault(stack.emulator.control, alice.user_id, calendar, { latency_ms: 400 });
    const answer = revoke(stack.url, alice.user_id, calendar, alice.jwt);
    // While the revoke sits in Stytch, its row is already committed, outcome unknown.
    await vi.waitFor(
      async () =>
        expect(
          await countRequests(stack.emulator.control, 'POST', stytchRevokePath(alice.user_id, calendar)),
        ).toBe(1),
      { timeout: 3000, interval: 20 },
    );
    const inFlight = sqliteRows(dbPath()).filter((row) => row.connected_app_id === calendar);
    expect(inFlight).toEqual([expect.objectContaining({ outcome: 'pending', status_code: null })]);

    const { status, requestId, body } = await answer;
    expect(status).toBe(200);
    const [row, ...more] = rowsOf(requestId);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      request_id: requestId,
      stytch_request_id: body.request_id,
      action: 'revoke',
      connected_app_id: calendar,
      outcome: 'revoked',
      status_code: 200,
      error_type: null,
      actor_user_id: alice.user_id,
      actor_as_admin: 0,
      subject_user_id: alice.user_id,
      user_agent: 'audit-test/1.0',
    });
    expect(row?.stytch_request_id).toMatch(/^request-id-test-/);
    expect(row?.actor_session_id).toMatch(/^session-test-/);
    expect(row?.client_address).toMatch(/127\.0\.0\.1$/);
    // Within a second of the answer: the attempt's time, not the epoch or a default.
    expect(Math.abs(Number(row?.occurred_at) - Date.now())).toBeLessThan(5000);
    // onRevoked runs once the answer is on its way.
    await vi.waitFor(() =>
      expect(events.map((event) => [event.request_id, event.connected_app_id, event.recorded])).toEqual([
        [requestId, calendar, 'database'],
      ]),
    );
  });

  it('records a refused attempt (nothing sent to Stytch) and a failed one with Stytch’s error', async () => {
    const { alice, bob, calendar } = world;
    const refused = await revoke(stack.url, alice.user_id, calendar, bob.jwt);
    expect(refused.status).toBe(403);
    expect(await stack.stytchRequests()).toEqual([]);
    expect(rowsOf(refused.requestId)).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        status_code: 403,
        error_type: 'user_forbidden',
        actor_user_id: bob.user_id,
        actor_as_admin: 0,
        subject_user_id: alice.user_id,
        connected_app_id: calendar,
        stytch_request_id: null,
      }),
    ]);

    const unknown = await revoke(stack.url, alice.user_id, 'connected-app-test-never-granted', alice.jwt);
    expect(unknown.status).toBe(404);
    expect(rowsOf(unknown.requestId)).toEqual([
      expect.objectContaining({
        outcome: 'failed',
        status_code: 404,
        error_type: 'connected_app_not_found',
        stytch_request_id: unknown.body.request_id,
      }),
    ]);
    expect(events).toEqual([]);
  });

  it("marks an admin's revoke of another user's app as acting as admin", async () => {
    const { admin, bob, calendar } = world;
    const { status, requestId } = await revoke(stack.url, bob.user_id, calendar, admin.jwt);
    expect(status).toBe(200);
    expect(rowsOf(requestId)).toEqual([
      expect.objectContaining({
        actor_user_id: admin.user_id,
        actor_as_admin: 1,
        subject_user_id: bob.user_id,
      }),
    ]);
  });

  it('records revoke-all as one row per app attempted, and a failed listing as one row without an app', async () => {
    const user = await seedUser(stack.emulator.control, ['One', 'Two', 'Three']);
    const path = `${PROXY_BASE_PATH}${stytchPath(PROXY_ROUTES.usersRevokeAll.template, { user_id: user.user_id })}`;
    const all = await fetch(`${stack.url}${path}`, { method: 'POST', headers: bearer(user.session_jwt) });
    expect(all.status).toBe(200);
    const requestId = all.headers.get('x-request-id');
    const rows = rowsOf(requestId);
    expect(rows.map((row) => row.connected_app_id).sort()).toEqual(
      user.apps.map((app) => app.connected_app_id).sort(),
    );
    expect(rows.every((row) => row.action === 'revoke_all' && row.outcome === 'revoked')).toBe(true);
    expect(new Set(rows.map((row) => row.stytch_request_id)).size).toBe(3);
    await vi.waitFor(() => expect(events.filter((event) => event.request_id === requestId)).toHaveLength(3));

    await injectListFault(stack.emulator.control, world.alice.user_id, { status: 500 });
    const failed = await fetch(
      `${stack.url}${PROXY_BASE_PATH}${stytchPath(PROXY_ROUTES.usersRevokeAll.template, { user_id: world.alice.user_id })}`,
      {
        method: 'POST',
        headers: bearer(world.alice.jwt),
      },
    );
    expect(failed.status).toBe(500);
    expect(rowsOf(failed.headers.get('x-request-id'))).toEqual([
      expect.objectContaining({
        action: 'revoke_all',
        connected_app_id: '',
        outcome: 'failed',
        status_code: 500,
        error_type: 'internal_server_error',
      }),
    ]);
  });

  it('logs a failing onRevoked and answers as if nothing happened', async () => {
    failNextEvent = true;
    const { status } = await revoke(stack.url, world.alice.user_id, world.notes, world.alice.jwt);
    expect(status).toBe(200);
    await vi.waitFor(() =>
      expect(stack.logs.lines()).toContainEqual(
        expect.objectContaining({
          msg: 'onRevoked failed',
          cause: 'Error: the mailer is down',
          level: 'error',
        }),
      ),
    );
    expect(events).toHaveLength(1);
  });

  it('keeps no token, cookie or secret in the database', async () => {
    const { alice } = world;
    await revoke(stack.url, alice.user_id, world.calendar, alice.jwt);
    const files = readdirSync(dir()).filter((name) => name.startsWith('audit.db'));
    const bytes = files.map((name) => readFileSync(join(dir(), name), 'latin1')).join('');
    expect(bytes).toContain(alice.user_id);
    expect(bytes).not.toContain(alice.jwt);
    expect(bytes).not.toContain(alice.jwt.split('.')[2]);
    expect(bytes).not.toContain(stack.emulator.secret);
  });
});
