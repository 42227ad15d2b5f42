/**
 * Calls an observability hook without letting it interfere: it is not awaited, and whatever it throws
 * or rejects with is dropped, so a broken logger can never fail or delay a revoke.
 */
export function callHook<I>(hook: ((info: I) => void | Promise<void>) | undefined, info: I): void {
  if (!hook) return;
  try {
    const result = hook(info);
    if (result && typeof result.then === 'function') result.then(undefined, () => undefined);
  } catch {
    // Deliberately ignored: see above.
  }
}
