import { execFileSync } from 'node:child_process';
import type { VerifierOptions } from '@pact-foundation/pact';
import { runningInCI } from './ci.ts';
import { PACTS_DIR } from './pact-files.ts';

/** The verifier options that say which pacts a provider verification reads. */
export type PactSource = Pick<
  VerifierOptions,
  | 'pactUrls'
  | 'pactBrokerUrl'
  | 'pactBrokerToken'
  | 'pactBrokerUsername'
  | 'pactBrokerPassword'
  | 'consumerVersionSelectors'
  | 'publishVerificationResult'
  | 'providerVersion'
  | 'providerVersionBranch'
>;

/** The provider's version as git knows it; read only when verifying from a broker. */
export interface ProviderGit {
  commit(): string;
  /** `undefined` on a detached HEAD, as CI checkouts often are. */
  branch(): string | undefined;
}

/** What every consumer's main branch expects, and what is deployed or released anywhere. */
export const CONSUMER_VERSION_SELECTORS = [{ mainBranch: true }, { deployedOrReleased: true }];

/**
 * The committed pact files, unless `PACT_BROKER_BASE_URL` names a Pact Broker: then the pacts the
 * selectors pick from it, with results published back only from CI (a developer's run must not
 * record a verification of uncommitted code). The provider version is `GIT_COMMIT` or HEAD, the
 * branch `GIT_BRANCH` or the checked-out one.
 */
export function pactSourceOptions(
  localPacts: string[],
  env: NodeJS.ProcessEnv,
  git: ProviderGit,
): PactSource {
  const pactBrokerUrl = env.PACT_BROKER_BASE_URL;
  if (!pactBrokerUrl) return { pactUrls: localPacts };
  const providerVersionBranch = env.GIT_BRANCH || git.branch();
  return {
    pactBrokerUrl,
    ...(env.PACT_BROKER_TOKEN ? { pactBrokerToken: env.PACT_BROKER_TOKEN } : {}),
    ...(env.PACT_BROKER_USERNAME
      ? { pactBrokerUsername: env.PACT_BROKER_USERNAME, pactBrokerPassword: env.PACT_BROKER_PASSWORD ?? '' }
      : {}),
    consumerVersionSelectors: CONSUMER_VERSION_SELECTORS,
    publishVerificationResult: runningInCI(env),
    providerVersion: env.GIT_COMMIT || git.commit(),
    ...(providerVersionBranch ? { providerVersionBranch } : {}),
  };
}

const gitOutput = (...args: string[]): string =>
  execFileSync('git', args, { cwd: PACTS_DIR, encoding: 'utf8' }).trim();

/** The git CLI, run in this repository. */
export const repositoryGit: ProviderGit = {
  commit: () => gitOutput('rev-parse', 'HEAD'),
  branch: () => gitOutput('branch', '--show-current') || undefined,
};

/** {@link pactSourceOptions} for this process: its environment and this repository's git. */
export function pactSource(localPact: string): PactSource {
  return pactSourceOptions([localPact], process.env, repositoryGit);
}
