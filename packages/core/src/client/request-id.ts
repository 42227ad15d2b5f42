/** A client-made request id (`local-<uuid>`) for errors that got no response from a server. */
export function localRequestId(): string {
  return `local-${uuid()}`;
}

// `crypto.randomUUID` is missing on insecure (plain http) browser pages; `getRandomValues` is not. The id
// only correlates an error with its logs, so the fallback is 32 random hex digits, not a formatted UUID.
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}
