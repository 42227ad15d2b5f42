import { join } from 'node:path';
import { startStack } from '@connected-apps/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type AuditTrail, createAuditTrail } from '../../src/audit/audit-trail.ts';
import { createSpool } from '../../src/audit/spool.ts';
import { openSqliteStore } from '../../src/audit/sqlite-store.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { type RunningProxy, startProxy } from '../../src/server/start-proxy.ts';
import type { ProxyStack } from './proxy-stack.ts';

/** A stack whose proxy reads a real SQLite audit trail, and how many history reads it was asked for. */
export interface CountedHistoryStack {
  readonly stack: ProxyStack;
  /** The history reads since the running test began. */
  readonly historyReads: number;
}

/**
 * One stack for the test file (emulator + proxy over real HTTP) on a real SQLite audit trail in
 * `dir()`, counting the history reads the routes ask it for — so a test can tell that a refused
 * caller read nothing. The count starts at 0 in each test.
 *
 * @example
 * const t = useCountedHistoryStack(useTempDir());
 * expect(t.historyReads).toBe(0);
 */
export function useCountedHistoryStack(dir: () => string): CountedHistoryStack {
  let stack: ProxyStack | undefined;
  let historyReads = 0;
  beforeAll(async () => {
    const trail = createAuditTrail({
      openStore: async () => openSqliteStore(join(dir(), 'audit.db')),
      spool: createSpool(join(dir(), 'spool')),
      logger: createLogger('silent'),
      writeTimeoutMs: 1000,
    });
    const counted: AuditTrail = {
      ...trail,
      history: (query) => {
        historyReads++;
        return trail.history(query);
      },
    };
    stack = await startStack({
      startProxy: (env, options) =>
        startProxy(env, { ...options, auditTrail: counted }) as Promise<RunningProxy>,
      env: { UPSTREAM_RETRIES: '0', AUDIT_DATABASE_URL: `file:${join(dir(), 'audit.db')}` },
    });
    afterAll(async () => {
      await stack?.stop();
      await trail.close();
    });
  });
  beforeEach(() => {
    historyReads = 0;
  });
  return {
    get stack() {
      return stack as ProxyStack;
    },
    get historyReads() {
      return historyReads;
    },
  };
}
