import { describe, it } from 'vitest';
import { pactFilePath } from '../support/pact-files.ts';
import { pactSource } from '../support/pact-source.ts';
import { PROXY, STYTCH_API } from '../support/participants.ts';
import { verifyProvider } from '../support/verify-provider.ts';
import { providerForSuite } from './provider-under-test.ts';
import { startStytchEmulatorProvider } from './stytch-emulator-provider.ts';

/**
 * The emulator as provider `stytch-api`, against the pact the proxy holds Stytch to (the committed
 * file, or a broker's when `PACT_BROKER_BASE_URL` is set): if the emulator drifts from what the proxy
 * expects of Stytch (and the OpenAPI check holds that to Stytch's own description), this fails.
 */
describe('the Stytch emulator honours the stytch-api pact', () => {
  const provider = providerForSuite(startStytchEmulatorProvider);

  it('verifies every interaction', async () => {
    await verifyProvider({ ...provider().options, ...pactSource(pactFilePath(PROXY, STYTCH_API)) });
  }, 60_000);
});
