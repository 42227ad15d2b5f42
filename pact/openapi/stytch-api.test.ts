import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pactFilePath, STYTCH_OPENAPI } from '../support/pact-files.ts';
import { PROXY, STYTCH_API } from '../support/participants.ts';
import { checkPactAgainstOpenApi, formatOutcome } from './check-pact-against-openapi.ts';
import { knownGoodPact, type PactInteraction } from './known-good-pact.ts';

const scratch = mkdtempSync(join(tmpdir(), 'stytch-api-pact-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes the known-good pact, broken by `breakIt` (or intact), to a scratch file. */
function pactFile(name: string, breakIt: (interaction: PactInteraction) => void = () => {}): string {
  const pact = knownGoodPact();
  const [interaction] = pact.interactions;
  if (interaction) breakIt(interaction);
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

async function errorsFor(name: string, breakIt: (interaction: PactInteraction) => void): Promise<string> {
  const outcome = await checkPactAgainstOpenApi(STYTCH_OPENAPI, pactFile(name, breakIt));
  expect(outcome.success).toBe(false);
  return formatOutcome(outcome);
}

describe("the stytch-api pact against Stytch's OpenAPI description", () => {
  it('agrees with it: every path, method, auth, status and body', async () => {
    const outcome = await checkPactAgainstOpenApi(STYTCH_OPENAPI, pactFilePath(PROXY, STYTCH_API));
    expect(formatOutcome(outcome)).toBe('');
    expect(outcome.success).toBe(true);
  });
});

describe('the OpenAPI check', () => {
  it('passes a pact that agrees with the description', async () => {
    const outcome = await checkPactAgainstOpenApi(STYTCH_OPENAPI, pactFile('known-good'));
    expect(formatOutcome(outcome)).toBe('');
    expect(outcome.success).toBe(true);
  });

  it('fails a response that lacks a property Stytch requires (request_id)', async () => {
    const errors = await errorsFor('no-request-id', (i) => {
      delete i.response.body?.content.request_id;
    });
    expect(errors).toBe(
      "response.body.incompatible [a revoke]: Response body is incompatible with the response body schema in the spec file: must have required property 'request_id'",
    );
  });

  it('fails a response with a property Stytch does not describe', async () => {
    const errors = await errorsFor('extra-property', (i) => {
      if (i.response.body) i.response.body.content.revoked_at = '2021-08-09T07:41:52Z';
    });
    expect(errors).toContain('must NOT have additional properties - revoked_at');
  });

  it('fails a path Stytch does not serve', async () => {
    const errors = await errorsFor('wrong-path', (i) => {
      i.request.path = i.request.path.replace('/connected_apps/', '/connected-apps/');
    });
    expect(errors).toMatch(
      /^request\.path-or-method\.unknown \[a revoke\]: Path or method not defined in spec file: POST /,
    );
  });

  it('fails a request without the Basic auth Stytch requires', async () => {
    const errors = await errorsFor('no-auth', (i) => {
      delete i.request.headers?.Authorization;
    });
    expect(errors).toContain('request.authorization.missing');
  });

  it('fails a status Stytch does not answer with', async () => {
    const errors = await errorsFor('unknown-status', (i) => {
      i.response.status = 418;
    });
    expect(errors).toContain(
      'response.status.unknown [a revoke]: Response status code not defined in spec file: 418',
    );
  });
});
