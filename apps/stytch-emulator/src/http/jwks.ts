import type { Handler } from 'hono';
import type { EmulatorState } from '../emulator-state.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { json } from './json-response.ts';
import { errorResponse, stytchError } from './stytch-errors.ts';

/**
 * `sessions.getJWKS`, consumer and B2B alike: the project's one signing key, served without
 * credentials; another project's id is 404 `project_not_found`.
 */
export function jwks(state: EmulatorState): Handler<EmulatorEnv> {
  return (c) => {
    const requestId = state.newRequestId();
    if (c.req.param('project_id') !== state.projectId) {
      return errorResponse(stytchError('project_not_found', requestId));
    }
    return json({ keys: [state.signingKey.jwk], request_id: requestId, status_code: 200 });
  };
}
