type NodeCrypto = typeof import('node:crypto');

// Loaded without a static `node:` import so the app still bundles for edge runtimes.
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/**
 * A cache key for a session credential: SHA-256, so the cache never holds a usable token.
 * Node's one-shot `hash` (synchronous, under a microsecond) when present, Web Crypto elsewhere.
 */
export function hashToken(token: string): string | Promise<string> {
  if (nodeCrypto?.hash) return nodeCrypto.hash('sha256', token, 'base64url');
  return webHash(token);
}

async function webHash(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
