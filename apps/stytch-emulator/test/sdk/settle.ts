/**
 * What an SDK scenario script records of one call: its value, or what the SDK threw (whether it is a
 * `StytchError`, its class name, Stytch's five error fields and the message). Shared by the scenario
 * scripts, which print these, and the tests, which read them.
 */
import { StytchError } from 'stytch';

export interface Settled {
  ok: boolean;
  value?: Record<string, unknown>;
  isStytchError?: boolean;
  name?: string;
  fields?: Record<string, unknown>;
  message?: string;
}

/** Runs one SDK call and records how it settled, so one failing call does not stop the others. */
export async function settle(run: () => Promise<unknown>): Promise<Settled> {
  try {
    return { ok: true, value: (await run()) as Record<string, unknown> };
  } catch (error) {
    const e = error as StytchError;
    return {
      ok: false,
      isStytchError: error instanceof StytchError,
      name: (error as Error).constructor.name,
      fields: {
        status_code: e.status_code,
        request_id: e.request_id,
        error_type: e.error_type,
        error_message: e.error_message,
        error_url: e.error_url,
      },
      message: (error as Error).message,
    };
  }
}
