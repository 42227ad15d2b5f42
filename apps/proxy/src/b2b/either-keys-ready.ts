import type { SessionKeys } from '../session/stytch-jwks.ts';

/**
 * Readiness over both products' signing keys: a Stytch project is either consumer or B2B, and only
 * its own product's JWKS can be had, so the proxy is ready when the consumer keys or the member keys
 * are cached (`fresh`) or can be fetched now (`reload` resolves when either fetch does).
 *
 * @example
 * const probes = createProbes(eitherKeysReady(keys, b2bKeys), respond);
 */
export function eitherKeysReady(
  consumer: Pick<SessionKeys, 'fresh' | 'reload'>,
  b2b: Pick<SessionKeys, 'fresh' | 'reload'>,
): Pick<SessionKeys, 'fresh' | 'reload'> {
  return {
    get fresh() {
      return consumer.fresh || b2b.fresh;
    },
    reload: async () => {
      await Promise.any([consumer.reload(), b2b.reload()]);
    },
  };
}
