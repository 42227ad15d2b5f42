import type { Emulator } from '@connected-apps/stytch-emulator';
import type { VerifierOptions } from '@pact-foundation/pact';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';

/** Pact's request filter (a connect-style middleware), which swaps the pact's fake credentials for live ones. */
export type RequestFilter = NonNullable<VerifierOptions['requestFilter']>;

/**
 * A running provider and the verifier options that reach it (base URL, state handlers, request
 * filter). The caller adds which pacts to verify, so a verification that must pass and one that must
 * fail run against exactly the same provider setup.
 */
export interface ProviderUnderTest {
  /** The emulator behind the provider (or the provider itself), for its control API. */
  readonly emulator: Emulator;
  readonly options: VerifierOptions;
  stop(): Promise<void>;
}

/**
 * Starts the provider once for the enclosing suite and stops it after; environment stubs (Pact's
 * `PACT_DESCRIPTION` filter) are undone after each test. Returns the running provider.
 */
export function providerForSuite(start: () => Promise<ProviderUnderTest>): () => ProviderUnderTest {
  let provider: ProviderUnderTest | undefined;
  beforeAll(async () => {
    provider = await start();
  });
  afterAll(async () => {
    await provider?.stop();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  return () => {
    if (!provider) throw new Error('The provider is not running (beforeAll failed?)');
    return provider;
  };
}
