/**
 * Brings up the whole demo on 127.0.0.1 (the Stytch emulator with the demo and the B2B demo
 * fixtures, the proxy, the page) and prints where to go, for both modes. `./scripts/start` and `pnpm dev` at the root run this too.
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

const { organization, members } = stack.b2b;
const admin = members.find((member) => member.roles.includes('stytch_admin')) ?? members[0]!;
const plain = members.find((member) => member.roles.length === 0) ?? members[0]!;

console.log(`
  Connected apps demo is running.

  Open   ${stack.signInUrl}
         (signs in ${stack.demoUserId} and opens the page)

  B2B mode (${organization.organization_name}, from @connected-apps/stytch-emulator/fixtures/b2b-demo.json):
    a member's own apps       ${stack.b2b.signInUrl(plain.external_id)}
                              (signs in ${plain.name}, opens /b2b)
    the organization's apps   ${stack.b2b.signInUrl(admin.external_id, 'admin')}
                              (signs in ${admin.name}, an admin, opens /b2b/admin)
    any member: /dev/b2b/sign-in?member=<member id or external id>[&page=admin]

  page      ${stack.demoUrl}
  proxy     ${stack.proxyUrl}/api
  emulator  ${stack.emulatorUrl}   (control API under /_emulator)

  Ctrl+C to stop.
`);
