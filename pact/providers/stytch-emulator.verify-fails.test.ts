import { describe, expect, it, vi } from 'vitest';
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

/**
 * The emulator verification is not a formality: the same verifier, with the committed pact, fails
 * when the emulator's answer changes shape. The emulator's own fault API makes it answer the revoke
 * without `request_id`, as an emulator that drifted from Stytch would.
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
});
