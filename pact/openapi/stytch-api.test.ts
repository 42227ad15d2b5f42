import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pactFilePath, STYTCH_OPENAPI } from '../support/pact-files.ts';
import { PROXY, STYTCH_API } from '../support/participants.ts';
import { checkPactAgainstOpenApi, formatOutcome } from './check-pact-against-openapi.ts';

interface PactInteraction {
  description: string;
  request: { method: string; path: string; headers?: Record<string, string[]> };
  response: { status: number; body?: { content?: Record<string, unknown> } };
}

const PACT = pactFilePath(PROXY, STYTCH_API);
const scratch = mkdtempSync(join(tmpdir(), 'stytch-api-pact-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the committed pact with one interaction broken on purpose, written to a scratch file. */
function brokenPact(description: string, breakIt: (interaction: PactInteraction) => void): string {
  const pact = JSON.parse(readFileSync(PACT, 'utf8')) as { interactions: PactInteraction[] };
  const interaction = pact.interactions.find((i) => i.description === description);
  if (!interaction) throw new Error(`No interaction "${description}" in ${PACT}`);
  breakIt(interaction);
  const file = join(scratch, `${description.replace(/\W+/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

const REVOKE = 'a revoke of a connected app the user authorized';

describe("the stytch-api pact against Stytch's OpenAPI description", () => {
  it('agrees with it: every path, method, auth, status and body', async () => {
    const outcome = await checkPactAgainstOpenApi(STYTCH_OPENAPI, PACT);
    expect(formatOutcome(outcome)).toBe('');
    expect(outcome.success).toBe(true);
  });

  it('fails for a pact whose response lacks a property Stytch requires (request_id)', async () => {
    const pact = brokenPact(REVOKE, (i) => {
      delete i.response.body?.content?.request_id;
    });
    const outcome = await checkPactAgainstOpenApi(STYTCH_OPENAPI, pact);
    expect(outcome.success).toBe(false);
    expect(formatOutcome(outcome)).toContain(
      `response.body.incompatible [${REVOKE}]: Response body is incompatible with the response body schema in the spec file: must have required property 'request_id'`,
    );
  });

  it('fails for a pact that calls a path Stytch does not serve', async () => {
    const pact = brokenPact(REVOKE, (i) => {
      i.request.path = i.request.path.replace(/\/revoke$/, '/revocation');
    });
    const outcome = await checkPactAgainstOpenApi(STYTCH_OPENAPI, pact);
    expect(outcome.success).toBe(false);
    expect(outcome.errors.map((e) => e.code)).toContain('request.path-or-method.unknown');
  });

  it('fails for a pact request without the Basic auth Stytch requires', async () => {
    const pact = brokenPact(REVOKE, (i) => {
      delete i.request.headers?.Authorization;
    });
    const outcome = await checkPactAgainstOpenApi(STYTCH_OPENAPI, pact);
    expect(outcome.success).toBe(false);
    expect(outcome.errors.map((e) => e.code)).toContain('request.authorization.missing');
  });

  it('fails for a property Stytch does not describe', async () => {
    const pact = brokenPact(REVOKE, (i) => {
      if (i.response.body?.content) i.response.body.content.revoked_at = '2021-08-09T07:41:52Z';
    });
    const outcome = await checkPactAgainstOpenApi(STYTCH_OPENAPI, pact);
    expect(outcome.success).toBe(false);
    expect(formatOutcome(outcome)).toContain('must NOT have additional properties - revoked_at');
  });
});
