'use client';

import { useState } from 'react';

/**
 * A hook's observer, made once for its `deps` and kept across renders. It lives in `useState`, whose
 * initializer React guarantees to keep (a `useMemo` value is only a hint React may drop and recompute).
 * When a dep changes, the new observer is stored during render, React's pattern for state that follows
 * a prop: React renders again at once with it, before anything is committed. `deps` keeps its length.
 */
export function useObserver<T>(create: () => T, deps: readonly unknown[]): T {
  const [held, setHeld] = useState(() => [deps, create()] as const);
  if (deps.every((dep, i) => Object.is(dep, held[0][i]))) return held[1];
  const next = [deps, create()] as const;
  setHeld(next);
  return next[1];
}
