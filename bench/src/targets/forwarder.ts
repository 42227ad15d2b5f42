import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Agent, request } from 'node:https';
import { basicAuthorization } from '@connected-apps/core/wire';

/** Options of the baseline forwarder. */
export interface ForwarderOptions {
  /** HTTPS base URL of the upstream (the emulator serving TLS). */
  upstreamUrl: string;
  projectId: string;
  secret: string;
  /** PEM certificate to trust for the upstream (its self-signed certificate). */
  ca?: string;
}

// Hop-by-hop headers (RFC 9110 §7.6.1) are never forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

function forwardable(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name === 'host' || name === 'authorization') continue;
    out[name] = value;
  }
  return out;
}

/**
 * The baseline every ratio is measured against: the least a server can do to forward a request to
 * Stytch — add the Basic auth header and stream the request and the response through, over a
 * keep-alive HTTPS agent. No session check, no authorization, no validation, no logging.
 *
 * @example
 * createForwarder({ upstreamUrl: 'https://127.0.0.1:9443', projectId, secret, ca }).listen(0, '127.0.0.1');
 */
export function createForwarder(options: ForwarderOptions): Server {
  const upstream = new URL(options.upstreamUrl);
  const agent = new Agent({ keepAlive: true, ca: options.ca, maxSockets: 256 });
  const authorization = basicAuthorization(options.projectId, options.secret);

  const server = createServer((req, res) => {
    const upstreamReq = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: { ...forwardable(req.headers), authorization },
        agent,
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, forwardable(upstreamRes.headers));
        upstreamRes.pipe(res);
      },
    );
    upstreamReq.on('error', () => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"status_code":502,"error_type":"upstream_unavailable"}');
    });
    req.pipe(upstreamReq);
  });
  server.on('close', () => agent.destroy());
  return server;
}
