/**
 * The one message a benchmark child process sends its parent over IPC once it listens, and the
 * shutdown handling every child shares, so targets differ only in the server they run.
 */
export interface ReadyMessage {
  type: 'ready';
  /** Base URL the child listens on, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Anything else the parent needs from the child (e.g. the emulator's secret). */
  details?: Record<string, unknown>;
}

/** Tells the parent the child is ready, and stops it cleanly on SIGTERM/SIGINT or when the parent goes. */
export function announceReady(
  url: string,
  stop: () => Promise<void>,
  details?: Record<string, unknown>,
): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    // A stuck close must not keep a benchmark process alive after the run.
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.on('disconnect', shutdown);
  const message: ReadyMessage = { type: 'ready', url, ...(details ? { details } : {}) };
  process.send?.(message);
}

/** Reads a required environment variable of a child process, failing with a clear message. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

/** A request from the parent to a child, answered with a {@link ReplyMessage} of the same id. */
export interface RequestMessage {
  type: 'request';
  id: number;
  name: string;
}

/** A child's answer to a {@link RequestMessage}. */
export interface ReplyMessage {
  type: 'reply';
  id: number;
  result?: unknown;
  error?: string;
}

/** Serves the parent's named requests (e.g. the upstream minting fresh sessions for each round). */
export function serveParentRequests(handlers: Record<string, () => Promise<unknown>>): void {
  process.on('message', async (message: RequestMessage) => {
    if (message?.type !== 'request') return;
    const reply: ReplyMessage = { type: 'reply', id: message.id };
    try {
      const handler = handlers[message.name];
      if (!handler) throw new Error(`no handler for ${message.name}`);
      reply.result = await handler();
    } catch (error) {
      reply.error = error instanceof Error ? error.message : String(error);
    }
    process.send?.(reply);
  });
}
