import {
  CONNECTED_APP_ID,
  GRANTED_SCOPES,
  MEMBER_ID,
  ORGANIZATION_CONNECTED_APP,
  ORGANIZATION_ID,
} from '../support/examples.ts';
import { EXAMPLE_REQUEST_ID, FAKE_BASIC_AUTH } from '../support/matchers.ts';

/** The parts of a V4 pact file the OpenAPI check reads. */
export interface PactDocument {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  metadata: { pactSpecification: { version: string } };
}

export interface PactInteraction {
  type: 'Synchronous/HTTP';
  description: string;
  request: {
    method: string;
    path: string;
    headers?: Record<string, string[]>;
    body?: { content: unknown; contentType: string; encoded: false };
  };
  response: {
    status: number;
    headers?: Record<string, string[]>;
    body?: { content: Record<string, unknown>; contentType: string; encoded: false };
  };
}

/** A pact of one interaction with `stytch-api`, as the consumer of a known-good pact. */
function pactOf(interaction: PactInteraction): PactDocument {
  return {
    consumer: { name: 'known-good-consumer' },
    provider: { name: 'stytch-api' },
    interactions: [interaction],
    metadata: { pactSpecification: { version: '4.0' } },
  };
}

/** A 200 answer with this JSON body. */
function jsonAnswer(content: Record<string, unknown>): PactInteraction['response'] {
  return {
    status: 200,
    headers: { 'Content-Type': ['application/json'] },
    body: { content, contentType: 'application/json', encoded: false },
  };
}

/**
 * A one-interaction pact that agrees with Stytch's description: the revoke from the seed's own
 * example. The OpenAPI check's tests break copies of it on purpose, each in one way, so that what
 * fails is the deliberate break alone, whatever state the real pact is in.
 */
export function knownGoodPact(): PactDocument {
  return pactOf({
    type: 'Synchronous/HTTP',
    description: 'a revoke',
    request: {
      method: 'POST',
      path: '/v1/users/user-test-16d9ba61-97a1-4ba4-9720-b03761dc50c6/connected_apps/connected-app-test-d731954d-dab3-4a2b-bdee-07f3ad1be888/revoke',
      headers: { Authorization: [FAKE_BASIC_AUTH], 'Content-Type': ['application/json'] },
      body: { content: {}, contentType: 'application/json', encoded: false },
    },
    response: jsonAnswer({ request_id: EXAMPLE_REQUEST_ID, status_code: 200 }),
  });
}

/**
 * The B2B counterpart of {@link knownGoodPact}: an admin's view of one app of the organization and the
 * member who granted it, as Stytch's B2B description has it (`active_members[].granted_scopes` an array).
 */
export function knownGoodB2BPact(): PactDocument {
  return pactOf({
    type: 'Synchronous/HTTP',
    description: 'a view of one app',
    request: {
      method: 'GET',
      path: `/v1/b2b/organizations/${ORGANIZATION_ID}/connected_apps/${CONNECTED_APP_ID}`,
      headers: { Authorization: [FAKE_BASIC_AUTH] },
    },
    response: jsonAnswer({
      request_id: EXAMPLE_REQUEST_ID,
      status_code: 200,
      ...ORGANIZATION_CONNECTED_APP,
      active_members: [{ member_id: MEMBER_ID, granted_scopes: GRANTED_SCOPES }],
    }),
  });
}
