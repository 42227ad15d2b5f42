/**
 * Brings up the whole demo on 127.0.0.1 (the Stytch emulator with the demo fixture, the proxy, the
 * page) and prints where to go. `./scripts/start` and `pnpm dev` at the root run this too.
 *
 *   pnpm --filter @connected-apps/demo start        # PORT=5174 to use another port
 */
import closeWithGrace from 'close-with-grace';
import { startDemoStack } from '../src/stack.ts';

const stack = await startDemoStack({ port: Number(process.env.PORT ?? 5173) });

// Stops the page, the proxy and the emulator on Ctrl+C, SIGTERM or a crash; a second signal, or a stop
// that takes longer than 10 s, exits at once.
closeWithGrace(async ({ err }) => {
  if (err) console.error(`demo: ${err.message}`);
  await stack.stop();
});

console.log(`
  Connected apps demo is running.

  Open   ${stack.signInUrl}
         (signs in ${stack.demoUserId} and opens the page)

  page      ${stack.demoUrl}
  proxy     ${stack.proxyUrl}/api
  emulator  ${stack.emulatorUrl}   (control API under /_emulator)

  Ctrl+C to stop.
`);
