/**
 * `@connected-apps/testkit`: what the workspaces' tests share — the emulator + proxy stack, seeded
 * users and sessions, Stytch and proxy paths built on core's wire, credentials headers, raw HTTP and
 * socket requests, captured logs, faults on one route, request counting. Private, source only.
 */

export {
  type LaunchChromiumOptions,
  launchChromium,
  type PersistentChromium,
} from './browser/launch-chromium.ts';
export { type JournaledPage, journalPage, type PageJournal } from './browser/page-journal.ts';
export {
  POSTGRES_ROOT,
  postgresBinDir,
  type RunningPostgres,
  type StartPostgresOptions,
  startPostgres,
} from './engines/start-postgres.ts';
export { type RunningRedis, type StartRedisOptions, startRedis } from './engines/start-redis.ts';
export { chunkedBody } from './http/chunked-body.ts';
export { bearer, sessionJwtCookie, sessionTokenCookie } from './http/credentials.ts';
export { postRevoke } from './http/post-revoke.ts';
export { type RawRequestOptions, type RawResponse, rawRequest } from './http/raw-request.ts';
export {
  type HttpResponse,
  parseHttpResponse,
  parseHttpResponses,
  type RawSocketOptions,
  type RawSocketResponse,
  rawSocket,
} from './http/raw-socket.ts';
export {
  type CapturedLogs,
  type CaptureLogsOptions,
  captureLogs,
  type LogDestination,
} from './logs/capture-logs.ts';
export { freePort } from './net/free-port.ts';
export { type ListeningServer, listeningServer } from './net/listening-server.ts';
export {
  PROXY_BASE_PATH,
  proxyListPath,
  proxyRevokePath,
  stytchListPath,
  stytchRevokePath,
} from './paths/paths.ts';
export { countRequests, quietPeriod, stytchRequests } from './requests/count-requests.ts';
export { type FaultEffect, injectListFault, injectRevokeFault } from './requests/inject-fault.ts';
export { withEditedOrganizationClaim } from './seed/member-sessions.ts';
export {
  type SeededMember,
  type SeededOrganization,
  type SeedMemberOptions,
  seedMember,
  seedOrganization,
} from './seed/seed-organization.ts';
export { type SeededUser, type SeedUserOptions, seedUser } from './seed/seed-user.ts';
export { seedWorld, type World } from './seed/seed-world.ts';
export { mintExpiredSessionJwt, withTamperedSignature } from './seed/sessions.ts';
export {
  PACT_PROVIDER_RATE_LIMIT,
  PACT_PROVIDER_UPSTREAM_TIMEOUT_MS,
  spendAllowance,
  startPactProviderStack,
} from './stack/pact-provider-stack.ts';
export { ADMIN_ROLE, ALLOWED_ORIGIN, proxyEnv } from './stack/proxy-env.ts';
export {
  type ProxyStartOptions,
  type RunningProxyLike,
  type Stack,
  type StackOptions,
  type StartProxy,
  startStack,
} from './stack/start-stack.ts';
