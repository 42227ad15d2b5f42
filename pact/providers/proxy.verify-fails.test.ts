import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { adminAndMemberWithApp } from '../support/b2b-givens.ts';
import { writePactWithRenamedField } from '../support/pact-copy.ts';
import { pactFilePath } from '../support/pact-files.ts';
import { PROXY, REACT_CONSUMER } from '../support/participants.ts';
import { STATES } from '../support/provider-states.ts';
import { asReported, verifyProvider } from '../support/verify-provider.ts';
import { providerForSuite } from './provider-under-test.ts';
import { startProxyProvider } from './proxy-provider.ts';

const PACT = [REACT_CONSUMER, PROXY] as const;

const REVOKE = 'a revoke of a connected app by its signed-in user';
const REVOKE_AS_REPORTED = asReported(PACT, [STATES.userHasConnectedApp, STATES.userIsSignedIn], REVOKE);

/** The B2B one-app view (its five provider states: the admin's and the member's with the app). */
const ONE_APP = "a request for one of the organization's connected apps by a signed-in admin";
const ONE_APP_AS_REPORTED = asReported(
  PACT,
  adminAndMemberWithApp.map(([state]) => state),
  ONE_APP,
);

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

  /** Verifies a copy of the react pact whose `interaction` expects `field` as `renamedTo`, and only it. */
  function verifyWithRenamedField(interaction: string, field: string, renamedTo: string): Promise<void> {
    const pact = join(scratch, `renamed-${field}.json`);
    writePactWithRenamedField(pactFilePath(...PACT), pact, { interaction, field, renamedTo });
    // Pact's own filter (a regex on the description): one interaction keeps this fast.
    vi.stubEnv('PACT_DESCRIPTION', `^${interaction}$`);
    return verifyProvider({ ...provider().options, pactUrls: [pact] });
  }

  it('fails, naming the interaction and the field, when the answer lacks a pinned field', async () => {
    // The whole message: exactly this mismatch, nothing else.
    await expect(verifyWithRenamedField(REVOKE, 'request_id', 'requestId')).rejects.toThrow(
      new Error(
        `Provider verification failed:\n${REVOKE_AS_REPORTED}: $ Actual map is missing the following keys: requestId`,
      ),
    );
  }, 30_000);

  it('fails the same way on a B2B answer: the one-app view lacking active_members', async () => {
    await expect(verifyWithRenamedField(ONE_APP, 'active_members', 'activeMembers')).rejects.toThrow(
      new Error(
        `Provider verification failed:\n${ONE_APP_AS_REPORTED}: $ Actual map is missing the following keys: activeMembers`,
      ),
    );
  }, 30_000);
});
