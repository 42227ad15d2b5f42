import { useEffect, useState } from 'react';
import type { SignedInMember } from '../dev/session-cookies.ts';

/** Which member the dev server says is signed in: `undefined` while asking, `null` when none is. */
export function useSignedInMember(): SignedInMember | null | undefined {
  const [member, setMember] = useState<SignedInMember | null | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/dev/whoami', { signal: controller.signal })
      .then((response) => response.json() as Promise<{ member: SignedInMember | null }>)
      .then((body) => setMember(body.member))
      .catch(() => {
        if (!controller.signal.aborted) setMember(null);
      });
    return () => controller.abort();
  }, []);
  return member;
}
