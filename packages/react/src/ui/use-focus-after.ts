'use client';

import { type RefObject, useEffect, useRef } from 'react';

/**
 * Moves keyboard focus to an element that exists only after the next render (into a confirmation as
 * it opens, back to its trigger as it closes): call the returned function with the element's ref
 * before the state change that renders it; an effect after every render focuses it once.
 */
export function useFocusAfter(): (target: RefObject<HTMLElement | null>) => void {
  const pending = useRef<RefObject<HTMLElement | null> | null>(null);
  useEffect(() => {
    pending.current?.current?.focus();
    pending.current = null;
  });
  return (target) => {
    pending.current = target;
  };
}
