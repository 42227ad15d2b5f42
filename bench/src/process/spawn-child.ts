import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type { ReadyMessage, ReplyMessage, RequestMessage } from './child-protocol.ts';

/** A running benchmark child process (a target or the upstream). */
export interface RunningChild {
  url: string;
  details: Record<string, unknown>;
  pid: number;
  /** Asks the child to run one of the handlers it registered with `serveParentRequests`. */
  request<T>(name: string): Promise<T>;
  /** Stops the child and waits for it to exit (SIGKILL after a grace period). */
  stop(): Promise<void>;
}

/**
 * Forks a TypeScript module (run from source, Node strips the types) and waits for its ready
 * message. Every target runs in its own process so the load generator, the target and the upstream
 * never share an event loop.
 *
 * @example
 * const forwarder = await spawnChild(new URL('../targets/forwarder-process.ts', import.meta.url), { UPSTREAM_URL });
 */
export async function spawnChild(
  module: URL,
  env: Record<string, string>,
  options: {
    readyTimeoutMs?: number;
    /** Where the child's stdout goes: `ignore` discards a target's request logs. @default 'inherit' */
    stdout?: 'inherit' | 'ignore';
    /** Extra Node flags, e.g. `--expose-gc`. @default [] */
    execArgv?: string[];
  } = {},
): Promise<RunningChild> {
  const child = fork(module, [], {
    execArgv: [
      '--conditions=@connected-apps/source',
      '--disable-warning=ExperimentalWarning',
      ...(options.execArgv ?? []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', options.stdout ?? 'inherit', 'inherit', 'ipc'],
  });
  const ready = await waitForReady(child, options.readyTimeoutMs ?? 15_000);
  return {
    url: ready.url,
    details: ready.details ?? {},
    pid: child.pid ?? -1,
    request: (name) => requestChild(child, name),
    stop: () => stopChild(child),
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<ReadyMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child ${child.pid} did not become ready within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (message: ReadyMessage) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`child exited before it was ready (code ${code}, signal ${signal})`));
    });
  });
}

let nextRequestId = 1;

function requestChild<T>(child: ChildProcess, name: string): Promise<T> {
  const id = nextRequestId++;
  return new Promise((resolve, reject) => {
    const onMessage = (message: ReplyMessage) => {
      if (message?.type !== 'reply' || message.id !== id) return;
      child.off('message', onMessage);
      if (message.error) reject(new Error(message.error));
      else resolve(message.result as T);
    };
    child.on('message', onMessage);
    const request: RequestMessage = { type: 'request', id, name };
    child.send(request);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
