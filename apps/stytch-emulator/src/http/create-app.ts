import { Hono } from 'hono';
import { EmulatorInputError } from '../domain/input-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { createControlApi } from './control-api.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { createStytchApi } from './stytch-api.ts';
import { errorResponse, stytchError } from './stytch-errors.ts';

/** The emulator's Hono app: Stytch's API (its `/v1/…` paths), the control API under `/_emulator`. */
export function createEmulatorApp(
  state: EmulatorState,
  options: { controlFromAnyAddress?: boolean; logRequests?: boolean } = {},
) {
  const app = new Hono<EmulatorEnv>();
  if (options.logRequests) {
    app.use('*', async (c, next) => {
      await next();
      // Method, path and status only: headers and bodies carry credentials and session tokens.
      process.stderr.write(`stytch-emulator: ${c.req.method} ${c.req.path} ${c.res.status}\n`);
    });
  }
  app.route('/', createStytchApi(state));
  app.route(
    '/_emulator',
    createControlApi(state, { fromAnyAddress: options.controlFromAnyAddress ?? false }),
  );
  app.notFound(() => errorResponse(stytchError('route_not_found', state.newRequestId())));
  app.onError((error) => {
    if (error instanceof EmulatorInputError) {
      return errorResponse(stytchError(error.errorType, state.newRequestId(), error.message));
    }
    // The message only: request bodies may hold session tokens, so they are never logged.
    process.stderr.write(`stytch-emulator: unexpected error: ${error.message}\n`);
    return errorResponse(stytchError('internal_server_error', state.newRequestId()));
  });
  return app;
}
