import type { Interruption } from '../output/summary.ts';

/** Where signals come from (the process, in the CLI). */
export interface SignalSource {
  on(signal: Interruption, listener: () => void): unknown;
  off(signal: Interruption, listener: () => void): unknown;
}

/**
 * Ctrl+C (SIGINT) and SIGTERM, turned into a clean stop: the first calls `stop` (start nothing new,
 * let what is in flight finish); a second one aborts what is in flight too (`signal`), for an
 * operator who cannot wait for a slow call.
 */
export class Interrupts {
  readonly #controller = new AbortController();
  readonly #source: SignalSource;
  readonly #onSignal: Record<Interruption, () => void>;
  #received: Interruption | null = null;

  constructor(source: SignalSource, stop: (signal: Interruption) => void) {
    this.#source = source;
    const handle = (signal: Interruption) => () => {
      if (this.#received !== null) return this.#controller.abort(new Error(`${signal} received twice`));
      this.#received = signal;
      stop(signal);
    };
    this.#onSignal = { SIGINT: handle('SIGINT'), SIGTERM: handle('SIGTERM') };
    source.on('SIGINT', this.#onSignal.SIGINT);
    source.on('SIGTERM', this.#onSignal.SIGTERM);
  }

  /** Aborted on the second signal. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The first signal received, if any. */
  get received(): Interruption | null {
    return this.#received;
  }

  /** Puts the default handlers back. */
  release(): void {
    this.#source.off('SIGINT', this.#onSignal.SIGINT);
    this.#source.off('SIGTERM', this.#onSignal.SIGTERM);
  }
}
