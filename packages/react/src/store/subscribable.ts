/**
 * The smallest observable: a set of listeners, and hooks that fire when the first one arrives
 * and the last one leaves. React's `useSyncExternalStore` subscribes with exactly this shape.
 */
export class Subscribable {
  protected readonly listeners = new Set<() => void>();

  /** Adds a listener; returns the function that removes it. Stable, so React can pass it around. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.onFirstSubscriber();
    return () => {
      if (!this.listeners.delete(listener)) return;
      if (this.listeners.size === 0) this.onLastUnsubscribe();
    };
  };

  hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  protected notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  protected onFirstSubscriber(): void {}

  protected onLastUnsubscribe(): void {}
}
