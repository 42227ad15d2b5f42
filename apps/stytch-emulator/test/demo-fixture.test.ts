import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ConnectedApp, readFixturesFile, start } from '../src/index.ts';
import { listPath, stytch } from './helpers.ts';
import { useEmulator } from './use-emulator.ts';

const demoPath = join(import.meta.dirname, '../fixtures/demo.json');

const emulator = useEmulator({ fixtures: demoPath }, { reset: false });

describe('the demo fixture', () => {
  it('gives the demo user four realistic apps with logos, scopes and client types', async () => {
    const fixtures = await readFixturesFile(demoPath);
    const demoUser = fixtures.users?.[0];
    expect(demoUser?.user_id).toMatch(/^user-test-[0-9a-f-]{36}$/);
    const response = await stytch(emulator, 'GET', listPath(demoUser?.user_id ?? ''));
    const apps = response.json.connected_apps as ConnectedApp[];
    expect(apps).toHaveLength(4);
    for (const app of apps) {
      expect(app.connected_app_id).toMatch(/^connected-app-test-[0-9a-f-]{36}$/);
      expect(app.name.length).toBeGreaterThan(0);
      expect(app.description.length).toBeGreaterThan(0);
      expect(app.scopes_granted).toMatch(/^openid( [a-z_:]+)+$/);
      if (app.logo_url !== null) expect(app.logo_url).toMatch(/^data:image\/svg\+xml;base64,/);
    }
    expect(apps.filter((app) => app.logo_url === null)).toHaveLength(1);
    expect(new Set(apps.map((app) => app.client_type)).size).toBeGreaterThan(1);
  });

  it('can be reached through the demo user’s external_id', async () => {
    const response = await stytch(emulator, 'GET', listPath('demo-user'));
    expect(response.status).toBe(200);
  });
});

describe('fixture files', () => {
  const directory = mkdtempSync(join(tmpdir(), 'stytch-emulator-fixtures-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('rejects a file that is not JSON, naming the file', async () => {
    const path = join(directory, 'broken.json');
    writeFileSync(path, '{ users: ');
    await expect(readFixturesFile(path)).rejects.toThrow(/broken\.json is not valid JSON/);
  });

  it('rejects a document whose lists are not lists of objects', async () => {
    const path = join(directory, 'wrong.json');
    writeFileSync(path, JSON.stringify({ users: 'ada' }));
    await expect(readFixturesFile(path)).rejects.toThrow(/fixtures\.users must be a list/);
  });

  it('refuses to start on a fixture with a bad entry', async () => {
    await expect(start({ fixtures: { users: [{ user_id: 'has spaces' }] } })).rejects.toThrow(
      /fixtures\.users\[0\]/,
    );
  });
});
