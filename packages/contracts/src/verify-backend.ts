import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { PACT_FILE, PACT_PARTICIPANTS } from './pact-file.ts';
import { forwardProviderStates } from './provider-states.ts';
import { assertReachable } from './reachable.ts';
import { toVerificationFailure, VerificationFailedError } from './verification-failure.ts';

/** Options of {@link verifyBackend}. */
export interface VerifyBackendOptions {
  /** Where the backend serves the pact's paths, e.g. `http://127.0.0.1:8080` (they start with `/api`). */
  providerBaseUrl: string;
  /** The backend's endpoint that sets up provider states (see the README's "Provider states"). */
  providerStatesSetupUrl: string;
  /** A pact file or URL to verify instead of the one this package ships. @default {@link PACT_FILE} */
  pact?: string;
  /**
   * A Pact Broker to take the pacts from instead (the `connected-apps-react` pacts its consumer
   * version selectors pick for `providerName`), e.g. `https://your-org.pactflow.io`.
   */
  brokerUrl?: string;
  /** Broker credentials: a token, or a username and password. */
  brokerToken?: string;
  brokerUsername?: string;
  brokerPassword?: string;
  /** The backend's name in the broker. @default 'connected-apps-proxy' */
  providerName?: string;
  /** The backend's version (e.g. its git commit); required to publish. */
  providerVersion?: string;
  /** The backend's branch, recorded with a published result. */
  providerBranch?: string;
  /** Publish the result to the broker (needs `brokerUrl` and `providerVersion`). @default false */
  publish?: boolean;
  /** Pact's own log level. @default 'error' */
  logLevel?: 'error' | 'warn' | 'info' | 'debug' | 'trace';
}

/** Which consumer versions a broker verification picks: its main branch, and whatever is deployed or released. */
const CONSUMER_VERSION_SELECTORS = [{ mainBranch: true }, { deployedOrReleased: true }];

/**
 * Pact's verifier options for {@link VerifyBackendOptions}: the pact source, the broker and
 * publishing settings, the provider-states forwarding. Throws a {@link VerificationFailedError} for
 * options that cannot work together (publishing without a broker or a version).
 */
export function verifierOptions(options: VerifyBackendOptions): VerifierOptions {
  const { brokerUrl, publish = false } = options;
  if (publish && brokerUrl === undefined) {
    throw new VerificationFailedError(
      'Publishing a result needs a Pact Broker: give brokerUrl (--broker-url).',
    );
  }
  if (publish && !options.providerVersion) {
    throw new VerificationFailedError(
      'Publishing a result needs the backend version: give providerVersion (--provider-version).',
    );
  }
  const source: VerifierOptions =
    brokerUrl === undefined
      ? // No `provider` here: with one, Pact would also read pacts from a broker named in the environment.
        { providerBaseUrl: options.providerBaseUrl, pactUrls: [options.pact ?? PACT_FILE] }
      : {
          providerBaseUrl: options.providerBaseUrl,
          provider: options.providerName ?? PACT_PARTICIPANTS.provider,
          pactBrokerUrl: brokerUrl,
          consumerVersionSelectors: CONSUMER_VERSION_SELECTORS,
          consumerFilters: [PACT_PARTICIPANTS.consumer],
          ...(options.brokerToken ? { pactBrokerToken: options.brokerToken } : {}),
          ...(options.brokerUsername
            ? { pactBrokerUsername: options.brokerUsername, pactBrokerPassword: options.brokerPassword ?? '' }
            : {}),
        };
  return {
    ...source,
    ...forwardProviderStates(options.providerStatesSetupUrl),
    // Only when asked: Pact validates the publishing options whenever the key is there, even false.
    ...(publish ? { publishVerificationResult: true } : {}),
    ...(options.providerVersion ? { providerVersion: options.providerVersion } : {}),
    ...(options.providerBranch ? { providerVersionBranch: options.providerBranch } : {}),
    logLevel: options.logLevel ?? 'error',
  };
}

/**
 * Verifies a backend against the `connected-apps-react` → `connected-apps-proxy` pact with Pact's
 * verifier: every interaction is replayed against `providerBaseUrl`, its provider states set up
 * through `providerStatesSetupUrl` first. Resolves when the backend answers every one as the hooks
 * expect; rejects with a {@link VerificationFailedError} listing each mismatch otherwise. Pact prints
 * its own report on stdout as it goes.
 *
 * @example
 * await verifyBackend({
 *   providerBaseUrl: 'http://127.0.0.1:8080',
 *   providerStatesSetupUrl: 'http://127.0.0.1:8080/_pact/provider-states',
 * });
 */
export async function verifyBackend(options: VerifyBackendOptions): Promise<void> {
  const verifier = new Verifier(verifierOptions(options));
  await assertReachable(options.providerBaseUrl, 'The backend');
  await assertReachable(options.providerStatesSetupUrl, 'The provider-states endpoint');
  try {
    await verifier.verifyProvider();
  } catch (error) {
    throw toVerificationFailure(error);
  }
}
