import { join } from 'node:path';
import { type LoadRequest, type LoadResult, measureLoad } from '../load/measure-load.ts';
import { readCpuSeconds } from '../process/cpu-time.ts';
import { median, round } from '../stats.ts';
import { createLocalTls } from '../tls/self-signed.ts';
import { startUpstream } from '../upstream/start-upstream.ts';
import { type StartedTarget, type TargetDefinition, targets } from './targets.ts';

/** How long and how hard the overhead benchmark runs. */
export interface OverheadProfile {
  /** Interleaved rounds; each measures every target once. */
  rounds: number;
  /** Measured seconds per target per round. */
  durationS: number;
  /** Unmeasured seconds per target before the first round (JIT, TLS sessions, JWKS, caches). */
  warmupS: number;
  /** Concurrent keep-alive connections, the same for every target. */
  connections: number;
  /** Distinct signed-in users the requests cycle through. */
  users: number;
  /** Measure only these targets (the forwarder, the baseline, is always included). @default all */
  only?: TargetDefinition['id'][];
}

/** One target's figures over all rounds. */
export interface TargetSummary {
  id: TargetDefinition['id'];
  label: string;
  setup: string;
  /** Median over rounds of completed requests per second. */
  requestsPerSecond: number;
  /** Median over rounds of the round's p50 latency, ms. */
  p50Ms: number;
  /** Median over rounds of the round's p99 latency, ms. */
  p99Ms: number;
  /** Median over rounds of the target process's CPU time per completed request, µs (Linux only). */
  cpuUsPerRequest?: number;
  /**
   * Median over rounds of this target's throughput over the forwarder's in the same round. Pairing
   * within a round cancels the machine's drift between rounds, which a ratio of medians would not.
   */
  ratioToForwarder: number;
  /** Each round's throughput over the forwarder's in the same round. */
  roundRatios: number[];
  /** Median over rounds of this target's p99 latency over the forwarder's in the same round (lower is better). */
  p99RatioToForwarder: number;
  /** Each round's p99 latency over the forwarder's in the same round. */
  roundP99Ratios: number[];
  rounds: RoundResult[];
}

/** One measured run of one target, with the CPU its process spent per request. */
export interface RoundResult extends LoadResult {
  cpuUsPerRequest?: number;
}

/** The benchmark's outcome; `problems` lists anything that makes the figures untrustworthy. */
export interface OverheadResult {
  profile: OverheadProfile;
  baseline: 'forwarder';
  targets: TargetSummary[];
  problems: string[];
}

function formatRound(round: number, rounds: number, id: string, r: RoundResult): string {
  const rps = Math.round(r.requestsPerSecond).toString().padStart(6);
  const cpu = r.cpuUsPerRequest === undefined ? '' : `  CPU ${r.cpuUsPerRequest} µs/req`;
  const failed = r.non2xx || r.errors ? `  non-2xx ${r.non2xx}, errors ${r.errors}` : '';
  return `  round ${round + 1}/${rounds} ${id.padEnd(16)} ${rps} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms${cpu}${failed}`;
}

function rotate<T>(list: T[], by: number): T[] {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

/**
 * Starts the HTTPS upstream and every target, warms each up, then measures them in interleaved
 * rounds (the order rotates each round, so drift in machine load spreads over all targets).
 *
 * @example
 * const result = await runOverhead({ rounds: 3, durationS: 8, warmupS: 2, connections: 32, users: 16 }, tmpDir);
 */
export async function runOverhead(
  profile: OverheadProfile,
  tmpDir: string,
  log: (line: string) => void = console.log,
): Promise<OverheadResult> {
  const chosen = targets.filter((t) => !profile.only || t.id === 'forwarder' || profile.only.includes(t.id));
  const tls = await createLocalTls(join(tmpDir, 'tls'));
  const upstream = await startUpstream(tls, { users: profile.users });
  const started = new Map<TargetDefinition['id'], StartedTarget>();
  const results = new Map<TargetDefinition['id'], RoundResult[]>(chosen.map((t) => [t.id, []]));
  try {
    for (const target of chosen) started.set(target.id, await target.start(upstream, tls));
    let sessions = upstream.sessions;
    for (const target of chosen) {
      const s = started.get(target.id)!;
      await measureLoad({
        url: s.url,
        requests: s.requests(sessions),
        connections: profile.connections,
        durationS: profile.warmupS,
      });
    }
    for (let r = 0; r < profile.rounds; r++) {
      sessions = await upstream.mintSessions();
      for (const target of rotate(chosen, r)) {
        const s = started.get(target.id)!;
        const result = await measureRound(s, s.requests(sessions), profile);
        results.get(target.id)!.push(result);
        log(formatRound(r, profile.rounds, target.id, result));
      }
    }
  } finally {
    for (const s of started.values()) await s.stop();
    await upstream.stop();
  }
  return summarize(profile, chosen, results);
}

async function measureRound(
  target: StartedTarget,
  requests: LoadRequest[],
  profile: OverheadProfile,
): Promise<RoundResult> {
  const cpuBefore = await readCpuSeconds(target.pid);
  const load = await measureLoad({
    url: target.url,
    requests,
    connections: profile.connections,
    durationS: profile.durationS,
  });
  const cpuAfter = await readCpuSeconds(target.pid);
  if (cpuBefore === undefined || cpuAfter === undefined || load.completed === 0) return load;
  return { ...load, cpuUsPerRequest: Math.round(((cpuAfter - cpuBefore) * 1e6) / load.completed) };
}

function summarize(
  profile: OverheadProfile,
  chosen: TargetDefinition[],
  results: Map<TargetDefinition['id'], RoundResult[]>,
): OverheadResult {
  const baseline = results.get('forwarder')!;
  const problems: string[] = [];
  const summaries = chosen.map((target): TargetSummary => {
    const rounds = results.get(target.id)!;
    const failed = rounds.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
    if (failed > 0) {
      const codes = rounds.flatMap((r) => Object.entries(r.statusCodes).map(([code, n]) => `${code}×${n}`));
      problems.push(`${target.id}: ${failed} non-2xx responses or errors (${codes.join(', ')})`);
    }
    const rps = median(rounds.map((r) => r.requestsPerSecond));
    return {
      id: target.id,
      label: target.label,
      setup: target.setup,
      requestsPerSecond: Math.round(rps),
      p50Ms: median(rounds.map((r) => r.p50Ms)),
      p99Ms: median(rounds.map((r) => r.p99Ms)),
      ...cpuFigure(rounds),
      ...forwarderRatios(rounds, baseline),
      rounds,
    };
  });
  return { profile, baseline: 'forwarder', targets: summaries, problems };
}

function cpuFigure(rounds: RoundResult[]): { cpuUsPerRequest?: number } {
  const figures = rounds.flatMap((r) => (r.cpuUsPerRequest === undefined ? [] : [r.cpuUsPerRequest]));
  return figures.length === rounds.length ? { cpuUsPerRequest: Math.round(median(figures)) } : {};
}

/**
 * A figure of `rounds` over `baseline`'s, round by round (each pair measured back to back), and the
 * median of those ratios.
 *
 * @param figure the figure compared. @default 'requestsPerSecond'
 * @example
 * pairedRatios(proxy.rounds, express.rounds).ratio; // proxy's throughput vs Express's
 * pairedRatios(proxy.rounds, forwarder.rounds, 'p99Ms').ratio; // proxy's p99 vs the forwarder's
 */
export function pairedRatios(
  rounds: LoadResult[],
  baseline: LoadResult[],
  figure: 'requestsPerSecond' | 'p99Ms' = 'requestsPerSecond',
): { ratio: number; roundRatios: number[] } {
  const roundRatios = rounds.map((r, i) => round(r[figure] / baseline[i]![figure]));
  return { ratio: round(median(roundRatios)), roundRatios };
}

/** Throughput and p99 ratios of a target's rounds to the forwarder's, as {@link TargetSummary} holds them. */
export function forwarderRatios(
  rounds: LoadResult[],
  forwarder: LoadResult[],
): Pick<TargetSummary, 'ratioToForwarder' | 'roundRatios' | 'p99RatioToForwarder' | 'roundP99Ratios'> {
  const throughput = pairedRatios(rounds, forwarder);
  const p99 = pairedRatios(rounds, forwarder, 'p99Ms');
  return {
    ratioToForwarder: throughput.ratio,
    roundRatios: throughput.roundRatios,
    p99RatioToForwarder: p99.ratio,
    roundP99Ratios: p99.roundRatios,
  };
}
