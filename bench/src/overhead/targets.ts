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

const revokePath = (s: BenchSession) =>
  `/v1/users/${encodeURIComponent(s.user_id)}/connected_apps/${encodeURIComponent(s.connected_app_id)}/revoke`;

const json = { 'content-type': 'application/json' };

function basicAuth(upstream: Upstream): string {
  return `Basic ${Buffer.from(`${upstream.projectId}:${upstream.secret}`).toString('base64')}`;
}

/** Signed-in browser-style calls: the session JWT as a bearer token, under the `/api` base path. */
function sessionRequests(sessions: BenchSession[]): LoadRequest[] {
  return sessions.map((s) => ({
    method: 'POST',
    path: `/api${revokePath(s)}`,
    headers: { ...json, authorization: `Bearer ${s.session_jwt}` },
    body: '{}',
  }));
}

async function startChildTarget(
  file: string,
  upstream: Upstream,
  tls: LocalTlsMaterial,
): Promise<Omit<StartedTarget, 'requests'>> {
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
  return { url: child.url, pid: child.pid, stop: child.stop };
}

/** The four targets, baseline second: (a) emulator direct, (b) forwarder, (c) proxy, (d) Express + SDK. */
export const targets: TargetDefinition[] = [
  {
    id: 'emulator-direct',
    label: 'Emulator, direct (HTTPS)',
    setup: 'autocannon straight to the HTTPS upstream with Basic auth: the ceiling, not a competitor',
    async start(upstream) {
      const authorization = basicAuth(upstream);
      return {
        url: upstream.url,
        pid: upstream.pid,
        requests: (sessions) =>
          sessions.map((s) => ({
            method: 'POST',
            path: revokePath(s),
            headers: { ...json, authorization },
            body: '{}',
          })),
        stop: async () => {},
      };
    },
  },
  {
    id: 'forwarder',
    label: 'Minimal node:http forwarder',
    setup:
      'node:http server, adds Basic auth, streams to the upstream over a keep-alive https.Agent; no checks',
    async start(upstream, tls) {
      const child = await startChildTarget('../targets/forwarder-process.ts', upstream, tls);
      return {
        ...child,
        requests: (sessions) =>
          sessions.map((s) => ({ method: 'POST', path: revokePath(s), headers: json, body: '{}' })),
      };
    },
  },
  {
    id: 'proxy',
    label: '@connected-apps/proxy (JWT verified)',
    setup:
      'startProxy() with shipped defaults (JWT verification, authorization, CORS, origin check, secure headers, ' +
      'body limit, info logs to a discarded stdout); rate limits raised so they count but never trip',
    async start(upstream, tls) {
      const child = await startChildTarget('../targets/proxy-process.ts', upstream, tls);
      return { ...child, requests: sessionRequests };
    },
  },
  {
    id: 'express-stytch',
    label: 'Express + stytch SDK (authenticateJwt)',
    setup:
      'Express 5, stytch SDK sessions.authenticateJwt (local JWKS verification), ownership check, users.revoke',
    async start(upstream, tls) {
      const child = await startChildTarget('../targets/express-stytch-process.ts', upstream, tls);
      return { ...child, requests: sessionRequests };
    },
  },
];
