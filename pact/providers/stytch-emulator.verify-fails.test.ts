import type { FaultInput } from '@connected-apps/stytch-emulator';
import { describe, expect, it, vi } from 'vitest';
import { adminAndMemberWithApp } from '../support/b2b-givens.ts';
import {
  CONNECTED_APP,
  CONNECTED_APP_ID,
  MEMBER_ID,
  ORGANIZATION_CONNECTED_APP,
  ORGANIZATION_ID,
} from '../support/examples.ts';
import { EXAMPLE_REQUEST_ID } from '../support/matchers.ts';
import { pactFilePath } from '../support/pact-files.ts';
import { PROXY, STYTCH_API } from '../support/participants.ts';
import { STATES } from '../support/provider-states.ts';
import { asReported, verifyProvider } from '../support/verify-provider.ts';
import { providerForSuite } from './provider-under-test.ts';
import { startStytchEmulatorProvider } from './stytch-emulator-provider.ts';

const PACT = [PROXY, STYTCH_API] as const;

const REVOKE = 'a revoke of a connected app the user authorized';
const REVOKE_AS_REPORTED = asReported(PACT, [STATES.userHasConnectedApp], REVOKE);

/** The B2B one-app view (its five provider states: the admin's and the member's with the app). */
const ONE_APP = "a request for one of the organization's connected apps, with an admin's session";
const ONE_APP_AS_REPORTED = asReported(
  PACT,
  adminAndMemberWithApp.map(([state]) => state),
  ONE_APP,
);
const GRANTED_SCOPES_MISMATCH =
  '$.active_members[0].granted_scopes Type mismatch:' +
  ` Expected '${CONNECTED_APP.scopes_granted}' (String) to be the same type as ["openid"] (Array)`;

/**
 * The emulator verification is not a formality: the same verifier, with the committed pact, fails
 * when the emulator's answer changes shape. The emulator's own fault API makes it answer the revoke
 * without `request_id`, or (B2B) the one-app view with an active member's `granted_scopes` one
 * string instead of an array, as an emulator that drifted from Stytch would.
 */
describe('the stytch-api verification of the emulator', () => {
  const provider = providerForSuite(startStytchEmulatorProvider);

  /** Verifies the committed pact's `interaction` alone, the emulator answering it with `fault`. */
  function verifyWithFault(interaction: string, fault: FaultInput): Promise<void> {
    const { control } = provider().emulator;
    // Pact's own filter (a regex on the description): one interaction keeps this fast.
    vi.stubEnv('PACT_DESCRIPTION', `^${interaction}$`);
    return verifyProvider({
      ...provider().options,
      pactUrls: [pactFilePath(...PACT)],
      beforeEach: async () => {
        await control.reset();
        await control.injectFault(fault);
      },
    });
  }

  it('fails, naming the interaction and the field, when the answer drops request_id', async () => {
    const verification = verifyWithFault(REVOKE, {
      method: 'POST',
      path: '/v1/users/*',
      status: 200,
      body: { status_code: 200 },
    });

    // The whole message: exactly this mismatch, nothing else.
    await expect(verification).rejects.toThrow(
      new Error(
        `Provider verification failed:\n${REVOKE_AS_REPORTED}: $ Actual map is missing the following keys: request_id`,
      ),
    );
  }, 30_000);

  it("fails, naming the interaction and the field, when a B2B answer's active member has granted_scopes as a string", async () => {
    // Everything as Stytch sends it but one field: the scopes one string, as a member's
    // `scopes_granted` is, where Stytch's one-app view sends an array.
    const verification = verifyWithFault(ONE_APP, {
      method: 'GET',
      path: `/v1/b2b/organizations/${ORGANIZATION_ID}/connected_apps/${CONNECTED_APP_ID}`,
      status: 200,
      body: {
        request_id: EXAMPLE_REQUEST_ID,
        status_code: 200,
        ...ORGANIZATION_CONNECTED_APP,
        active_members: [{ member_id: MEMBER_ID, granted_scopes: CONNECTED_APP.scopes_granted }],
      },
    });

    await expect(verification).rejects.toThrow(
      new Error(`Provider verification failed:\n${ONE_APP_AS_REPORTED}: ${GRANTED_SCOPES_MISMATCH}`),
    );
  }, 30_000);
});
