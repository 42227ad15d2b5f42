import { join } from 'node:path';
import { bearer } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import { type AuditRow, sqliteRows, useTempDir } from '../helpers/audit-rows.ts';
import { useB2BStack } from '../helpers/b2b-stack.ts';
import { proxyMemberRevokePath, type SeededMember } from '../helpers/b2b-world.ts';

// The audit trail records a member's revoke attempts as it does a user's: one row per attempt that
// reached authorization, the refused ones too, naming the member and the organization.
const dir = useTempDir('b2b-audit-');
const dbPath = () => join(dir(), 'audit.db');
const t = useB2BStack({
  AUDIT_DATABASE_URL: `file:${join(dir(), 'audit.db')}`,
  AUDIT_SPOOL_DIR: join(dir(), 'spool'),
  UPSTREAM_RETRIES: '0',
});

async function revoke(who: SeededMember, organization: string, member: string, app: string) {
  const response = await fetch(`${t.stack.url}${proxyMemberRevokePath(organization, member, app)}`, {
    method: 'POST',
    headers: bearer(who.jwt),
  });
  return { status: response.status, requestId: response.headers.get('x-request-id') };
}
/** The full row of one attempt, read with plain SQL (not the proxy's code). */
const rowOf = (requestId: string | null) =>
  sqliteRows(dbPath()).filter((row) => row.request_id === requestId) as (AuditRow &
    Record<string, unknown>)[];

describe("audit trail of members' revokes", () => {
  it('records a revoke with the member as actor and subject, in the canonical organization', async () => {
    const { acme, bob, notes } = t.world;
    const { status, requestId } = await revoke(bob, acme.slug, bob.external_id, notes);
    expect(status).toBe(200);
    expect(rowOf(requestId)).toEqual([
      expect.objectContaining({
        action: 'revoke',
        connected_app_id: notes,
        outcome: 'revoked',
        status_code: 200,
        actor_user_id: null,
        actor_member_id: bob.member_id,
        actor_as_admin: 0,
        subject_user_id: null,
        subject_organization_id: acme.organization_id,
        subject_member_id: bob.member_id,
        stytch_request_id: expect.stringMatching(/^request-id-test-/),
      }),
    ]);
  });

  it("records an admin's revoke of another member's app as an admin act", async () => {
    const { acme, ada, bob, calendar } = t.world;
    const { status, requestId } = await revoke(ada, acme.organization_id, bob.member_id, calendar);
    expect(status).toBe(200);
    expect(rowOf(requestId)).toEqual([
      expect.objectContaining({ outcome: 'revoked', actor_member_id: ada.member_id, actor_as_admin: 1 }),
    ]);
  });

  it.each([
    ['another member, without the permission', 'member_forbidden'],
    ['another organization', 'organization_forbidden'],
  ])('records a refused attempt on %s, nothing sent to Stytch', async (on, errorType) => {
    const { acme, ada, bob, gina, calendar } = t.world;
    const attempt =
      on === 'another organization'
        ? await revoke(gina, acme.organization_id, bob.member_id, calendar)
        : await revoke(bob, acme.organization_id, ada.member_id, calendar);
    expect(attempt.status).toBe(403);
    const actor = on === 'another organization' ? gina : bob;
    expect(rowOf(attempt.requestId)).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        status_code: 403,
        error_type: errorType,
        actor_member_id: actor.member_id,
        subject_organization_id: acme.organization_id,
        stytch_request_id: null,
      }),
    ]);
    const { requests } = await t.stack.emulator.control.getRequests();
    expect(requests.filter((request) => request.path.includes('/connected_apps/'))).toEqual([]);
  });
});
