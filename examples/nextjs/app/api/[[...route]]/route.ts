import { createProxyApp, loadConfig, type NodeProxyApp } from '@connected-apps/proxy';

// Node, not the edge runtime: the proxy calls Stytch over undici's keep-alive pool.
export const runtime = 'nodejs';
// Every answer depends on the caller's session: never prerendered or cached.
export const dynamic = 'force-dynamic';

// Built on the first request rather than at import: `next build` loads this module to read the two
// settings above, without the proxy's environment.
let proxy: NodeProxyApp | undefined;

function handle(request: Request): Promise<Response> {
  proxy ??= createProxyApp(loadConfig(process.env));
  return proxy.fetch(request);
}

// The methods the proxy serves, and the ones it refuses, so that a refusal is its Stytch-shaped
// 405 with `Allow` rather than Next's own.
export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const OPTIONS = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
