import { STYTCH_ROUTES } from '@connected-apps/core/wire';
import type { ControlClient, FaultInput, FaultRecord } from '@connected-apps/stytch-emulator';
import { stytchListPath, stytchRevokePath } from '../paths/paths.ts';

/** What a fault does (latency, a status and body, a dropped connection, broken JSON), and how often. */
export type FaultEffect = Omit<FaultInput, 'method' | 'path'>;

/**
 * Makes the emulator misbehave on one user's revoke of one app, and on nothing else.
 *
 * @example
 * await injectRevokeFault(control, user.user_id, app.connected_app_id, { status: 500 });
 * await injectRevokeFault(control, user.user_id, app.connected_app_id, { latency_ms: 300 });
 */
export function injectRevokeFault(
  control: ControlClient,
  user_id: string,
  connected_app_id: string,
  effect: FaultEffect,
): Promise<FaultRecord> {
  const { method } = STYTCH_ROUTES.usersRevoke;
  return control.injectFault({ method, path: stytchRevokePath(user_id, connected_app_id), ...effect });
}

/** Makes the emulator misbehave on one user's list, and on nothing else. */
export function injectListFault(
  control: ControlClient,
  user_id: string,
  effect: FaultEffect,
): Promise<FaultRecord> {
  const { method } = STYTCH_ROUTES.usersConnectedApps;
  return control.injectFault({ method, path: stytchListPath(user_id), ...effect });
}
