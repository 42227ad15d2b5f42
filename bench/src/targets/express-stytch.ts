import { routePattern, STYTCH_ROUTES } from '@connected-apps/core/wire';
import { PROXY_BASE_PATH } from '@connected-apps/testkit';
import express, { type Express, type Request, type Response } from 'express';
import * as stytch from 'stytch';

/** Options of the "usual alternative" server. */
export interface ExpressStytchOptions {
  /** HTTPS base URL of Stytch or the emulator (the SDK's `custom_base_url` requires https). */
  upstreamUrl: string;
  projectId: string;
  secret: string;
}

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function sendStytchError(res: Response, error: unknown): void {
  if (error instanceof stytch.StytchError) {
    res.status(error.status_code).json(error);
    return;
  }
  res.status(502).json({ status_code: 502, error_type: 'upstream_unavailable' });
}

/**
 * What a team would typically write to let a signed-in user revoke a connected app: Express 5, the
 * official `stytch` SDK's `sessions.authenticateJwt` (local verification through its cached JWKS,
 * falling back to the API), an ownership check, then `users.revoke`. It sits behind the same
 * `/api` base path and answers the same wire shape as our proxy, so the load is identical.
 *
 * @example
 * createExpressStytchApp({ upstreamUrl, projectId, secret, ca }).listen(0, '127.0.0.1');
 */
export function createExpressStytchApp(options: ExpressStytchOptions): Express {
  const client = new stytch.Client({
    project_id: options.projectId,
    secret: options.secret,
    custom_base_url: options.upstreamUrl,
    // The upstream's self-signed certificate is trusted through NODE_EXTRA_CA_CERTS, the only hook
    // that reaches both of the SDK's HTTP paths: its JWKS download (jose over node:https, no agent
    // option) and its API calls (global fetch, which already keeps connections alive). The SDK's
    // `dispatcher` option would need an undici <= 7 Agent: undici 8's is rejected by Node 24's fetch.
  });

  const app = express();
  app.use(express.json());

  app.post(
    `${PROXY_BASE_PATH}${routePattern(STYTCH_ROUTES.usersRevoke.template)}`,
    async (req: Request<{ user_id: string; connected_app_id: string }>, res) => {
      const sessionJwt = bearer(req);
      if (!sessionJwt) {
        res.status(401).json({ status_code: 401, error_type: 'session_required' });
        return;
      }
      let userId: string;
      try {
        const { session } = await client.sessions.authenticateJwt({ session_jwt: sessionJwt });
        userId = session.user_id;
      } catch {
        res.status(401).json({ status_code: 401, error_type: 'session_invalid' });
        return;
      }
      if (userId !== req.params.user_id) {
        res.status(403).json({ status_code: 403, error_type: 'user_forbidden' });
        return;
      }
      try {
        const result = await client.users.revoke({
          user_id: req.params.user_id,
          connected_app_id: req.params.connected_app_id,
        });
        res.json(result);
      } catch (error) {
        sendStytchError(res, error);
      }
    },
  );
  return app;
}
