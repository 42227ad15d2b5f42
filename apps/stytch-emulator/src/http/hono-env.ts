import type { HttpBindings } from '@hono/node-server';

/**
 * Hono environment of the emulator. The Node bindings are absent when the app is called in-process
 * (`app.fetch`), e.g. by the control client of a TLS emulator.
 */
export interface EmulatorEnv {
  Bindings: Partial<HttpBindings>;
}
