/**
 * Drives the official `stytch` SDK, unchanged, against an emulator. Runs in its own process so the
 * emulator's self-signed certificate can be trusted through NODE_EXTRA_CA_CERTS, which both the SDK's
 * fetch and its JWKS loader honour. Prints one JSON document of results on stdout.
 */
import { Client } from 'stytch';
import { readScenario, sdkOptions, settle } from './scenario.ts';

interface Scenario {
  userId: string;
  externalId: string;
  appId: string;
  otherAppId: string;
  sessionJwt: string;
  sessionToken: string;
}

const input = readScenario<Scenario>();
const client = new Client(sdkOptions(input));

const results = {
  list: await settle(() => client.users.connectedApps({ user_id: input.userId })),
  revoke: await settle(() => client.users.revoke({ user_id: input.userId, connected_app_id: input.appId })),
  jwtLocal: await settle(() => client.sessions.authenticateJwt({ session_jwt: input.sessionJwt })),
  jwtRemote: await settle(() =>
    client.sessions.authenticateJwt({ session_jwt: input.sessionJwt, max_token_age_seconds: 0 }),
  ),
  token: await settle(() => client.sessions.authenticate({ session_token: input.sessionToken })),
  revokeByExternalId: await settle(() =>
    client.users.revoke({ user_id: input.externalId, connected_app_id: input.otherAppId }),
  ),
  error: await settle(() =>
    client.users.revoke({ user_id: input.userId, connected_app_id: 'connected-app-test-does-not-exist' }),
  ),
};
process.stdout.write(JSON.stringify(results));
