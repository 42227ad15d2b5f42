import { createProxyWorker } from '@connected-apps/proxy/edge';

/**
 * The proxy as a Cloudflare Worker. Its configuration is the Worker's vars (`[vars]` in wrangler.toml)
 * and secrets (`wrangler secret put STYTCH_SECRET`), read on an isolate's first request; the proxy
 * built then serves every later request of that isolate.
 */
export default createProxyWorker();
