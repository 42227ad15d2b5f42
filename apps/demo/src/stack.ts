import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { startProxy } from '@connected-apps/proxy';
import { type ControlClient, type Fixtures, start as startEmulator } from '@connected-apps/stytch-emulator';
import { createServer as createViteServer, type LogLevel } from 'vite';
import { demoViteConfig } from '../vite.config.ts';

/** Options of {@link startDemoStack}. */
export interface DemoStackOptions {
  /** The page's port; 0 picks a free one. @default 5173 */
  port?: number;
  /** Interface every server binds. @default '127.0.0.1' */
  host?: string;
  /** The proxy's log level (JSON lines on stdout). @default 'warn' */
  proxyLogLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Vite's log level. @default 'info' */
  viteLogLevel?: LogLevel;
  /** Who `/dev/sign-in` signs in. @default env `DEMO_USER_ID`, else the demo fixture's first user */
  demoUserId?: string;
}

/** A member of the B2B demo organization, as the B2B demo fixture has them. */
export interface DemoMember {
  member_id: string;
  external_id: string;
  name: string;
  email_address: string;
  /** Roles besides `stytch_member`. */
  roles: string[];
}

/** B2B mode: the organization of the B2B demo fixture, its members, and how to sign one in. */
export interface DemoB2B {
  organization: { organization_id: string; organization_name: string; organization_slug: string };
  members: DemoMember[];
  /**
   * Open this: it signs `member` (a member id or external id) in and lands on the member's page, or
   * with `'admin'` on the organization's page.
   */
  signInUrl(member: string, page?: 'member' | 'admin'): string;
}

/** A running demo: the page, the proxy behind it and the emulator behind that. */
export interface DemoStack {
  /** The page, e.g. `http://127.0.0.1:5173`. */
  demoUrl: string;
  /** Open this: it signs the demo user in and lands on the page. */
  signInUrl: string;
  proxyUrl: string;
  emulatorUrl: string;
  demoUserId: string;
  /** B2B mode, seeded from the emulator's B2B demo fixture. */
  b2b: DemoB2B;
  /** The emulator's control API: inspect tokens, inject faults. */
  control: ControlClient;
  /** Stops the page, the proxy and the emulator, in that order. */
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

/**
 * Starts the whole demo in this process: the emulator seeded with the demo fixture and the B2B demo
 * fixture (both modes run at once), the proxy in front of it, and the Vite dev server for the page
 * (forwarding `/api` to the proxy).
 *
 * @example
 * const stack = await startDemoStack({ port: 0 });
 * console.log(`open ${stack.signInUrl}`);
 * await stack.stop();
 */
export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
  const host = options.host ?? '127.0.0.1';
  const fixturePath = require.resolve('@connected-apps/stytch-emulator/fixtures/demo.json');
  const fixtures = JSON.parse(await readFile(fixturePath, 'utf8')) as Fixtures;
  const demoUserId = options.demoUserId ?? process.env.DEMO_USER_ID ?? fixtures.users?.[0]?.user_id;
  if (!demoUserId) throw new Error(`No demo user: ${fixturePath} has no users and DEMO_USER_ID is unset.`);
  const b2bFixturePath = require.resolve('@connected-apps/stytch-emulator/fixtures/b2b-demo.json');
  const b2bFixtures = JSON.parse(await readFile(b2bFixturePath, 'utf8')) as Fixtures;
  const b2b = demoOrganization(b2bFixtures, b2bFixturePath);

  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stops.reverse().splice(0)) await stopOne();
  };
  try {
    const emulator = await startEmulator({ port: 0, host, fixtures });
    stops.push(() => emulator.stop());
    // The same apps in both fixtures: loading the second keeps the first one's grants.
    await emulator.control.loadFixtures(b2bFixtures);

    // The proxy's CORS allowlist needs the page's origin, so the page's port is settled first.
    const port = options.port === 0 ? await freePort(host) : (options.port ?? 5173);
    const origins = [`http://${host}:${port}`, ...(host === '127.0.0.1' ? [`http://localhost:${port}`] : [])];
    const proxy = await startProxy(
      {
        STYTCH_PROJECT_ID: emulator.projectId,
        STYTCH_SECRET: emulator.secret,
        STYTCH_BASE_URL: emulator.url,
        CORS_ORIGINS: origins.join(','),
        LOG_LEVEL: options.proxyLogLevel ?? 'warn',
      },
      { port: 0, host },
    );
    stops.push(() => proxy.stop());

    const config = demoViteConfig({
      proxyUrl: proxy.url,
      emulatorUrl: emulator.url,
      demoUserId,
      b2b: { organization_id: b2b.organization.organization_id, member_id: b2b.members[0]!.member_id },
    });
    const vite = await createViteServer({
      ...config,
      configFile: false,
      logLevel: options.viteLogLevel ?? 'info',
      server: { ...config.server, host, port, strictPort: true },
    });
    stops.push(() => vite.close());
    await vite.listen();

    const demoUrl = `http://${host}:${port}`;
    return {
      demoUrl,
      signInUrl: `${demoUrl}/dev/sign-in`,
      proxyUrl: proxy.url,
      emulatorUrl: emulator.url,
      demoUserId,
      b2b: {
        ...b2b,
        signInUrl: (member, page = 'member') =>
          `${demoUrl}/dev/b2b/sign-in?${new URLSearchParams({ member, page })}`,
      },
      control: emulator.control,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The B2B demo fixture's first organization and its members (the one B2B mode signs members of in). */
function demoOrganization(fixtures: Fixtures, path: string): Omit<DemoB2B, 'signInUrl'> {
  const organization = fixtures.organizations?.[0];
  const members = (fixtures.members ?? []).filter(
    (member) => member.organization_id === organization?.organization_id,
  );
  if (
    !organization?.organization_id ||
    !organization.organization_slug ||
    members.length === 0 ||
    members.some((member) => !member.member_id)
  ) {
    throw new Error(
      `No B2B demo organization: ${path} has no organization with an id, a slug and members with ids.`,
    );
  }
  return {
    organization: {
      organization_id: organization.organization_id,
      organization_name: organization.organization_name,
      organization_slug: organization.organization_slug,
    },
    members: members.map((member) => ({
      member_id: member.member_id as string,
      external_id: member.external_id ?? '',
      name: member.name ?? '',
      email_address: member.email_address,
      roles: member.roles ?? [],
    })),
  };
}

// Asks the OS for a free port, then releases it for Vite (which wants a fixed port up front).
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
