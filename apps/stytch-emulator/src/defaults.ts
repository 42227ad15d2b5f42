/** The project id an emulator uses unless told otherwise (a test project, so ids read `…-test-…`). */
export const DEFAULT_PROJECT_ID = 'project-test-00000000-0000-4000-8000-000000000000';

/** The secret an emulator uses unless told otherwise. Public by design: it guards nothing real. */
export const DEFAULT_SECRET = 'secret-test-emulator-0000000000000000000000000000';

/** Loopback by default: the emulator is a local tool. */
export const DEFAULT_HOST = '127.0.0.1';
