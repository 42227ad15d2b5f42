import { basicAuthorization, STYTCH_ROUTES, stytchPath } from '@connected-apps/core/wire';
import { bearer, PROXY_BASE_PATH } from '@connected-apps/testkit';
import type { LoadRequest } from '../load/measure-load.ts';
import { spawnChild } from '../process/spawn-child.ts';
import type { LocalTlsMaterial } from '../tls/self-signed.ts';
import type { BenchSession } from '../upstream/bench-fixture.ts';
import type { Upstream } from '../upstream/start-upstream.ts';

/** A target as the load generator sees it. */
export interface StartedTarget {
  url: string;
  /** The process that serves the target, whose CPU time per request is reported. */
  pid: number;
  /** The requests one connection cycles through (one per benchmark user). */
  requests(sessions: BenchSession[]): LoadRequest[];
  stop(): Promise<void>;
}

/** One of the four things whose revoke throughput is compared. */
export interface TargetDefinition {
  id: 'emulator-direct' | 'forwarder' | 'proxy' | 'express-stytch';
  label: string;
  /** How the target is set up, recorded beside its figures. */
  setup: string;
  start(upstream: Upstream, tls: LocalTlsMaterial): Promise<StartedTarget>;
}

/**
 * The load: one revoke per benchmark user, each to its own user and app, under `basePath` (the
 * proxy's, for targets that serve its routes; none for the upstream and the forwarder).
 */
function revokeRequests(
  sessions: BenchSession[],
  basePath: string,
  authorization: (s: BenchSession) => Record<string, string>,
): LoadRequest[] {
  return sessions.map((s) => ({
    method: STYTCH_ROUTES.usersRevoke.method,
    path: `${basePath}${stytchPath(STYTCH_ROUTES.usersRevoke.template, s)}`,
    headers: { 'content-type': 'application/json', ...authorization(s) },
    body: '{}',
  }));
}

/** Signed-in browser-style calls: the session JWT as a bearer token, under the proxy's base path. */
const sessionRequests = (sessions: BenchSession[]) =>
  revokeRequests(sessions, PROXY_BASE_PATH, (s) => bearer(s.session_jwt));

/**
 * Starts a target served by its own child process (`file`, relative to this module) in front of the
 * upstream, loaded with `requests`.
 */
function childTarget(file: string, requests: StartedTarget['requests']): TargetDefinition['start'] {
  return async (upstream, tls) => {
    const child = await spawnChild(
      new URL(file, import.meta.url),
      {
        UPSTREAM_URL: upstream.url,
        UPSTREAM_CA_FILE: tls.certPath,
        NODE_EXTRA_CA_CERTS: tls.certPath,
        STYTCH_PROJECT_ID: upstream.projectId,
        STYTCH_SECRET: upstream.secret,
      },
      { stdout: 'ignore' },
    );
    return { url: child.url, pid: child.pid, stop: child.stop, requests };
  };
}

/** The four targets, baseline second: (a) emulator direct, (b) forwarder, (c) proxy, (d) Express + SDK. */
export const targets: TargetDefinition[] = [
  {
    id: 'emulator-direct',
    label: 'Emulator, direct (HTTPS)',
    setup: 'autocannon straight to the HTTPS upstream with Basic auth: the ceiling, not a competitor',
    async start(upstream) {
      const authorization = basicAuthorization(upstream.projectId, upstream.secret);
      return {
        url: upstream.url,
        pid: upstream.pid,
        requests: (sessions) => revokeRequests(sessions, '', () => ({ authorization })),
        stop: async () => {},
      };
    },
  },
  {
    id: 'forwarder',
    label: 'Minimal node:http forwarder',
    setup:
      'node:http server, adds Basic auth, streams to the upstream over a keep-alive https.Agent; no checks',
    // The forwarder adds the Basic credentials itself.
    start: childTarget('../targets/forwarder-process.ts', (sessions) =>
      revokeRequests(sessions, '', () => ({})),
    ),
  },
  {
    id: 'proxy',
    label: '@connected-apps/proxy (JWT verified)',
    setup:
      'startProxy() with shipped defaults (JWT verification, authorization, CORS, origin check, secure headers, ' +
      'body limit, info logs to a discarded stdout); rate limits raised so they count but never trip',
    start: childTarget('../targets/proxy-process.ts', sessionRequests),
  },
  {
    id: 'express-stytch',
    label: 'Express + stytch SDK (authenticateJwt)',
    setup:
      'Express 5, stytch SDK sessions.authenticateJwt (local JWKS verification), ownership check, users.revoke',
    start: childTarget('../targets/express-stytch-process.ts', sessionRequests),
  },
];
