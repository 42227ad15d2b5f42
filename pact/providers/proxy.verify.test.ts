import { describe, it } from 'vitest';
import { pactFilePath } from '../support/pact-files.ts';
import { pactSource } from '../support/pact-source.ts';
import { PROXY, REACT_CONSUMER } from '../support/participants.ts';
import { verifyProvider } from '../support/verify-provider.ts';
import { providerForSuite } from './provider-under-test.ts';
import { startProxyProvider } from './proxy-provider.ts';

/**
 * Provider `connected-apps-proxy` against the `connected-apps-react` pact (the committed file, or a
 * broker's when `PACT_BROKER_BASE_URL` is set): the real proxy on a real emulator.
 */
describe('connected-apps-proxy honours the connected-apps-react pact', () => {
  const provider = providerForSuite(startProxyProvider);

  it('verifies every interaction', async () => {
    await verifyProvider({ ...provider().options, ...pactSource(pactFilePath(REACT_CONSUMER, PROXY)) });
  }, 60_000);
});
