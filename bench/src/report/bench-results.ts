import type { AuditOverheadResult } from '../audit/run-audit-overhead.ts';
import type { ColdStartResult } from '../cold-start/measure-cold-start.ts';
import { type OverheadResult, pairedRatios } from '../overhead/run-overhead.ts';
import type { BundleSize } from '../size/browser-cost.ts';
import type { SoakSummary } from '../soak/soak-summary.ts';
import type { MachineInfo } from './machine.ts';

/** The budgets (bench/README.md, "Budgets"), checked (not asserted) in every report. */
export const budgets = {
  /** Proxy throughput over the minimal forwarder's, at least. */
  proxyVsForwarder: 0.9,
  /** Proxy p99 latency over the minimal forwarder's, at most. */
  proxyP99VsForwarder: 1.25,
  /** Proxy throughput over Express + the stytch SDK's, at least. */
  proxyVsExpress: 2.4,
  /** Hook + core as an app ships it, min+gzip bytes, at most (1 kB = 1000 B, as size-limit counts). */
  browserGzipBytes: 6000,
  /** Proxy revoke throughput with the audit trail on SQLite over the same proxy with it off, at least. */
  auditSqliteVsOff: 0.85,
  /** The single-file bundle, spawn to the first 200 on `/healthz`, median ms, at most. */
  coldStartMs: 150,
} as const;

/** A budget and whether this run met it. */
export interface BudgetCheck {
  name: string;
  target: string;
  actual: string;
  met: boolean;
}

/** Everything `bench/results/latest.json` holds. */
export interface BenchResults {
  generatedAt: string;
  machine: MachineInfo;
  /** Set when the run was a short smoke run (`--quick`), whose figures are not for publishing. */
  quick: boolean;
  overhead?: OverheadResult;
  browserCost?: { sizes: BundleSize[]; problems: string[] };
  coldStart?: ColdStartResult;
  soak?: SoakSummary;
  /** The proxy's revoke throughput with the audit trail off, on SQLite and on PostgreSQL. */
  audit?: AuditOverheadResult;
  budgets: BudgetCheck[];
}

/**
 * Compares a run against {@link budgets}, throughput and p99 as medians of per-round paired ratios;
 * a budget whose figures are missing is left out.
 */
export function checkBudgets(results: Omit<BenchResults, 'budgets'>): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const target = (id: string) => results.overhead?.targets.find((t) => t.id === id);
  const proxy = target('proxy');
  const express = target('express-stytch');
  if (proxy) {
    const actual = proxy.ratioToForwarder;
    checks.push({
      name: 'Proxy vs minimal forwarder (throughput)',
      target: `≥ ${budgets.proxyVsForwarder}x`,
      actual: `${actual.toFixed(2)}x`,
      met: actual >= budgets.proxyVsForwarder,
    });
    const p99 = proxy.p99RatioToForwarder;
    checks.push({
      name: 'Proxy vs minimal forwarder (p99 latency)',
      target: `≤ ${budgets.proxyP99VsForwarder}x`,
      actual: `${p99.toFixed(2)}x`,
      met: p99 <= budgets.proxyP99VsForwarder,
    });
  }
  if (proxy && express) {
    const actual = pairedRatios(proxy.rounds, express.rounds).ratio;
    checks.push({
      name: 'Proxy vs Express + stytch SDK (throughput)',
      target: `≥ ${budgets.proxyVsExpress}x`,
      actual: `${actual.toFixed(2)}x`,
      met: actual >= budgets.proxyVsExpress,
    });
  }
  const ours = results.browserCost?.sizes.find((s) => s.id === 'connected-apps');
  if (ours) {
    checks.push({
      name: `Browser cost: ${ours.label} (min+gzip)`,
      target: `≤ ${(budgets.browserGzipBytes / 1000).toFixed(1)} kB`,
      actual: `${(ours.gzipBytes / 1000).toFixed(1)} kB`,
      met: ours.gzipBytes <= budgets.browserGzipBytes,
    });
  }
  const sqlite = results.audit?.variants.find((v) => v.id === 'sqlite');
  if (sqlite) {
    checks.push({
      name: 'Proxy with the audit trail on SQLite vs off (throughput)',
      target: `≥ ${budgets.auditSqliteVsOff}x`,
      actual: `${sqlite.ratioToOff.toFixed(2)}x`,
      met: sqlite.ratioToOff >= budgets.auditSqliteVsOff,
    });
  }
  const cold = results.coldStart;
  // Only a run of the single-file bundle (`baseline` is measured with it): older runs timed the source.
  if (cold?.baseline) {
    checks.push({
      name: `Cold start: \`${cold.command}\` to the first /healthz 200 (median of ${cold.samplesMs.length})`,
      target: `≤ ${budgets.coldStartMs} ms`,
      actual: `${cold.medianMs} ms (${cold.ratioToBaseline}x \`node -e ''\`)`,
      met: cold.medianMs <= budgets.coldStartMs,
    });
  }
  return checks;
}
