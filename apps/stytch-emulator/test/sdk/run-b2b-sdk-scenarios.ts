/**
 * Drives the official `stytch` SDK's `B2BClient`, unchanged, against an emulator (in its own process,
 * for NODE_EXTRA_CA_CERTS, as `run-sdk-scenarios.ts` does). Prints one JSON document of results.
 */
import { B2BClient } from 'stytch';
import { readScenario, sdkOptions, settle } from './scenario.ts';

interface Scenario {
  organizationId: string;
  slug: string;
  memberId: string;
  memberExternalId: string;
  otherMemberId: string;
  appId: string;
  otherAppId: string;
  sessionToken: string;
  sessionJwt: string;
  customDomainJwt: string;
}

const input = readScenario<Scenario>();
const client = new B2BClient(sdkOptions(input));
const asMember = { authorization: { session_token: input.sessionToken } };

const results = {
  list: await settle(() =>
    client.organizations.members.getConnectedApps(
      { organization_id: input.slug, member_id: input.memberExternalId },
      asMember,
    ),
  ),
  organizationApps: await settle(() =>
    client.organizations.connectedApps({ organization_id: input.organizationId }),
  ),
  organizationApp: await settle(() =>
    client.organizations.getConnectedApp({
      organization_id: input.organizationId,
      connected_app_id: input.appId,
    }),
  ),
  organization: await settle(() => client.organizations.get({ organization_id: input.slug })),
  member: await settle(() =>
    client.organizations.members.get({
      organization_id: input.organizationId,
      member_id: input.memberExternalId,
    }),
  ),
  policy: await settle(() => client.rbac.policy()),
  revoke: await settle(() =>
    client.organizations.members.connectedApps.revoke(
      { organization_id: input.organizationId, member_id: input.memberId, connected_app_id: input.appId },
      { authorization: { session_jwt: input.sessionJwt } },
    ),
  ),
  forbidden: await settle(() =>
    client.organizations.members.connectedApps.revoke(
      {
        organization_id: input.organizationId,
        member_id: input.otherMemberId,
        connected_app_id: input.appId,
      },
      asMember,
    ),
  ),
  authenticate: await settle(() => client.sessions.authenticate({ session_token: input.sessionToken })),
  jwtLocal: await settle(() => client.sessions.authenticateJwt({ session_jwt: input.sessionJwt })),
  jwtRemote: await settle(() =>
    client.sessions.authenticateJwt({ session_jwt: input.sessionJwt, max_token_age_seconds: 0 }),
  ),
  jwtCustomDomain: await settle(() =>
    client.sessions.authenticateJwtLocal({ session_jwt: input.customDomainJwt }),
  ),
  notFound: await settle(() =>
    client.organizations.members.connectedApps.revoke({
      organization_id: input.organizationId,
      member_id: input.memberId,
      connected_app_id: 'connected-app-test-does-not-exist',
    }),
  ),
};
process.stdout.write(JSON.stringify(results));
