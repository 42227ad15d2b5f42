import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { PROXY_ROUTES, stytchPath, type UsersRevocationsResponse } from '@connected-apps/core/wire';
import type { ControlClient } from '@connected-apps/stytch-emulator';
import { bearer, PROXY_BASE_PATH, proxyRevokePath, type SeededUser, seedUser } from '@connected-apps/testkit';
import pg from 'pg';
import { afterAll } from 'vitest';

/** A row of `audit_revocations` as the database holds it, read with plain SQL (not the proxy's code). */
export interface AuditRow {
  id: number;
  occurred_at: number | Date;
  request_id: string;
  connected_app_id: string;
  action: string;
  outcome: string;
  status_code: number | null;
  error_type: string | null;
  stytch_request_id: string | null;
  actor_user_id: string | null;
  actor_session_id: string | null;
  actor_as_admin: number | boolean;
  subject_user_id: string | null;
  client_address: string | null;
  user_agent: string | null;
}

/** Every row of a SQLite audit file, oldest id first, through a read-only connection of its own. */
export function sqliteRows(path: string): AuditRow[] {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return db.prepare('SELECT * FROM audit_revocations ORDER BY id').all() as unknown as AuditRow[];
  } finally {
    db.close();
  }
}

/** Every row of a PostgreSQL audit database, oldest id first, through a client of its own. */
export async function postgresRows(url: string): Promise<AuditRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT * FROM audit_revocations ORDER BY id');
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  } finally {
    await client.end();
  }
}

/** A temp directory for the test file, deleted after it. */
export function useTempDir(prefix = 'audit-'): () => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** The proxy's path of a user's revocation history, with a query. */
export function historyPath(user_id: string, query: Record<string, string | number> = {}): string {
  const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
  const path = `${PROXY_BASE_PATH}${stytchPath(PROXY_ROUTES.usersRevocations.template, { user_id })}`;
  return search.size === 0 ? path : `${path}?${search}`;
}

/** Reads a history page as `jwt`'s holder. */
export async function readHistory(
  baseUrl: string,
  user_id: string,
  jwt: string,
  query: Record<string, string | number> = {},
): Promise<{ status: number; body: UsersRevocationsResponse & { error_type?: string } }> {
  const response = await fetch(`${baseUrl}${historyPath(user_id, query)}`, { headers: bearer(jwt) });
  return { status: response.status, body: (await response.json()) as never };
}

/** Revokes as `jwt`'s holder, with a recognisable user agent; resolves with the status and request ids. */
export async function revoke(
  baseUrl: string,
  user_id: string,
  connected_app_id: string,
  jwt: string,
): Promise<{ status: number; requestId: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}${proxyRevokePath(user_id, connected_app_id)}`, {
    method: 'POST',
    headers: { ...bearer(jwt), 'user-agent': 'audit-test/1.0' },
  });
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** `users` seeded users, each having granted `apps` apps: one revoke to make per (user, app) pair. */
export async function seedGrants(
  control: ControlClient,
  users: number,
  apps: number,
): Promise<{ user: SeededUser; app_id: string }[]> {
  const seeded: SeededUser[] = [];
  for (let i = 0; i < users; i++) {
    seeded.push(
      await seedUser(
        control,
        Array.from({ length: apps }, (_, n) => `App ${n}`),
      ),
    );
  }
  return seeded.flatMap((user) => user.apps.map((app) => ({ user, app_id: app.connected_app_id })));
}

/** The revokes the emulator applied (answered 200), as wire paths. */
export async function appliedRevokes(control: ControlClient): Promise<string[]> {
  const { requests } = await control.getRequests();
  return requests
    .filter(
      (request) => request.method === 'POST' && request.path.endsWith('/revoke') && request.status === 200,
    )
    .map((request) => request.path);
}
