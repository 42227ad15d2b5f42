import { useEffect, useState } from 'react';

/** Who the dev server says is signed in: `undefined` while asking, `null` when nobody is. */
export function useSignedInUser(): string | null | undefined {
  const [userId, setUserId] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/dev/whoami', { signal: controller.signal })
      .then((response) => response.json() as Promise<{ user_id: string | null }>)
      .then((body) => setUserId(body.user_id))
      .catch(() => {
        if (!controller.signal.aborted) setUserId(null);
      });
    return () => controller.abort();
  }, []);
  return userId;
}
