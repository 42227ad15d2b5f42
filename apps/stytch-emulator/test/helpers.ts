import type { Emulator } from '../src/index.ts';

/** `request-id-test-<uuid v4>`: Stytch's request id for a test project. */
export const TEST_REQUEST_ID =
  /^request-id-test-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Basic header for a project id and secret. */
export function basic(projectId: string, secret: string): string {
  return `Basic ${Buffer.from(`${projectId}:${secret}`).toString('base64')}`;
}

/** Calls the emulator's Stytch API with its own credentials unless `authorization` is given. */
export async function stytch(
  emulator: Emulator,
  method: string,
  path: string,
  options: { body?: string; authorization?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string; json: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.authorization !== null) {
    headers.authorization = options.authorization ?? basic(emulator.projectId, emulator.secret);
  }
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${emulator.url}${path}`, { method, headers, body: options.body ?? null });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Left empty: tests of malformed bodies assert on `text`.
  }
  return { status: response.status, text, json, headers: response.headers };
}

/**
 * The exact bytes Stytch sends for a catalogued error, given the request id it carried: tests compare
 * whole bodies, so a renamed, missing or extra field fails.
 */
export function exactError(
  body: { request_id?: unknown },
  status: number,
  errorType: string,
  message: string,
): string {
  return JSON.stringify({
    status_code: status,
    request_id: body.request_id,
    error_type: errorType,
    error_message: message,
    error_url: `https://stytch.com/docs/api/errors/${status}`,
  });
}

// The paths below are spelled out rather than built with core's `stytchPath`: these tests send ids
// core refuses (to see the emulator answer `invalid_user_id`), and they check the emulator's routes
// independently of core's templates.

/** Path of a revoke. */
export function revokePath(userId: string, connectedAppId: string): string {
  return `/v1/users/${encodeURIComponent(userId)}/connected_apps/${encodeURIComponent(connectedAppId)}/revoke`;
}

/** Path of a list. */
export function listPath(userId: string): string {
  return `/v1/users/${encodeURIComponent(userId)}/connected_apps`;
}

/** One user with one granted app, ready to revoke. */
export async function seedGrant(
  emulator: Emulator,
  options: { external_id?: string; scopes?: string[] } = {},
) {
  const user = await emulator.control.createUser({
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    ...(options.external_id ? { external_id: options.external_id } : {}),
  });
  const app = await emulator.control.createConnectedApp({
    name: 'Calendar Sync',
    description: 'Syncs calendars.',
  });
  const grant = await emulator.control.createGrant({
    user_id: user.user_id,
    connected_app_id: app.connected_app_id,
    scopes: options.scopes ?? ['openid', 'email', 'profile'],
  });
  return { user, app, grant };
}
