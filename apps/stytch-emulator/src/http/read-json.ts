import type { Context } from 'hono';
import { EmulatorInputError } from '../domain/input-error.ts';

/**
 * Reads the request body as a JSON object. An empty body counts as `{}` (Stytch's own curl sample for
 * revoke sends none); anything else that is not a JSON object is a `bad_request`. Kept here on purpose,
 * apart from core: it is an independent check of the bodies clients send, read as Stytch reads them.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text === '' || text === '{}') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EmulatorInputError('bad_request', 'The request body must be a JSON object.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EmulatorInputError('bad_request', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}
