import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../net/free-port.ts';

/** A throwaway `redis-server` on 127.0.0.1, for tests and their faults. */
export interface RunningRedis {
  /** e.g. `redis://127.0.0.1:53211/0`, what `REDIS_URL` takes. */
  url: string;
  port: number;
  /** SIGKILL, as a crash: nothing is flushed (nothing is kept anyway). Resolves once it has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty; resolves once it answers `PING`. */
  restart(): Promise<void>;
  /** SIGSTOP: the port still accepts connections but nothing is answered (a stalled Redis). */
  pause(): void;
  /** SIGCONT after {@link RunningRedis.pause}. */
  resume(): void;
  /** Stops it for good and removes its directory. Safe to call more than once. */
  stop(): Promise<void>;
}

/** Options of {@link startRedis}. */
export interface StartRedisOptions {
  /** The server binary. @default `REDIS_SERVER` from the environment, else `redis-server` on the PATH */
  binary?: string;
  /** How long to wait for it to answer `PING`. @default 10000 */
  readyTimeoutMs?: number;
  /** More server arguments, e.g. `['--requirepass', 'made-up-password']`. @default [] */
  args?: readonly string[];
}

// Kills the child if this process (or, in a thread pool, its thread) dies without running `stop()`:
// util-linux's setpriv execs redis-server in place with a parent-death signal.
const SETPRIV = '/usr/bin/setpriv';

/**
 * Starts `redis-server --port P --bind 127.0.0.1 --save '' --appendonly no` on a free port, its
 * working directory in a new temp dir: no persistence, no system service. Stopped by the returned
 * handle, and killed when this process exits. Throws when `redis-server` is not installed (the
 * toolchain script installs Debian's `redis-server`: `source scripts/lib/toolchain.sh --with-redis`).
 *
 * @example
 * const redis = await startRedis();
 * const proxy = await startProxy(proxyEnv(emulator, { REDIS_URL: redis.url }), { port: 0 });
 * await redis.kill();      // Redis down mid-test
 * await redis.restart();   // back, empty
 * await redis.stop();
 */
export async function startRedis(options: StartRedisOptions = {}): Promise<RunningRedis> {
  const binary = options.binary ?? process.env.REDIS_SERVER ?? 'redis-server';
  const readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
  const dir = await mkdtemp(join(tmpdir(), 'connected-apps-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let stopped = false;
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const launch = async (): Promise<void> => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    args.push('--dir', dir, '--daemonize', 'no', '--loglevel', 'warning', ...(options.args ?? []));
    const [command, commandArgs] = existsSync(SETPRIV)
      ? [SETPRIV, ['--pdeathsig', 'KILL', binary, ...args]]
      : [binary, args];
    const started = spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const exited = new Promise<never>((_, reject) => {
      started.once('error', (error) =>
        reject(new Error(`${binary} could not be started (${error.message}): install Debian's redis-server`)),
      );
      started.once('exit', (code, signal) =>
        reject(new Error(`${binary} exited (${signal ?? code}) before answering PING: ${stderr.trim()}`)),
      );
    });
    exited.catch(() => undefined);
    await Promise.race([untilPong(port, readyTimeoutMs), exited]);
  };

  const kill = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGCONT'); // a paused server would not die from SIGTERM; SIGKILL works either way
    running.kill('SIGKILL');
    await exited;
  };

  try {
    await launch();
  } catch (error) {
    await kill();
    process.off('exit', killOnExit);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    kill,
    restart: async () => {
      if (stopped) throw new Error('startRedis: restart() after stop()');
      await kill();
      await launch();
    },
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await kill();
      process.off('exit', killOnExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Sends `PING` until Redis answers it (`+PONG`, or `-NOAUTH` with a password), or rejects after `timeoutMs`. */
async function untilPong(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await pingOnce(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
}

function pingOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG') || reply.startsWith('-NOAUTH'));
    });
  });
}
