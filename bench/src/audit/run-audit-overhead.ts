import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { STYTCH_ROUTES, stytchPath } from '@connected-apps/core/wire';
import { bearer, PROXY_BASE_PATH, startPostgres } from '@connected-apps/testkit';
import { type LoadRequest, type LoadResult, measureLoad } from '../load/measure-load.ts';
import type { OverheadProfile } from '../overhead/run-overhead.ts';
import { pairedRatios } from '../overhead/run-overhead.ts';
import { readCpuSeconds } from '../process/cpu-time.ts';
import { spawnChild } from '../process/spawn-child.ts';
import { median, round } from '../stats.ts';
import { createLocalTls } from '../tls/self-signed.ts';
import type { BenchSession } from '../upstream/bench-fixture.ts';
import { startUpstream } from '../upstream/start-upstream.ts';

/** The three ways the proxy runs in this benchmark. */
export type AuditVariantId = 'off' | 'sqlite' | 'postgres';

/** One variant's figures over all rounds. */
export interface AuditVariantSummary {
  id: AuditVariantId;
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuUsPerRequest?: number;
  /** Median over rounds of this variant's throughput over audit-off's in the same round. */
  ratioToOff: number;
  roundRatios: number[];
  /** Median over rounds of this variant's p99 over audit-off's in the same round. */
  p99RatioToOff: number;
  roundP99Ratios: number[];
  /** Rows in its audit database with their outcome after the run (every request is one row). */
  rows?: number;
  rounds: (LoadResult & { cpuUsPerRequest?: number })[];
}

/** The audit-trail benchmark's outcome; `problems` lists what makes the figures untrustworthy. */
export interface AuditOverheadResult {
  profile: OverheadProfile;
  variants: AuditVariantSummary[];
  problems: string[];
}

/** The overhead benchmark's profile, at most 3 rounds: three variants, each its own process. */
export function auditProfile(overhead: OverheadProfile): OverheadProfile {
  const { only: _only, ...rest } = overhead;
  return { ...rest, rounds: Math.min(overhead.rounds, 3) };
}

const LABELS: Record<AuditVariantId, string> = {
  off: 'proxy, audit trail off',
  sqlite: 'proxy, audit trail on SQLite (file, WAL)',
  postgres: 'proxy, audit trail on PostgreSQL (local, pool of 10)',
};

/**
 * The proxy's revoke throughput with the audit trail off, on SQLite and on PostgreSQL, in one run:
 * each variant its own child process (`audit-proxy-process.ts`) in front of the same HTTPS upstream,
 * warmed up, then measured in interleaved rounds whose order rotates, and compared to "off" within
 * each round (as the overhead benchmark compares to the forwarder). Every revoke records a row, written
 * ahead of the Stytch call and completed after it; afterwards each database's rows are counted
 * with their outcome against the requests answered, so a variant that dropped rows or outcomes is reported as a problem.
 *
 * @example
 * const result = await runAuditOverhead({ rounds: 3, durationS: 5, warmupS: 2, connections: 32, users: 16 }, tmpDir);
 */
export async function runAuditOverhead(
  profile: OverheadProfile,
  tmpDir: string,
  log: (line: string) => void = console.log,
): Promise<AuditOverheadResult> {
  const tls = await createLocalTls(join(tmpDir, 'tls'));
  const upstream = await startUpstream(tls, { users: profile.users });
  const postgres = await startPostgres();
  const sqlitePath = join(tmpDir, `audit-bench-${Date.now()}.db`);
  const databases: Record<AuditVariantId, string | undefined> = {
    off: undefined,
    sqlite: `file:${sqlitePath}`,
    postgres: await postgres.createDatabase('audit_bench'),
  };
  const ids: AuditVariantId[] = ['off', 'sqlite', 'postgres'];
  const children = new Map<AuditVariantId, Awaited<ReturnType<typeof spawnChild>>>();
  const results = new Map<AuditVariantId, AuditVariantSummary['rounds']>(ids.map((id) => [id, []]));
  const problems: string[] = [];
  const rows = new Map<AuditVariantId, number>();
  try {
    for (const id of ids) {
      const database = databases[id];
      children.set(
        id,
        await spawnChild(
          new URL('./audit-proxy-process.ts', import.meta.url),
          {
            UPSTREAM_URL: upstream.url,
            NODE_EXTRA_CA_CERTS: tls.certPath,
            STYTCH_PROJECT_ID: upstream.projectId,
            STYTCH_SECRET: upstream.secret,
            AUDIT_SPOOL_DIR: join(tmpDir, `audit-bench-spool-${id}`),
            ...(database ? { AUDIT_DATABASE_URL: database } : {}),
          },
          { stdout: 'ignore' },
        ),
      );
    }
    let sessions = upstream.sessions;
    for (const id of ids) {
      const child = children.get(id)!;
      await measureLoad({
        url: child.url,
        requests: revokes(sessions),
        connections: profile.connections,
        durationS: profile.warmupS,
      });
    }
    for (let r = 0; r < profile.rounds; r++) {
      sessions = await upstream.mintSessions();
      for (const id of rotate(ids, r)) {
        const child = children.get(id)!;
        const cpuBefore = await readCpuSeconds(child.pid);
        const load = await measureLoad({
          url: child.url,
          requests: revokes(sessions),
          connections: profile.connections,
          durationS: profile.durationS,
        });
        const cpuAfter = await readCpuSeconds(child.pid);
        const cpuUsPerRequest =
          cpuBefore === undefined || cpuAfter === undefined || load.completed === 0
            ? undefined
            : Math.round(((cpuAfter - cpuBefore) * 1e6) / load.completed);
        results.get(id)!.push({ ...load, ...(cpuUsPerRequest === undefined ? {} : { cpuUsPerRequest }) });
        const rps = Math.round(load.requestsPerSecond).toString().padStart(6);
        log(
          `  round ${r + 1}/${profile.rounds} audit ${id.padEnd(9)} ${rps} req/s  p50 ${load.p50Ms} ms  p99 ${load.p99Ms} ms`,
        );
      }
    }
  } finally {
    for (const child of children.values()) await child.stop();
    await upstream.stop();
    // Counted once the proxies stopped (and so flushed every queued row).
    rows.set('sqlite', countSqliteRows(sqlitePath));
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlitePath}${suffix}`, { force: true });
    rows.set(
      'postgres',
      Number(await postgres.psql(`SELECT count(*) FROM audit_revocations ${COMPLETED}`, 'audit_bench')),
    );
    await postgres.stop();
  }

  const off = results.get('off')!;
  const variants = ids.map((id): AuditVariantSummary => {
    const rounds = results.get(id)!;
    const failed = rounds.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
    if (failed > 0) problems.push(`audit ${id}: ${failed} non-2xx answers or errors`);
    const throughput = pairedRatios(rounds, off);
    const p99 = pairedRatios(rounds, off, 'p99Ms');
    const cpu = rounds.flatMap((r) => (r.cpuUsPerRequest === undefined ? [] : [r.cpuUsPerRequest]));
    const answered = rounds.reduce((sum, r) => sum + r.completed, 0);
    const recorded = rows.get(id);
    // The warm-up's revokes are recorded too: at least one row per measured answer.
    if (recorded !== undefined && recorded < answered) {
      problems.push(`audit ${id}: ${recorded} rows with an outcome for ${answered} answered revokes`);
    }
    return {
      id,
      label: LABELS[id],
      requestsPerSecond: round(median(rounds.map((r) => r.requestsPerSecond))),
      p50Ms: round(median(rounds.map((r) => r.p50Ms))),
      p99Ms: round(median(rounds.map((r) => r.p99Ms))),
      ...(cpu.length ? { cpuUsPerRequest: Math.round(median(cpu)) } : {}),
      ratioToOff: throughput.ratio,
      roundRatios: throughput.roundRatios,
      p99RatioToOff: p99.ratio,
      roundP99Ratios: p99.roundRatios,
      ...(recorded === undefined ? {} : { rows: recorded }),
      rounds,
    };
  });
  return { profile, variants, problems };
}

/** The load: one revoke per benchmark user, each to its own app, as a signed-in browser calls it. */
function revokes(sessions: BenchSession[]): LoadRequest[] {
  return sessions.map((s) => ({
    method: STYTCH_ROUTES.usersRevoke.method,
    path: `${PROXY_BASE_PATH}${stytchPath(STYTCH_ROUTES.usersRevoke.template, s)}`,
    headers: { 'content-type': 'application/json', ...bearer(s.session_jwt) },
    body: '{}',
  }));
}

function rotate<T>(list: T[], by: number): T[] {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

/** Rows whose outcome was written: a row still `pending` after the proxy stopped lost its outcome. */
const COMPLETED = "WHERE outcome <> 'pending'";

function countSqliteRows(path: string): number {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return Number(
      (db.prepare(`SELECT count(*) AS n FROM audit_revocations ${COMPLETED}`).get() as { n: number }).n,
    );
  } finally {
    db.close();
  }
}
