import { readFileSync } from 'node:fs';
import { start } from '@connected-apps/stytch-emulator';
import { announceReady, requireEnv, serveParentRequests } from '../process/child-protocol.ts';
import type { BenchSession, UpstreamDetails } from './bench-fixture.ts';
import { seedGrants } from './seed-grants.ts';

// Child process entry: the emulator serving TLS, seeded with BENCH_USERS users who each hold a grant
// on one connected app. Its control client calls the app in-process, so TLS trust is not needed here.
const emulator = await start({
  port: 0,
  tls: {
    cert: readFileSync(requireEnv('UPSTREAM_CERT_FILE'), 'utf8'),
    key: readFileSync(requireEnv('UPSTREAM_KEY_FILE'), 'utf8'),
  },
});

const { connected_app_id, user_ids } = await seedGrants(emulator.control, {
  label: 'Benchmark',
  users: Number(process.env.BENCH_USERS ?? '16'),
});

// Session JWTs live five minutes, so the parent asks for fresh ones before each round.
async function mintSessions(): Promise<BenchSession[]> {
  return Promise.all(
    user_ids.map(async (user_id) => {
      const session = await emulator.control.mintSession({ user_id });
      return { user_id, connected_app_id, session_jwt: session.session_jwt };
    }),
  );
}

serveParentRequests({ 'mint-sessions': mintSessions });
const details: UpstreamDetails = {
  projectId: emulator.projectId,
  secret: emulator.secret,
  sessions: await mintSessions(),
};
announceReady(emulator.url, () => emulator.stop(), { ...details });
