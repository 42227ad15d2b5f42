'use client';

import { type RefObject, useEffect, useRef, useState } from 'react';

/** An inline confirmation's open state, its two focus targets, and the toggle between them. */
export interface Confirmation {
  confirming: boolean;
  /** The button that opens the confirmation; focus comes back to it on close. */
  openRef: RefObject<HTMLButtonElement | null>;
  /** The confirmation's Cancel; focus lands on it on open. */
  cancelRef: RefObject<HTMLButtonElement | null>;
  /** Opens or closes, clearing the last attempt's outcome and moving focus. */
  toggle: (open: boolean) => void;
  /** Closes without moving focus (the opener may be gone, e.g. once everything is revoked). */
  close: () => void;
}

/**
 * What the row's Revoke and the header's Revoke all share: open/closed, and keyboard focus into the
 * confirmation as it opens (on Cancel) and back to the opener as it closes. Both targets only exist
 * after that render, so an effect after every render moves the focus.
 */
export function useConfirmation(reset: () => void): Confirmation {
  const [confirming, setConfirming] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<RefObject<HTMLButtonElement | null> | null>(null);
  useEffect(() => {
    focusAfter.current?.current?.focus();
    focusAfter.current = null;
  });
  return {
    confirming,
    openRef,
    cancelRef,
    toggle: (open) => {
      reset();
      focusAfter.current = open ? cancelRef : openRef;
      setConfirming(open);
    },
    close: () => setConfirming(false),
  };
}
