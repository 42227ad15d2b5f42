import { startProxy } from '@connected-apps/proxy';
import { announceReady, requireEnv } from '../process/child-protocol.ts';
import { proxyBenchEnv } from './proxy-env.ts';

// Child process entry: our proxy as deployed (every middleware on), in front of the HTTPS upstream.
// The upstream's certificate is trusted through NODE_EXTRA_CA_CERTS, set by the parent.
const proxy = await startProxy(
  proxyBenchEnv({
    url: requireEnv('UPSTREAM_URL'),
    projectId: requireEnv('STYTCH_PROJECT_ID'),
    secret: requireEnv('STYTCH_SECRET'),
  }),
);
announceReady(proxy.url, () => proxy.stop());
