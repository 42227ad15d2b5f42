import { Hono } from 'hono';
import { isWellFormedUserId } from '../domain/ids.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { DROPPED, playFault } from './fault-effects.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { readJsonObject } from './read-json.ts';
import { sessionsAuthenticate } from './sessions-authenticate.ts';
import { errorResponse, stytchError } from './stytch-errors.ts';

/** Stytch serves the JWKS without authentication (the official SDK fetches it with no credentials). */
const JWKS_PREFIX = '/v1/sessions/jwks/';

/**
 * The Stytch API paths: revoke, list, JWKS and sessions authenticate. Every request is logged; an
 * injected fault may answer instead; then Basic auth is checked and the route answers.
 */
export function createStytchApi(state: EmulatorState): Hono<EmulatorEnv> {
  const api = new Hono<EmulatorEnv>();
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  api.use('*', async (c, next) => {
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
    if (!authorized && !path.startsWith(JWKS_PREFIX)) {
      entry.status = 401;
      return errorResponse(stytchError('unauthorized_credentials', state.newRequestId()));
    }
    await next();
    entry.status = c.res.status;
  });

  api.post('/users/:user_id/connected_apps/:connected_app_id/revoke', async (c) => {
    const requestId = state.newRequestId();
    const userId = c.req.param('user_id');
    if (!isWellFormedUserId(userId)) return errorResponse(stytchError('invalid_user_id', requestId));
    await readJsonObject(c);
    const outcome = state.directory.revoke(userId, c.req.param('connected_app_id'));
    if (outcome === 'user_not_found' || outcome === 'connected_app_not_found') {
      return errorResponse(stytchError(outcome, requestId));
    }
    return json({ request_id: requestId, status_code: 200 });
  });

  api.get('/users/:user_id/connected_apps', (c) => {
    const requestId = state.newRequestId();
    const userId = c.req.param('user_id');
    if (!isWellFormedUserId(userId)) return errorResponse(stytchError('invalid_user_id', requestId));
    const user = state.directory.findUser(userId);
    if (!user) return errorResponse(stytchError('user_not_found', requestId));
    return json({
      request_id: requestId,
      status_code: 200,
      connected_apps: state.directory.connectedAppsOf(user.user_id),
    });
  });

  api.get('/sessions/jwks/:project_id', (c) => {
    const requestId = state.newRequestId();
    if (c.req.param('project_id') !== state.projectId) {
      return errorResponse(stytchError('project_not_found', requestId));
    }
    return json({ keys: [state.signingKey.jwk], request_id: requestId, status_code: 200 });
  });

  api.post('/sessions/authenticate', async (c) => {
    const body = await readJsonObject(c);
    const { status, body: answer } = await sessionsAuthenticate(state, body, state.newRequestId());
    return json(answer, status);
  });

  return api;
}

/** The path exactly as sent (percent-encoding kept), without the query: what faults and the log match on. */
function rawPath(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const query = url.indexOf('?', start);
  return query === -1 ? url.slice(start) : url.slice(start, query);
}
