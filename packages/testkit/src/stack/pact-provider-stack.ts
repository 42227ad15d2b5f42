import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer } from '../http/credentials.ts';
import { type RunningProxyLike, type Stack, type StartProxy, startStack } from './start-stack.ts';

/** The per-caller allowance of the proxy a pact is verified against: small, so a provider state can spend it. */
export const PACT_PROVIDER_RATE_LIMIT = 10;
/** Its upstream budget: far above the emulator's usual answer time, yet short, so "Stytch is slow" costs little. */
export const PACT_PROVIDER_UPSTREAM_TIMEOUT_MS = 1500;

/**
 * The stack the `connected-apps-react` pact is verified against (by `pact/` and by the tests of
 * `@connected-apps/contracts`): the emulator and the real proxy with that allowance and budget, its
 * logs off, and its audit trail on, in a fresh SQLite file (the history interactions read it) that
 * {@link Stack.stop} removes.
 */
export async function startPactProviderStack<Proxy extends RunningProxyLike>(
  startProxy: StartProxy<Proxy>,
): Promise<Stack<Proxy>> {
  const auditDir = mkdtempSync(join(tmpdir(), 'pact-provider-audit-'));
  const removeAuditDir = () => rmSync(auditDir, { recursive: true, force: true });
  let stack: Stack<Proxy>;
  try {
    stack = await startStack({
      startProxy,
      env: {
        RATE_LIMIT_PER_USER: String(PACT_PROVIDER_RATE_LIMIT),
        UPSTREAM_TIMEOUT_MS: String(PACT_PROVIDER_UPSTREAM_TIMEOUT_MS),
        LOG_LEVEL: 'silent',
        AUDIT_DATABASE_URL: `file:${join(auditDir, 'audit.db')}`,
        AUDIT_SPOOL_DIR: join(auditDir, 'spool'),
      },
    });
  } catch (error) {
    removeAuditDir();
    throw error;
  }
  return {
    ...stack,
    stop: async () => {
      try {
        await stack.stop();
      } finally {
        removeAuditDir();
      }
    },
  };
}

/**
 * Sends GETs of `path` with the caller's session JWT until the proxy answers 429, so their allowance
 * is spent (as the caller would spend it); throws if it never does within the allowance and one more.
 */
export async function spendAllowance(
  stack: Pick<Stack<RunningProxyLike>, 'url'>,
  path: string,
  jwt: string,
  who: string,
): Promise<void> {
  for (let i = 0; i <= PACT_PROVIDER_RATE_LIMIT; i++) {
    const response = await fetch(`${stack.url}${path}`, { headers: bearer(jwt) });
    await response.arrayBuffer();
    if (response.status === 429) return;
  }
  throw new Error(`The proxy never rate limited ${who}`);
}
