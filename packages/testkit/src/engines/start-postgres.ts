import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../net/free-port.ts';

const run = promisify(execFile);

/** Where Debian's `postgresql-<version>` packages put the server binaries, one folder per version. */
export const POSTGRES_ROOT = '/usr/lib/postgresql';

/** The newest `/usr/lib/postgresql/<version>/bin`, or `undefined` when none is installed. */
export function postgresBinDir(): string | undefined {
  const versions = existsSync(POSTGRES_ROOT)
    ? readdirSync(POSTGRES_ROOT).filter(
        (name) => /^\d+$/.test(name) && existsSync(join(POSTGRES_ROOT, name, 'bin', 'postgres')),
      )
    : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? undefined : join(POSTGRES_ROOT, newest, 'bin');
}

/** Options of {@link startPostgres}. */
export interface StartPostgresOptions {
  /** Directory of `initdb`, `postgres`, `createdb` and `psql`. @default `PG_BIN_DIR`, else {@link postgresBinDir} */
  binDir?: string;
  /** How long to wait for the server to accept connections. @default 15000 ms */
  readyTimeoutMs?: number;
}

/** A throwaway PostgreSQL server on 127.0.0.1, its data in a temp dir. */
export interface RunningPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth, loopback only). */
  url: string;
  port: number;
  /** The URL of another database on the same server. */
  urlOf(database: string): string;
  /** Creates a database (`createdb`) and resolves with its URL. */
  createDatabase(name: string): Promise<string>;
  /** Runs SQL with `psql` and resolves with its unaligned output (rows as `a|b`, one a line). */
  psql(sql: string, database?: string): Promise<string>;
  /** SIGKILLs the server and every backend (its process group), as a crash would; data stays. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data, after {@link kill} or {@link stop}'s pause. */
  restart(): Promise<void>;
  /** Stops the server (fast shutdown) and deletes its data. Safe to call more than once. */
  stop(): Promise<void>;
}

/** Every server started and not yet stopped, killed when the test process exits. */
const running = new Set<{ kill: () => void }>();
let exitHookInstalled = false;

/**
 * Starts a throwaway PostgreSQL (15 or newer, from Debian's `postgresql` package, no system service): `initdb` into a
 * temp dir, then `postgres` on a free loopback port with Unix sockets off, trust auth, and `fsync`
 * off (a SIGKILL of the server loses nothing the OS already has; only a power cut would). The server
 * runs in its own process group, so {@link RunningPostgres.kill} takes the backends down with it.
 *
 * PostgreSQL refuses to run as root. As root, the data dir is given to `nobody` and every binary runs
 * through `setpriv --reuid=nobody --regid=nogroup --clear-groups`, which execs in place (unlike
 * `runuser`, which stays as a parent), so the spawned pid is the postmaster itself.
 *
 * @example
 * const pg = await startPostgres();
 * const url = await pg.createDatabase('audit');
 * await pg.kill();
 * await pg.restart();
 * await pg.stop();
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<RunningPostgres> {
  const binDir =
    options.binDir ?? process.env.PG_BIN_DIR ?? postgresBinDir() ?? join(POSTGRES_ROOT, '15', 'bin');
  const readyTimeoutMs = options.readyTimeoutMs ?? 15_000;
  if (!existsSync(join(binDir, 'postgres'))) {
    throw new Error(
      `PostgreSQL not found in ${binDir}: install Debian's postgresql package (scripts/lib/toolchain.sh --with-postgres) or set PG_BIN_DIR`,
    );
  }
  const asRoot = process.getuid?.() === 0;
  const command = (binary: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', join(binDir, binary), ...args]]
      : [join(binDir, binary), args];

  const root = mkdtempSync(join(tmpdir(), 'connected-apps-pg-'));
  // chown(1) resolves the names the way the system does (NSS included).
  if (asRoot) execFileSync('chown', ['nobody:nogroup', root]);
  const data = join(root, 'data');
  const port = await freePort();
  const removeData = () => rmSync(root, { recursive: true, force: true });

  try {
    const [initdb, initArgs] = command('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '--encoding=UTF8',
      '--locale=C',
    ]);
    await run(initdb, initArgs, { cwd: root });
  } catch (error) {
    removeData();
    throw error;
  }

  let child: ChildProcess | undefined;
  const handle = {
    kill: () => {
      if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    },
  };
  const start = async () => {
    const [postgres, args] = command('postgres', [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=100',
    ]);
    const started = spawn(postgres, args, { cwd: root, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    running.add(handle);
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => {
        handle.kill();
        reject(new Error(`PostgreSQL did not start within ${readyTimeoutMs} ms:\n${log}`));
      }, readyTimeoutMs);
      started.stderr?.on('data', (chunk) => {
        log += String(chunk);
        if (log.includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL exited (${code ?? signal}) before it was ready:\n${log}`));
      });
    });
    // Keep draining its log, or the pipe fills and the server blocks.
    started.stderr?.resume();
  };
  const exited = async () => {
    const current = child;
    if (current === undefined || current.exitCode !== null || current.signalCode !== null) return;
    await new Promise((resolve) => current.once('exit', resolve));
  };

  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const server of running) server.kill();
    });
  }
  try {
    await start();
  } catch (error) {
    running.delete(handle);
    removeData();
    throw error;
  }

  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const psql = async (sql: string, database = 'postgres') => {
    const { stdout } = await run(
      join(binDir, 'psql'),
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        database,
        '-AtX',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        sql,
      ],
      { env: { ...process.env, PGCONNECT_TIMEOUT: '5' } },
    );
    return stdout.trimEnd();
  };
  let stopped = false;
  return {
    url: urlOf('postgres'),
    port,
    urlOf,
    createDatabase: async (name) => {
      await run(join(binDir, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return urlOf(name);
    },
    psql,
    kill: async () => {
      handle.kill();
      await exited();
    },
    restart: async () => {
      await exited();
      await start();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        // SIGINT is PostgreSQL's fast shutdown: sessions are ended, nothing is waited for.
        process.kill(child.pid, 'SIGINT');
        const killed = setTimeout(() => handle.kill(), 5000);
        await exited();
        clearTimeout(killed);
      }
      handle.kill();
      running.delete(handle);
      removeData();
    },
  };
}
