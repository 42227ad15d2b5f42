/**
 * The proxy's environment in every benchmark and reliability run: the shipped defaults (JWT
 * verification, authorization, CORS, origin check, rate limiting, secure headers, logging all on),
 * except that the rate limits are raised far above the load so that limiter bookkeeping is
 * measured but never answers 429. Logs stay at the default level (`info`); benchmarks discard them.
 */
export function proxyBenchEnv(
  upstream: { url: string; projectId: string; secret: string },
  logLevel: 'info' | 'silent' = 'info',
): Record<string, string> {
  return {
    STYTCH_PROJECT_ID: upstream.projectId,
    STYTCH_SECRET: upstream.secret,
    STYTCH_BASE_URL: upstream.url,
    HOST: '127.0.0.1',
    PORT: '0',
    CORS_ORIGINS: 'http://localhost:5173',
    RATE_LIMIT_PER_ADDRESS: '1000000000',
    RATE_LIMIT_PER_USER: '1000000000',
    LOG_LEVEL: logLevel,
  };
}
