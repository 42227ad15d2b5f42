/**
 * Calls a user callback without letting it break our state: an exception is rethrown on a later
 * microtask, so it still reaches the console and error reporting, but the hook's state stays right.
 */
export function runCallback<A extends unknown[]>(
  callback: ((...args: A) => unknown) | undefined,
  ...args: A
): void {
  if (!callback) return;
  try {
    callback(...args);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
