import type { RunningChild } from '../process/spawn-child.ts';
import { spawnChild } from '../process/spawn-child.ts';
import type { LocalTlsMaterial } from '../tls/self-signed.ts';
import type { BenchSession, UpstreamDetails } from './bench-fixture.ts';

/** The HTTPS upstream every benchmark target talks to. */
export interface Upstream extends UpstreamDetails {
  url: string;
  pid: number;
  /** Mints a fresh session JWT for every benchmark user (JWTs live five minutes). */
  mintSessions(): Promise<BenchSession[]>;
  stop(): Promise<void>;
}

/**
 * Starts the emulator over TLS in its own process and seeds `users` benchmark users.
 *
 * @example
 * const upstream = await startUpstream(tls, { users: 16 });
 */
export async function startUpstream(tls: LocalTlsMaterial, options: { users: number }): Promise<Upstream> {
  const child: RunningChild = await spawnChild(new URL('./emulator-process.ts', import.meta.url), {
    UPSTREAM_CERT_FILE: tls.certPath,
    UPSTREAM_KEY_FILE: tls.keyPath,
    BENCH_USERS: String(options.users),
  });
  const details = child.details as unknown as UpstreamDetails;
  return {
    ...details,
    url: child.url,
    pid: child.pid,
    mintSessions: () => child.request<BenchSession[]>('mint-sessions'),
    stop: child.stop,
  };
}
