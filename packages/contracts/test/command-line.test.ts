import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { PACT_FILE } from '../src/pact-file.ts';
import { verifierOptions } from '../src/verify-backend.ts';

const BASE = ['--provider-base-url', 'http://127.0.0.1:8080'];
const STATES = ['--provider-states-setup-url', 'http://127.0.0.1:8080/_pact/provider-states'];

/** Runs the CLI in-process with captured output (only for command lines that never reach Pact). */
async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('connected-apps-contracts command line', () => {
  it('prints its usage for --help, exit 0', async () => {
    const result = await run(['--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Usage: connected-apps-contracts verify');
  });

  it.each([
    [[], 'No command given: the command is verify.'],
    [['check', ...BASE, ...STATES], 'Unknown command "check": the command is verify.'],
    [['verify', ...STATES], '--provider-base-url is required.'],
    [['verify', ...BASE], '--provider-states-setup-url is required.'],
    [
      ['verify', '--provider-base-url', 'localhost:8080', ...STATES],
      '--provider-base-url must be an http(s) URL',
    ],
    [
      ['verify', ...BASE, ...STATES, '--log-level', 'loud'],
      '--log-level must be one of error, warn, info, debug, trace',
    ],
    [['verify', ...BASE, ...STATES, '--retries', '3'], "Unknown option '--retries'"],
    [
      ['verify', ...BASE, ...STATES, '--pact', 'x.json', '--broker-url', 'https://b.example'],
      'either --pact or a broker',
    ],
  ])('refuses %j with exit 1, saying why, then the usage', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: connected-apps-contracts verify');
  });

  it('refuses to publish without a broker, or without the backend version', async () => {
    const noBroker = await run(['verify', ...BASE, ...STATES, '--publish', '--provider-version', 'abc123']);
    expect(noBroker.code).toBe(1);
    expect(noBroker.stderr).toContain('Publishing a result needs a Pact Broker');
    const noVersion = await run(['verify', ...BASE, ...STATES, '--publish'], {
      PACT_BROKER_BASE_URL: 'https://broker.example',
    });
    expect(noVersion.code).toBe(1);
    expect(noVersion.stderr).toContain('Publishing a result needs the backend version');
  });
});

describe('the verifier options', () => {
  const required = {
    providerBaseUrl: 'http://127.0.0.1:8080',
    providerStatesSetupUrl: 'http://127.0.0.1:8080/_pact/provider-states',
  };

  it('verify the shipped pact by default, naming no provider (so no broker is read from the environment)', () => {
    const options = verifierOptions(required);
    expect(options.pactUrls).toEqual([PACT_FILE]);
    expect(options.provider).toBeUndefined();
    expect(options.pactBrokerUrl).toBeUndefined();
    expect(options.publishVerificationResult).toBeUndefined();
    expect(options.providerBaseUrl).toBe(required.providerBaseUrl);
  });

  it("take the broker's connected-apps-react pacts, and publish with version and branch, when asked", () => {
    const options = verifierOptions({
      ...required,
      brokerUrl: 'https://broker.example',
      brokerToken: 'token-made-up-for-this-test',
      providerVersion: 'abc123',
      providerBranch: 'main',
      publish: true,
    });
    expect(options).toMatchObject({
      provider: 'connected-apps-proxy',
      pactBrokerUrl: 'https://broker.example',
      pactBrokerToken: 'token-made-up-for-this-test',
      consumerFilters: ['connected-apps-react'],
      consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
      publishVerificationResult: true,
      providerVersion: 'abc123',
      providerVersionBranch: 'main',
    });
    expect(options.pactUrls).toBeUndefined();
  });
});
