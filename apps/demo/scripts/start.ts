/**
 * Brings up the whole demo (emulator with the demo fixture, proxy, page) and prints where to go.
 *
 *   pnpm --filter @connected-apps/demo start        # PORT=5174 to use another port
 */
import { startDemoStack } from '../src/stack.ts';

const stack = await startDemoStack({ port: Number(process.env.PORT ?? 5173) });
console.log(`
  Connected apps demo is running.

  Open   ${stack.signInUrl}
         (signs in ${stack.demoUserId} and opens the page)

  proxy     ${stack.proxyUrl}/api
  emulator  ${stack.emulatorUrl}   (control API under /_emulator)

  Ctrl+C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
