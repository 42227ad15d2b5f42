import { Hono } from 'hono';
import { EmulatorInputError } from '../domain/input-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import type {
  ConnectedAppInput,
  FaultInput,
  Fixtures,
  GrantInput,
  MintedSession,
  UserInput,
} from '../types.ts';
import { addB2BControlRoutes, sessionOptions, withIssuer } from './control-b2b.ts';
import type { EmulatorEnv } from './hono-env.ts';
import { loopbackOnly } from './loopback-only.ts';
import { readJsonObject } from './read-json.ts';

/**
 * The control API under `/_emulator`: set up data, mint sessions, inspect tokens, inject faults, read
 * the log; the B2B data, member sessions, RBAC policy and project settings in `control-b2b.ts`.
 */
export function createControlApi(
  state: EmulatorState,
  options: { fromAnyAddress: boolean },
): Hono<EmulatorEnv> {
  const control = new Hono<EmulatorEnv>();
  if (!options.fromAnyAddress) control.use('*', loopbackOnly(state.newRequestId));

  control.get('/health', (c) => c.json({ status: 'ok', project_id: state.projectId }));

  control.post('/reset', async (c) => {
    const body = await readJsonObject(c);
    return c.json(state.reset(Object.keys(body).length === 0 ? undefined : (body as Fixtures)));
  });
  control.post('/fixtures', async (c) => c.json(state.load((await readJsonObject(c)) as Fixtures)));

  control.post('/users', async (c) =>
    c.json(state.directory.upsertUser((await readJsonObject(c)) as UserInput), 201),
  );
  control.post('/connected_apps', async (c) =>
    c.json(state.directory.upsertApp((await readJsonObject(c)) as unknown as ConnectedAppInput), 201),
  );
  control.post('/grants', async (c) =>
    c.json(state.directory.grant((await readJsonObject(c)) as unknown as GrantInput), 201),
  );

  control.post('/sessions', async (c) => {
    const body = await readJsonObject(c);
    const user = state.directory.findUser(String(body.user_id));
    if (!user) throw new EmulatorInputError('user_not_found', `No user ${String(body.user_id)}.`);
    const { roles, lifetime, override } = sessionOptions(body);
    const { session, token } = state.sessions.start(user, roles, lifetime);
    const minted: MintedSession = {
      session_id: session.session_id,
      session_token: token,
      session_jwt: await state.jwt.sign(session, { override: withIssuer(state, override, body.issuer) }),
      expires_at: session.expires_at,
    };
    return c.json(minted, 201);
  });

  control.get('/users/:user_id/connected_apps/:connected_app_id/tokens', (c) =>
    c.json(state.directory.tokensOf(c.req.param('user_id'), c.req.param('connected_app_id'))),
  );

  addB2BControlRoutes(control, state);

  control.post('/faults', async (c) =>
    c.json(state.faults.add((await readJsonObject(c)) as unknown as FaultInput), 201),
  );
  control.get('/faults', (c) => c.json({ faults: state.faults.list() }));
  control.delete('/faults', (c) => {
    state.faults.clear();
    return c.json({ faults: [] });
  });

  control.get('/requests', (c) => c.json({ requests: state.log.list() }));
  control.delete('/requests', (c) => {
    state.log.clear();
    return c.json({ requests: [] });
  });

  return control;
}
