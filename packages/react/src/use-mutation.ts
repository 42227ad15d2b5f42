'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { MutationObserver, type StartMutation } from './store/mutation-observer.ts';
import type { MutationCallbacks, MutationResult } from './types.ts';
import { useObserver } from './use-observer.ts';

/**
 * What every mutation hook does: one observer per store (the client's, consumer or B2B), the latest
 * options handed to it after each render, and its result through `useSyncExternalStore`.
 */
export function useMutation<V, D, O extends MutationCallbacks<V, D>>(
  store: object,
  options: O,
  start: StartMutation<V, D, O>,
): MutationResult<V, D> {
  // One observer per store (a new client is a new store, so a new observer): `start` is the first
  // render's, and calls that store. Creating one has no side effects, so StrictMode's double render is
  // harmless; later options reach it through the effect below.
  const observer = useObserver(() => new MutationObserver(start, options), [store]);
  useEffect(() => {
    observer.setOptions(options);
  }, [observer, options]);
  return useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getSnapshot);
}
