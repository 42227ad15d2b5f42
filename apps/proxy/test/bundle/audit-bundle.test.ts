import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { type Emulator, start } from '@connected-apps/stytch-emulator';
import {
  proxyEnv,
  type RunningPostgres,
  seedWorld,
  startPostgres,
  type World,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresRows, revoke, sqliteRows } from '../helpers/audit-rows.ts';
import { assertBundleIsCurrent, type DeployedBundle, deployBundle, runBundle } from './deployed-bundle.ts';

// The audit trail in the single-file bundle: its SQLite checkpointer thread (sent as source) and the lazily
// loaded pg both work from a directory with nothing but the file, and so does `audit export`.
let emulator: Emulator;
let pg: RunningPostgres;
let deployed: DeployedBundle;
let world: World;

beforeAll(async () => {
  await assertBundleIsCurrent();
  [emulator, pg, deployed] = await Promise.all([start({ port: 0 }), startPostgres(), deployBundle()]);
  world = await seedWorld(emulator);
}, 30_000);
afterAll(async () => {
  await deployed?.remove();
  await pg?.stop();
  await emulator?.stop();
});

/** Starts the deployed bundle on `database`, revokes Alice's `app`, stops it; resolves with the answer. */
async function revokeThroughBundle(database: string, app: string) {
  const running = runBundle(
    deployed,
    proxyEnv(emulator, {
      PORT: '0',
      AUDIT_DATABASE_URL: database,
      AUDIT_SPOOL_DIR: join(deployed.dir, 'spool'),
    }),
  );
  try {
    const url = await running.listening();
    return await revoke(url, world.alice.user_id, app, world.alice.jwt);
  } finally {
    running.child.kill('SIGTERM');
    await running.exited;
  }
}

describe('the audit trail in the bundle', () => {
  it('records on SQLite (its checkpointer thread running) and exports it with `audit export`', async () => {
    const file = join(deployed.dir, 'audit.db');
    const { status, requestId } = await revokeThroughBundle('file:./audit.db', world.calendar);
    expect(status).toBe(200);
    expect(sqliteRows(file)).toEqual([
      expect.objectContaining({ request_id: requestId, outcome: 'revoked' }),
    ]);

    const child = spawn(
      process.execPath,
      [deployed.file, 'audit', 'export', '--since', '2000-01-01T00:00:00Z'],
      {
        cwd: deployed.dir,
        env: { PATH: process.env.PATH ?? '', AUDIT_DATABASE_URL: 'file:./audit.db' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(
      out
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { request_id: string }).request_id),
    ).toEqual([requestId]);
  });

  it('records on PostgreSQL (pg, loaded only when configured)', async () => {
    const url = await pg.createDatabase('audit_bundle');
    const { status, requestId } = await revokeThroughBundle(url, world.notes);
    expect(status).toBe(200);
    expect(await postgresRows(url)).toEqual([
      expect.objectContaining({ request_id: requestId, outcome: 'revoked' }),
    ]);
  });
});
