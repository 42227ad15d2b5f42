import { startProxy } from '@connected-apps/proxy';
import { announceReady, requireEnv } from '../process/child-protocol.ts';
import { proxyBenchEnv } from '../targets/proxy-env.ts';

// Child process entry: the benchmark's proxy (every check on), with the audit trail the parent
// names in AUDIT_DATABASE_URL (none when unset), in front of the HTTPS upstream.
const audit = process.env.AUDIT_DATABASE_URL;
const proxy = await startProxy({
  ...proxyBenchEnv({
    url: requireEnv('UPSTREAM_URL'),
    projectId: requireEnv('STYTCH_PROJECT_ID'),
    secret: requireEnv('STYTCH_SECRET'),
  }),
  ...(audit ? { AUDIT_DATABASE_URL: audit, AUDIT_SPOOL_DIR: requireEnv('AUDIT_SPOOL_DIR') } : {}),
});
announceReady(proxy.url, () => proxy.stop());
