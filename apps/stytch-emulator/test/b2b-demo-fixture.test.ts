import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readFixturesFile } from '../src/index.ts';
import { memberAppsPath, memberRevokePath, organizationAppsPath } from './b2b-helpers.ts';
import { stytch } from './helpers.ts';
import { useEmulator } from './use-emulator.ts';

const demoPath = join(import.meta.dirname, '../fixtures/demo.json');
const b2bDemoPath = join(import.meta.dirname, '../fixtures/b2b-demo.json');

// Both demo fixtures at once, as the demo loads them: the B2B one shares the consumer one's apps.
const emulator = useEmulator({}, { reset: false });
beforeEach(async () => {
  await emulator.control.reset(await readFixturesFile(demoPath));
  await emulator.control.loadFixtures(await readFixturesFile(b2bDemoPath));
});

describe('the B2B demo fixture', () => {
  it('loads beside the consumer demo: two organizations, an admin, a member and an apps manager in Acme', async () => {
    const summary = await emulator.control.loadFixtures(await readFixturesFile(b2bDemoPath));
    expect(summary).toEqual({
      users: 1,
      connected_apps: 4,
      grants: 4,
      organizations: 2,
      members: 4,
      member_grants: 7,
    });
    const fixtures = await readFixturesFile(b2bDemoPath);
    for (const organization of fixtures.organizations ?? []) {
      expect(organization.organization_id).toMatch(/^organization-test-[0-9a-f-]{36}$/);
    }
    for (const member of fixtures.members ?? [])
      expect(member.member_id).toMatch(/^member-test-[0-9a-f-]{36}$/);

    const morgan = await stytch(emulator, 'GET', memberAppsPath('acme', 'morgan-member'));
    expect((morgan.json.connected_apps as Array<{ name: string }>).map((app) => app.name)).toEqual([
      'Calendar Sync',
      'Deploy Bot',
      'Pocket Notes',
    ]);
    const apps = await stytch(emulator, 'GET', organizationAppsPath('acme-corp'));
    expect((apps.json.connected_apps as unknown[]).length).toBe(4);
    const calendar =
      (fixtures.connected_apps ?? []).find((app) => app.name === 'Calendar Sync')?.connected_app_id ?? '';
    const one = await stytch(emulator, 'GET', organizationAppsPath('acme', calendar));
    expect((one.json.active_members as unknown[]).length).toBe(2);
  });

  it('gives the apps manager revoke.connected-app on stytch.member, and the plain member only its own', async () => {
    const fixtures = await readFixturesFile(b2bDemoPath);
    const deployBot =
      (fixtures.connected_apps ?? []).find((app) => app.name === 'Deploy Bot')?.connected_app_id ?? '';
    const [acme] = fixtures.organizations ?? [];
    const member = (external: string) =>
      emulator.control
        .mintMemberSession({ organization_id: 'acme', member_id: external })
        .then((session) => ({
          'x-stytch-member-session': session.session_token,
        }));
    const asMorgan = await member('morgan-member');
    const denied = await stytch(emulator, 'POST', memberRevokePath('acme', 'riley-ops', deployBot), {
      body: '{}',
      headers: asMorgan,
    });
    expect(denied.status).toBe(403);
    const asRiley = await member('riley-ops');
    const allowed = await stytch(emulator, 'POST', memberRevokePath('acme', 'morgan-member', deployBot), {
      body: '{}',
      headers: asRiley,
    });
    expect(allowed.status).toBe(200);
    const tokens = await emulator.control.getMemberTokens(
      acme?.organization_id ?? '',
      'morgan-member',
      deployBot,
    );
    expect(tokens.grant_active).toBe(false);
  });
});
