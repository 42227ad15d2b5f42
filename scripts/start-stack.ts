/**
 * The repo's start command (`./scripts/start`, `pnpm dev`): the demo's own start script, so the whole
 * local stack (Stytch emulator with the demo data -> proxy -> demo page, on 127.0.0.1, signed in as the
 * demo user) is started and stopped in one place.
 */
import '../apps/demo/scripts/start.ts';
