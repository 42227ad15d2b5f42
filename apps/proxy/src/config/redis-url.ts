/**
 * Checks `REDIS_URL`: `redis://` or `rediss://` (TLS), a host, and at most a database number as its
 * path. Its value is never echoed back: it may carry a password.
 *
 * @example
 * parseRedisUrl('redis://127.0.0.1:6379/0', fail); // 'redis://127.0.0.1:6379/0'
 */
export function parseRedisUrl(
  raw: string | undefined,
  fail: (variable: string, message: string) => undefined,
): string | undefined {
  if (raw === undefined) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (url === undefined || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    return fail(
      'REDIS_URL',
      'must be a redis:// or rediss:// URL with a host, e.g. redis://127.0.0.1:6379/0',
    );
  }
  if (!/^(\/\d{0,5})?$/.test(url.pathname) || url.hash) {
    return fail('REDIS_URL', 'may only name a database number as its path, e.g. redis://host:6379/0');
  }
  return raw;
}
