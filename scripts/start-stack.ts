/**
 * The repo's start command: the Stytch emulator (demo fixture) -> the proxy -> the demo page,
 * all on 127.0.0.1, already signed in as the demo user. Ctrl+C stops everything.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const parts = [
  ['the Stytch emulator', 'apps/stytch-emulator/src/index.ts'],
  ['the proxy', 'apps/proxy/src/index.ts'],
  ['the demo page', 'apps/demo/src/stack.ts'],
] as const;

const missing = parts.filter(([, file]) => !existsSync(join(root, file)));
if (missing.length > 0) {
  console.error(
    `The local stack cannot start yet; missing: ${missing.map(([name, file]) => `${name} (${file})`).join(', ')}.`,
  );
  process.exit(1);
}

const { startDemoStack } = (await import(
  join(root, 'apps/demo/src/stack.ts')
)) as typeof import('../apps/demo/src/stack.ts');
const port = Number(process.env.PORT ?? 5173);
const stack = await startDemoStack({ port });

console.log(`
  connected-apps is running

  Open  ${stack.signInUrl}   (signs you in as the demo user, then shows their connected apps)

  demo page  ${stack.demoUrl}
  proxy      ${stack.proxyUrl}
  emulator   ${stack.emulatorUrl}

  Press Ctrl+C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(0);
  });
}
