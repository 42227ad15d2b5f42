'use client';

import { useSyncExternalStore } from 'react';
import type { Query } from './store/query.ts';
import { QueryObserver } from './store/query-observer.ts';
import type { QueryResult } from './types.ts';
import { useObserver } from './use-observer.ts';

/**
 * What every list hook does: an observer of the shared query `find` returns (none while the hook
 * waits), made anew when `deps` change, and its result through `useSyncExternalStore`. A new user is
 * a new observer: React unsubscribes the old one and subscribes (and loads) the new one.
 */
export function useSharedQuery<T>(
  find: () => Query<T> | undefined,
  deps: readonly unknown[],
): QueryResult<T> {
  const observer = useObserver(() => new QueryObserver(find()), deps);
  return useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getSnapshot);
}
