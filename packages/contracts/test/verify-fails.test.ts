import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startOneFieldWrongBackend, type WrongField } from './support/one-field-wrong-backend.ts';
import { runCli } from './support/run-cli.ts';

const REVOKE = 'a revoke of a connected app by its signed-in user';

describe('connected-apps-contracts verify fails a backend that gets one field wrong', () => {
  const cases: [WrongField, string][] = [
    ['status_code as a string', "$.status_code Expected '200' (String) to be an integer"],
    ['no request_id', '$ Actual map is missing the following keys: request_id'],
  ];
  it.each(cases)('%s: exit 1, the interaction and the field named', async (wrong, mismatch) => {
    const backend = await startOneFieldWrongBackend(wrong);
    try {
      // Pact's own filter (a regex on the description): only the interaction this backend serves.
      const result = await runCli(
        ['verify', '--provider-base-url', backend.url, '--provider-states-setup-url', backend.statesUrl],
        { PACT_DESCRIPTION: `^${REVOKE}$` },
      );
      expect(result.code).toBe(1);
      // Pact's own report, in colour on stdout, then ours on stderr.
      expect(stripVTControlCharacters(result.stdout)).toContain('has a matching body (FAILED)');
      const failure = result.stderr.trim().split('\n');
      expect(failure[0]).toBe('✗ The backend does not honour the pact (1 mismatch):');
      expect(failure).toHaveLength(2);
      expect(failure[1]).toMatch(
        new RegExp(
          `^Verifying a pact between connected-apps-react and connected-apps-proxy .* - ${REVOKE}: `,
        ),
      );
      expect(failure[1]?.endsWith(`: ${mismatch}`)).toBe(true);
    } finally {
      await backend.stop();
    }
  });
});

describe('connected-apps-contracts verify with nothing listening', () => {
  it('fails with exit 1 and one line saying the backend cannot be reached', async () => {
    // A port that was just free: nothing answers there.
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const url = `http://127.0.0.1:${port}`;

    const result = await runCli([
      'verify',
      '--provider-base-url',
      url,
      '--provider-states-setup-url',
      `${url}/states`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      new RegExp(
        `^✗ The verification could not run: The backend at ${url} cannot be reached \\(.*ECONNREFUSED.*\\)\\.$`,
      ),
    );
  });
});
