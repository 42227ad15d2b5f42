export type * from './b2b-types.ts';
export type { ControlClient, ControlClientOptions } from './control/control-client.ts';
export { createControlClient } from './control/control-client.ts';
export { EmulatorControlError } from './control/control-error.ts';
export { DEFAULT_HOST, DEFAULT_PROJECT_ID, DEFAULT_SECRET } from './defaults.ts';
export { readFixturesFile } from './fixtures.ts';
export type { Emulator, StartOptions } from './start.ts';
export { start } from './start.ts';
export type * from './types.ts';
