/**
 * What every SDK scenario script shares: reading its input (the emulator's URL and credentials, which
 * `runScenario` adds, and the script's own ids), the SDK client's options, and recording how each call
 * settled. The tests read the `Settled` records the scripts print.
 */
import { StytchError } from 'stytch';

/** What `runScenario` passes every script besides its own input. */
export interface ScenarioEmulator {
  url: string;
  projectId: string;
  secret: string;
}

/** The script's input, from its one argument. */
export function readScenario<Input extends object>(): ScenarioEmulator & Input {
  return JSON.parse(process.argv[2] ?? '{}') as ScenarioEmulator & Input;
}

/** The options of an SDK client (`Client` or `B2BClient`) that talks to the emulator. */
export function sdkOptions(input: ScenarioEmulator): {
  project_id: string;
  secret: string;
  custom_base_url: string;
} {
  return { project_id: input.projectId, secret: input.secret, custom_base_url: `${input.url}/` };
}

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
