import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writePactWithRenamedField } from '../support/pact-copy.ts';
import { pactFilePath } from '../support/pact-files.ts';
import { PROXY, REACT_CONSUMER } from '../support/participants.ts';
import { verifyProvider } from '../support/verify-provider.ts';
import { providerForSuite } from './provider-under-test.ts';
import { startProxyProvider } from './proxy-provider.ts';

const REVOKE = 'a revoke of a connected app by its signed-in user';
/** How Pact's verifier names that interaction in a failure: pact, provider states and description. */
const REVOKE_AS_REPORTED =
  'Verifying a pact between connected-apps-react and connected-apps-proxy' +
  ' Given user {user_id} has connected app {connected_app_id} And user {user_id} is signed in' +
  ` - ${REVOKE}`;

const ONE_APP = "a request for one of the organization's connected apps by a signed-in admin";
/** The B2B one-app view, as the verifier names it (its five provider states, in order). */
const ONE_APP_AS_REPORTED =
  'Verifying a pact between connected-apps-react and connected-apps-proxy' +
  ' Given organization {organization_id} exists' +
  ' And member {member_id} of organization {organization_id} exists' +
  ' And member {member_id} of organization {organization_id} exists' +
  ' And member {member_id} of organization {organization_id} has connected app {connected_app_id}' +
  ` And member {member_id} of organization {organization_id} is signed in - ${ONE_APP}`;

/**
 * The proxy verification is not a formality: the same verifier, against the same real proxy, fails
 * when the proxy's answer no longer has a field the consumer's pact pins. The proxy cannot change shape
 * at run time, so the pact is changed instead: its revoke answer expects `requestId`, which the proxy
 * does not send, just as a consumer's pinned `request_id` would be missing if the proxy renamed it
 * (and, for B2B, its one-app view expects `activeMembers` for `active_members`).
 */
describe('the connected-apps-proxy verification', () => {
  const provider = providerForSuite(startProxyProvider);
  const scratch = mkdtempSync(join(tmpdir(), 'proxy-pact-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('fails, naming the interaction and the field, when the answer lacks a pinned field', async () => {
    const pact = join(scratch, 'renamed-request-id.json');
    writePactWithRenamedField(pactFilePath(REACT_CONSUMER, PROXY), pact, {
      interaction: REVOKE,
      field: 'request_id',
      renamedTo: 'requestId',
    });
    // Pact's own filter (a regex on the description): one interaction keeps this fast.
    vi.stubEnv('PACT_DESCRIPTION', `^${REVOKE}$`);

    // The whole message: exactly this mismatch, nothing else.
    await expect(verifyProvider({ ...provider().options, pactUrls: [pact] })).rejects.toThrow(
      new Error(
        `Provider verification failed:\n${REVOKE_AS_REPORTED}: $ Actual map is missing the following keys: requestId`,
      ),
    );
  }, 30_000);

  it('fails the same way on a B2B answer: the one-app view lacking active_members', async () => {
    const pact = join(scratch, 'renamed-active-members.json');
    writePactWithRenamedField(pactFilePath(REACT_CONSUMER, PROXY), pact, {
      interaction: ONE_APP,
      field: 'active_members',
      renamedTo: 'activeMembers',
    });
    vi.stubEnv('PACT_DESCRIPTION', `^${ONE_APP}$`);

    await expect(verifyProvider({ ...provider().options, pactUrls: [pact] })).rejects.toThrow(
      new Error(
        `Provider verification failed:\n${ONE_APP_AS_REPORTED}: $ Actual map is missing the following keys: activeMembers`,
      ),
    );
  }, 30_000);
});
