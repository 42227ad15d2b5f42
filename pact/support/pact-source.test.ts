import { describe, expect, it } from 'vitest';
import { CONSUMER_VERSION_SELECTORS, type ProviderGit, pactSourceOptions } from './pact-source.ts';

const LOCAL = ['/repo/pact/pacts/connected-apps-react-connected-apps-proxy.json'];
const BROKER = 'https://example.pactflow.io';
const SHA = '0123456789abcdef0123456789abcdef01234567';

/** Git as a checkout on `feature/x` at HEAD `SHA` would report it. */
const git: ProviderGit = { commit: () => SHA, branch: () => 'feature/x' };
/** Git that must not be asked: a local run must need no git, and the environment's values win. */
const untouchableGit: ProviderGit = {
  commit: () => {
    throw new Error('git read without a broker');
  },
  branch: () => {
    throw new Error('git read without a broker');
  },
};

describe('pactSourceOptions', () => {
  it('verifies the committed pact files when no broker is named', () => {
    expect(pactSourceOptions(LOCAL, { CI: 'true', PACT_BROKER_TOKEN: 't' }, untouchableGit)).toEqual({
      pactUrls: LOCAL,
    });
  });

  it('treats an empty PACT_BROKER_BASE_URL as no broker', () => {
    expect(pactSourceOptions(LOCAL, { PACT_BROKER_BASE_URL: '' }, untouchableGit)).toEqual({
      pactUrls: LOCAL,
    });
  });

  it('in CI, reads the selected pacts from the broker and publishes the result for the given commit', () => {
    const env = {
      PACT_BROKER_BASE_URL: BROKER,
      PACT_BROKER_TOKEN: 'token-1',
      CI: 'true',
      GIT_COMMIT: 'abc1234',
      GIT_BRANCH: 'main',
    };
    expect(pactSourceOptions(LOCAL, env, untouchableGit)).toEqual({
      pactBrokerUrl: BROKER,
      pactBrokerToken: 'token-1',
      consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
      publishVerificationResult: true,
      providerVersion: 'abc1234',
      providerVersionBranch: 'main',
    });
  });

  it('outside CI, verifies from the broker without publishing, versioned by git', () => {
    const options = pactSourceOptions(LOCAL, { PACT_BROKER_BASE_URL: BROKER }, git);
    expect(options).toEqual({
      pactBrokerUrl: BROKER,
      consumerVersionSelectors: CONSUMER_VERSION_SELECTORS,
      publishVerificationResult: false,
      providerVersion: SHA,
      providerVersionBranch: 'feature/x',
    });
    expect(options).not.toHaveProperty('pactUrls');
  });

  it('publishes whenever CI is set, unless to false or 0', () => {
    const publishes = (CI: string | undefined) =>
      pactSourceOptions(LOCAL, { PACT_BROKER_BASE_URL: BROKER, CI }, git).publishVerificationResult;
    const values = ['true', '1', 'woodpecker', 'false', 'FALSE', '0', '', undefined];
    expect(values.filter(publishes)).toEqual(['true', '1', 'woodpecker']);
    expect(values.map(publishes).every((value) => typeof value === 'boolean')).toBe(true);
  });

  it('leaves the branch out on a detached HEAD with no GIT_BRANCH', () => {
    const detached: ProviderGit = { commit: () => SHA, branch: () => undefined };
    expect(pactSourceOptions(LOCAL, { PACT_BROKER_BASE_URL: BROKER }, detached)).not.toHaveProperty(
      'providerVersionBranch',
    );
  });

  it('passes basic-auth broker credentials when given instead of a token', () => {
    const env = { PACT_BROKER_BASE_URL: BROKER, PACT_BROKER_USERNAME: 'ci', PACT_BROKER_PASSWORD: 'pw' };
    expect(pactSourceOptions(LOCAL, env, git)).toMatchObject({
      pactBrokerUsername: 'ci',
      pactBrokerPassword: 'pw',
    });
  });
});
