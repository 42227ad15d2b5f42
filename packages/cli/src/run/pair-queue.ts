import PQueue from 'p-queue';

/**
 * The run's work queue: at most `concurrency` tasks at once, new starts held back on demand (a 429's
 * `Retry-After`), and a clean stop (nothing new starts; what runs finishes).
 */
export class PairQueue {
  readonly #queue: PQueue;
  #stopped = false;
  #holdUntil = 0;
  #holdTimer: NodeJS.Timeout | undefined;

  constructor(concurrency: number) {
    this.#queue = new PQueue({ concurrency });
  }

  /** Queues a task (none once stopped); a task must settle on its own (this queue drops its result). */
  add(task: () => Promise<void>): void {
    if (this.#stopped) return;
    this.#queue.add(task).catch(() => undefined);
  }

  /** Starts no new task for `ms` (tasks already running carry on). */
  hold(ms: number): void {
    if (this.#stopped) return;
    const until = Date.now() + ms;
    if (until <= this.#holdUntil) return;
    this.#holdUntil = until;
    this.#queue.pause();
    clearTimeout(this.#holdTimer);
    this.#holdTimer = setTimeout(() => {
      if (!this.#stopped) this.#queue.start();
    }, ms);
  }

  /** Drops every task not started yet and starts nothing more; returns how many were dropped. */
  stop(): number {
    const dropped = this.#queue.size;
    this.#stopped = true;
    clearTimeout(this.#holdTimer);
    this.#queue.pause();
    this.#queue.clear();
    return dropped;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Resolves once every queued task ran (or was dropped) and none is running. */
  async drained(): Promise<void> {
    await this.#queue.onIdle();
    clearTimeout(this.#holdTimer);
  }
}
