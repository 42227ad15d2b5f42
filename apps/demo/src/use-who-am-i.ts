import { useEffect, useState } from 'react';
import type { WhoAmI } from './dev/dev-session-plugin.ts';

/**
 * Who the dev server says is signed in (`/dev/whoami`), the consumer user or the member:
 * `undefined` while asking, `null` when nobody is (or the dev server could not say).
 */
export function useWhoAmI<K extends keyof WhoAmI>(who: K): WhoAmI[K] | undefined {
  const [signedIn, setSignedIn] = useState<WhoAmI[K] | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/dev/whoami', { signal: controller.signal })
      .then((response) => response.json() as Promise<WhoAmI>)
      .then((body) => setSignedIn(body[who]))
      .catch(() => {
        if (!controller.signal.aborted) setSignedIn(null);
      });
    return () => controller.abort();
  }, [who]);
  return signedIn;
}
