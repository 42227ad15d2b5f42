import { MatchersV3 } from '@pact-foundation/pact';
import { CONNECTED_APP } from '../support/examples.ts';
import {
  FAKE_SESSION_JWT,
  FAKE_SESSION_TOKEN,
  id,
  matching,
  rfc3339,
  stytchRequestId,
} from '../support/matchers.ts';

const { boolean, eachLike, integer, like, string } = MatchersV3;

/**
 * Stytch's response bodies as the pacts pin them: the `stytch-api` pact, and the react pact wherever
 * the proxy passes Stytch's answer through (one wire shape everywhere). The OpenAPI check requires
 * every property Stytch's description marks required, so these are whole responses, not only the
 * fields the consumers read; values are matched by type or pattern wherever Stytch generates them.
 */

/** Stytch's error envelope; `error_url` is Stytch's page for the status (as in the seed's examples). */
export function stytchErrorBody(status: number, error_type: string) {
  return {
    status_code: status,
    request_id: stytchRequestId(),
    error_type,
    error_message: string('A sentence saying what went wrong.'),
    error_url: `https://stytch.com/docs/api/errors/${status}`,
  };
}

export const revokeBody = () => ({ request_id: stytchRequestId(), status_code: integer(200) });

export const connectedAppsBody = () => ({
  request_id: stytchRequestId(),
  status_code: integer(200),
  connected_apps: eachLike({
    connected_app_id: id(CONNECTED_APP.connected_app_id),
    name: string(CONNECTED_APP.name),
    description: string(CONNECTED_APP.description),
    client_type: matching(
      '^(first_party|first_party_public|third_party|third_party_public)$',
      CONNECTED_APP.client_type,
    ),
    logo_url: string(CONNECTED_APP.logo_url),
    scopes_granted: matching('^[^ ]+( [^ ]+)*$', CONNECTED_APP.scopes_granted),
  }),
});

/** `POST /v1/sessions/authenticate` 200 for a session of `user_id`. */
export function authenticateBody(user_id: string) {
  const at = '2021-08-09T07:41:52Z';
  return {
    status_code: integer(200),
    request_id: stytchRequestId(),
    session: {
      session_id: id('session-test-fe6c042b-6286-479f-8a4f-b046a6c46509'),
      user_id: id(user_id),
      authentication_factors: eachLike({ type: string('magic_link'), delivery_method: string('email') }),
      roles: eachLike('stytch_user'),
      started_at: rfc3339(at),
      last_accessed_at: rfc3339(at),
      expires_at: rfc3339('2021-08-10T07:41:52Z'),
    },
    session_token: string(FAKE_SESSION_TOKEN),
    session_jwt: string(FAKE_SESSION_JWT),
    user: {
      user_id: id(user_id),
      emails: eachLike({
        email_id: id('email-test-81bf03a8-86e1-4d95-bd44-bb3495224953'),
        email: string('ada@example.com'),
        verified: boolean(true),
      }),
      status: string('active'),
      phone_numbers: like([]),
      webauthn_registrations: like([]),
      providers: like([]),
      totps: like([]),
      crypto_wallets: like([]),
      biometric_registrations: like([]),
      is_locked: boolean(false),
      roles: like([]),
    },
  };
}

/** `GET /v1/sessions/jwks/{project_id}` 200: RS256 keys (the only algorithm the proxy accepts). */
export const jwksBody = () => ({
  keys: eachLike({
    kty: 'RSA',
    use: 'sig',
    key_ops: eachLike('verify'),
    alg: 'RS256',
    kid: id('jwk-test-78d89caa-f3aa-4e00-9000-cc0000000b00'),
    x5c: eachLike(string('MIICvDCCAaQCCQD-not-a-real-certificate')),
    x5tS256: string('FyVfakefakefakefakefakefakefakefakefakefake='),
    n: matching('^[A-Za-z0-9_-]+$', 'sXchZ1x-fake-modulus-QnI8rCvy5Hk2oJ4mOd8zEi6d'),
    e: string('AQAB'),
  }),
  request_id: stytchRequestId(),
  status_code: integer(200),
});
