import type { Emulator } from '@connected-apps/stytch-emulator';
import type { VerifierOptions } from '@pact-foundation/pact';

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
