import { describe, expect, it, vi } from 'vitest';
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
import { verifyProvider } from '../support/verify-provider.ts';
import { providerForSuite } from './provider-under-test.ts';
import { startStytchEmulatorProvider } from './stytch-emulator-provider.ts';

const REVOKE = 'a revoke of a connected app the user authorized';
/** How Pact's verifier names that interaction in a failure: pact, provider state and description. */
const REVOKE_AS_REPORTED =
  'Verifying a pact between connected-apps-proxy and stytch-api' +
  ` Given user {user_id} has connected app {connected_app_id} - ${REVOKE}`;

/** The B2B one-app view, and how the verifier names it (its five provider states, in order). */
const ONE_APP = "a request for one of the organization's connected apps, with an admin's session";
const ONE_APP_AS_REPORTED =
  'Verifying a pact between connected-apps-proxy and stytch-api' +
  ' Given organization {organization_id} exists' +
  ' And member {member_id} of organization {organization_id} exists' +
  ' And member {member_id} of organization {organization_id} exists' +
  ' And member {member_id} of organization {organization_id} has connected app {connected_app_id}' +
  ` And member {member_id} of organization {organization_id} is signed in - ${ONE_APP}`;
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

  it('fails, naming the interaction and the field, when the answer drops request_id', async () => {
    const { control } = provider().emulator;
    // Pact's own filter (a regex on the description): one interaction keeps this fast.
    vi.stubEnv('PACT_DESCRIPTION', `^${REVOKE}$`);

    const verification = verifyProvider({
      ...provider().options,
      pactUrls: [pactFilePath(PROXY, STYTCH_API)],
      beforeEach: async () => {
        await control.reset();
        await control.injectFault({
          method: 'POST',
          path: '/v1/users/*',
          status: 200,
          body: { status_code: 200 },
        });
      },
    });

    // The whole message: exactly this mismatch, nothing else.
    await expect(verification).rejects.toThrow(
      new Error(
        `Provider verification failed:\n${REVOKE_AS_REPORTED}: $ Actual map is missing the following keys: request_id`,
      ),
    );
  }, 30_000);

  it("fails, naming the interaction and the field, when a B2B answer's active member has granted_scopes as a string", async () => {
    const { control } = provider().emulator;
    vi.stubEnv('PACT_DESCRIPTION', `^${ONE_APP}$`);

    const verification = verifyProvider({
      ...provider().options,
      pactUrls: [pactFilePath(PROXY, STYTCH_API)],
      beforeEach: async () => {
        await control.reset();
        // Everything as Stytch sends it but one field: the scopes one string, as a member's
        // `scopes_granted` is, where Stytch's one-app view sends an array.
        await control.injectFault({
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
      },
    });

    await expect(verification).rejects.toThrow(
      new Error(`Provider verification failed:\n${ONE_APP_AS_REPORTED}: ${GRANTED_SCOPES_MISMATCH}`),
    );
  }, 30_000);
});
