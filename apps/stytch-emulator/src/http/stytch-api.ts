import { routePattern, STYTCH_ROUTES, type StytchRoute } from '@connected-apps/core/wire';
import { type Context, type Handler, Hono } from 'hono';
import { isWellFormedUserId } from '../domain/ids.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { serveB2BApi } from './b2b-api.ts';
import { DROPPED, playFault } from './fault-effects.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { json } from './json-response.ts';
import { jwks } from './jwks.ts';
import { readJsonObject } from './read-json.ts';
import { sessionsAuthenticate } from './sessions-authenticate.ts';
import { errorResponse, stytchError } from './stytch-errors.ts';

/**
 * Stytch serves the JWKS, consumer and B2B, without authentication (the official SDKs fetch them with
 * no credentials).
 */
const JWKS_PREFIXES = [STYTCH_ROUTES.sessionsGetJWKS, STYTCH_ROUTES.b2bSessionsGetJWKS].map(({ template }) =>
  template.slice(0, template.indexOf('{')),
);

/**
 * The Stytch API paths: revoke, list, JWKS and sessions authenticate, and the B2B ones
 * (`b2b-api.ts`). Every request is logged; an injected fault may answer instead; then Basic auth is
 * checked and the route answers.
 */
export function createStytchApi(state: EmulatorState): Hono<EmulatorEnv> {
  const api = new Hono<EmulatorEnv>();
  // Routes come from core's wire, the one place for Stytch's paths: the emulator cannot drift from them.
  const serve = (route: StytchRoute, handler: Handler<EmulatorEnv>) =>
    api.on(route.method, routePattern(route.template), handler);

  api.use('/v1/*', async (c, next) => {
    const method = c.req.method;
    const path = rawPath(c.req.url);
    const authorized = state.isAuthorized(c.req.header('authorization'));
    const entry = state.log.add({ method, path, at: new Date().toISOString(), authorized, status: 0 });
    const fault = state.faults.take(method, path);
    if (fault) {
      const outcome = await playFault(fault, state.newRequestId(), c.env?.incoming?.socket);
      if (outcome === DROPPED) {
        // Nothing can be written on a destroyed socket; an empty response keeps Hono's contract.
        return new Response(null, { status: 204 });
      }
      if (outcome) {
        entry.status = outcome.status;
        return outcome;
      }
    }
    if (!authorized && !JWKS_PREFIXES.some((prefix) => path.startsWith(prefix))) {
      entry.status = 401;
      return errorResponse(stytchError('unauthorized_credentials', state.newRequestId()));
    }
    await next();
    entry.status = c.res.status;
  });

  serve(STYTCH_ROUTES.usersRevoke, async (c) => {
    const requestId = state.newRequestId();
    const userId = param(c, 'user_id');
    if (!isWellFormedUserId(userId)) return errorResponse(stytchError('invalid_user_id', requestId));
    await readJsonObject(c);
    const outcome = state.directory.revoke(userId, param(c, 'connected_app_id'));
    if (outcome === 'user_not_found' || outcome === 'connected_app_not_found') {
      return errorResponse(stytchError(outcome, requestId));
    }
    return json({ request_id: requestId, status_code: 200 });
  });

  serve(STYTCH_ROUTES.usersConnectedApps, (c) => {
    const requestId = state.newRequestId();
    const userId = param(c, 'user_id');
    if (!isWellFormedUserId(userId)) return errorResponse(stytchError('invalid_user_id', requestId));
    const user = state.directory.findUser(userId);
    if (!user) return errorResponse(stytchError('user_not_found', requestId));
    return json({
      request_id: requestId,
      status_code: 200,
      connected_apps: state.directory.connectedAppsOf(user.user_id),
    });
  });

  serve(STYTCH_ROUTES.sessionsGetJWKS, jwks(state));

  serve(STYTCH_ROUTES.sessionsAuthenticate, async (c) => {
    const body = await readJsonObject(c);
    const { status, body: answer } = await sessionsAuthenticate(state, body, state.newRequestId());
    return json(answer, status);
  });

  serveB2BApi(state, serve);

  return api;
}

/**
 * A path parameter of the matched route. Hono types it optional because the pattern is built at run
 * time from core's template; a matched route always has it.
 */
function param(c: Context, name: string): string {
  return c.req.param(name) ?? '';
}

/** The path exactly as sent (percent-encoding kept), without the query: what faults and the log match on. */
function rawPath(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const query = url.indexOf('?', start);
  return query === -1 ? url.slice(start) : url.slice(start, query);
}
