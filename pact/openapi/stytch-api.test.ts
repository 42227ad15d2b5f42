import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePactSubset } from '../support/pact-copy.ts';
import { pactFilePath, STYTCH_B2B_OPENAPI, STYTCH_OPENAPI } from '../support/pact-files.ts';
import { PROXY, STYTCH_API } from '../support/participants.ts';
import { checkPactAgainstOpenApi, formatOutcome } from './check-pact-against-openapi.ts';
import {
  knownGoodB2BPact,
  knownGoodPact,
  type PactDocument,
  type PactInteraction,
} from './known-good-pact.ts';

const scratch = mkdtempSync(join(tmpdir(), 'stytch-api-pact-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a known-good pact (the consumer one unless given), broken by `breakIt` (or intact), to a scratch file. */
function pactFile(
  name: string,
  breakIt: (interaction: PactInteraction) => void = () => {},
  pact: PactDocument = knownGoodPact(),
): string {
  const [interaction] = pact.interactions;
  if (interaction) breakIt(interaction);
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

async function errorsFor(
  name: string,
  breakIt: (interaction: PactInteraction) => void,
  spec = STYTCH_OPENAPI,
  pact?: PactDocument,
): Promise<string> {
  const outcome = await checkPactAgainstOpenApi(spec, pactFile(name, breakIt, pact));
  expect(outcome.success).toBe(false);
  return formatOutcome(outcome);
}

/** Stytch's B2B operations are all under `/v1/b2b/`, and nothing else is. */
const isB2B = (interaction: { request: { path: string } }) => interaction.request.path.startsWith('/v1/b2b/');

describe("the stytch-api pact against Stytch's OpenAPI descriptions", () => {
  // One pact, two descriptions (as Stytch documents its consumer and B2B APIs apart): each
  // interaction is checked against the one that describes its path, and every interaction is checked.
  const pact = pactFilePath(PROXY, STYTCH_API);
  const consumerPart = join(scratch, 'consumer-part.json');
  const b2bPart = join(scratch, 'b2b-part.json');
  const consumerCount = writePactSubset(pact, consumerPart, (i) => !isB2B(i));
  const b2bCount = writePactSubset(pact, b2bPart, isB2B);

  it('holds consumer and B2B interactions, each checked below', () => {
    expect(consumerCount).toBeGreaterThan(0);
    expect(b2bCount).toBeGreaterThan(0);
    expect(consumerCount + b2bCount).toBe(writePactSubset(pact, join(scratch, 'all.json'), () => true));
  });

  it('consumer interactions agree with stytch-api.yaml: every path, method, auth, status and body', async () => {
    const outcome = await checkPactAgainstOpenApi(STYTCH_OPENAPI, consumerPart);
    expect(formatOutcome(outcome)).toBe('');
    expect(outcome.success).toBe(true);
  });

  it('B2B interactions agree with stytch-b2b-api.yaml: every path, method, auth, status and body', async () => {
    const outcome = await checkPactAgainstOpenApi(STYTCH_B2B_OPENAPI, b2bPart);
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

describe('the OpenAPI check, on B2B', () => {
  // The assertion is on the whole output, so the deliberate break alone fails the known-good B2B pact.
  const b2b = (name: string, breakIt: (interaction: PactInteraction) => void) =>
    errorsFor(name, breakIt, STYTCH_B2B_OPENAPI, knownGoodB2BPact());

  it('fails an active member whose granted_scopes is a string, as a member app’s scopes_granted is', async () => {
    const errors = await b2b('granted-scopes-string', (i) => {
      const members = i.response.body?.content.active_members as Array<Record<string, unknown>> | undefined;
      const [member] = members ?? [];
      if (member) member.granted_scopes = 'openid email profile';
    });
    expect(errors).toBe(
      'response.body.incompatible [a view of one app]: Response body is incompatible with the response body schema in the spec file: must be array',
    );
  });
});
