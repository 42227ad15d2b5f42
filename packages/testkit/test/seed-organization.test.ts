import { type Emulator, start } from '@connected-apps/stytch-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMember, seedOrganization, withEditedOrganizationClaim } from '../src/index.ts';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await start();
});
afterAll(() => emulator.stop());

async function authenticate(session_jwt: string) {
  const response = await fetch(`${emulator.url}/v1/b2b/sessions/authenticate`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${emulator.projectId}:${emulator.secret}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ session_jwt }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('seedOrganization and seedMember', () => {
  it('make organizations that share nothing, and members with grants and live member sessions', async () => {
    const acme = await seedOrganization(emulator.control);
    const globex = await seedOrganization(emulator.control);
    expect(acme.organization_id).not.toBe(globex.organization_id);
    expect(acme.organization_slug).not.toBe(globex.organization_slug);
    const admin = await seedMember(emulator.control, acme, {
      roles: ['stytch_admin'],
      apps: ['Calendar Sync'],
    });
    const authenticated = await authenticate(admin.session_jwt);
    expect(authenticated.status).toBe(200);
    expect(authenticated.json.member_session).toMatchObject({
      member_id: admin.member_id,
      organization_id: acme.organization_id,
      roles: ['stytch_member', 'stytch_admin'],
    });
    const tokens = await emulator.control.getMemberTokens(
      acme.organization_slug,
      admin.external_id,
      admin.apps[0]?.connected_app_id ?? '',
    );
    expect(tokens.grant_active).toBe(true);
  });
});

describe('withEditedOrganizationClaim', () => {
  it('names another organization in the claim, and the signature no longer verifies', async () => {
    const acme = await seedOrganization(emulator.control);
    const globex = await seedOrganization(emulator.control);
    const member = await seedMember(emulator.control, acme);
    const forged = withEditedOrganizationClaim(member.session_jwt, {
      organization_id: globex.organization_id,
      slug: globex.organization_slug,
    });
    const claims = JSON.parse(Buffer.from(forged.split('.')[1] ?? '', 'base64url').toString('utf8'));
    expect(claims['https://stytch.com/organization']).toEqual({
      organization_id: globex.organization_id,
      slug: globex.organization_slug,
    });
    expect(forged.split('.')[2]).toBe(member.session_jwt.split('.')[2]);
    expect((await authenticate(member.session_jwt)).status).toBe(200);
    expect((await authenticate(forged)).json.error_type).toBe('session_not_found');
  });
});
