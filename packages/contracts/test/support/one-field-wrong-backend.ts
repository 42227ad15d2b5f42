import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the backend gets wrong in its revoke answer. */
export type WrongField = 'status_code as a string' | 'no request_id';

/** A running backend and its provider-states endpoint. */
export interface SmallBackend {
  url: string;
  statesUrl: string;
  stop(): Promise<void>;
}

const REVOKE = /^\/api\/v1\/users\/([^/]+)\/connected_apps\/([^/]+)\/revoke$/;

/**
 * A small backend as another team might write it for the hooks, in plain `node:http`: it serves the
 * revoke route for a session it handed out through its provider-states endpoint (any other caller is
 * a 401), and answers Stytch's shape except for one field. Everything else is a 404.
 */
export async function startOneFieldWrongBackend(wrong: WrongField): Promise<SmallBackend> {
  const sessions = new Map<string, string>();
  const json = (res: import('node:http').ServerResponse, status: number, body: object) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  const server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const url = req.url ?? '';
    if (req.method === 'POST' && url === '/_pact/provider-states') {
      const { state, params, action } = JSON.parse(text) as {
        state: string;
        params: { user_id?: string };
        action: string;
      };
      if (action === 'setup' && state === 'user {user_id} is signed in' && params.user_id) {
        const session_jwt = `session-of-${randomUUID()}`;
        sessions.set(session_jwt, params.user_id);
        return json(res, 200, { session_jwt });
      }
      return json(res, 200, {});
    }
    const revoke = REVOKE.exec(url);
    if (req.method === 'POST' && revoke) {
      const session = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
      if (sessions.get(session) !== decodeURIComponent(revoke[1] ?? '')) {
        return json(res, 401, { status_code: 401, error_type: 'session_required' });
      }
      const request_id = `request-id-test-${randomUUID()}`;
      return json(
        res,
        200,
        wrong === 'status_code as a string' ? { status_code: '200', request_id } : { status_code: 200 },
      );
    }
    return json(res, 404, { status_code: 404, error_type: 'route_not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    statesUrl: `${url}/_pact/provider-states`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
