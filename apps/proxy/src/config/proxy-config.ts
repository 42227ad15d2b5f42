/** The proxy's validated configuration; `loadConfig(process.env)` builds it from the environment. */
export interface ProxyConfig {
  /** `STYTCH_PROJECT_ID`: `project-test-…` or `project-live-…`. */
  projectId: string;
  /** `STYTCH_SECRET`: the project's secret; only ever sent to Stytch as Basic auth. */
  secret: string;
  /**
   * `STYTCH_BASE_URL`: where Stytch (or the emulator) is, without a trailing slash.
   * @default 'https://api.stytch.com' for live projects, 'https://test.stytch.com' otherwise
   */
  stytchBaseUrl: string;
  /** `PORT` @default 8787 */
  port: number;
  /** `HOST` @default '127.0.0.1' */
  host: string;
  /** `PROXY_BASE_PATH`: prefix of the Stytch-shaped routes, `''` for the root. @default '/api' */
  basePath: string;
  /** `CORS_ORIGINS`: exact origins allowed to call with credentials. @default [] */
  corsOrigins: readonly string[];
  /** `ADMIN_ROLE`: a session holding this role may act on any user. @default undefined (no admins) */
  adminRole: string | undefined;
  /** `SESSION_JWT_MAX_AGE_SECONDS`: how long any verification is trusted before Stytch is asked again. @default 60 */
  sessionJwtMaxAgeSeconds: number;
  /** `SESSION_CACHE_SIZE`: verified sessions kept in memory. @default 10000 */
  sessionCacheSize: number;
  /**
   * `RBAC_POLICY_CACHE_SECONDS`: how long the B2B project's RBAC policy (`GET /v1/b2b/rbac/policy`) is
   * used before it is fetched again; a change in Stytch takes effect within this time. @default 300
   */
  rbacPolicyCacheSeconds: number;
  /** `RATE_LIMIT_WINDOW_MS` @default 60000 */
  rateLimitWindowMs: number;
  /** `RATE_LIMIT_PER_ADDRESS`: requests per window per client address, before authentication. @default 300 */
  rateLimitPerAddress: number;
  /** `RATE_LIMIT_PER_USER`: requests per window per authenticated user. @default 120 */
  rateLimitPerUser: number;
  /** `RATE_LIMIT_MAX_KEYS`: counters kept per limiter (least recently used dropped first). @default 10000 */
  rateLimitMaxKeys: number;
  /**
   * `REDIS_URL` (`redis://` or `rediss://`): both rate limits are counted in this Redis, shared by
   * every replica (Node entry). @default undefined (each process counts in memory)
   */
  redisUrl: string | undefined;
  /**
   * `REDIS_TIMEOUT_MS`: the most a rate-limit call to Redis (or connecting to it) may take before the
   * request is counted in memory instead. @default 200
   */
  redisTimeoutMs: number;
  /** `UPSTREAM_TIMEOUT_MS`: total time allowed for one call to Stytch, retries included. @default 5000 */
  upstreamTimeoutMs: number;
  /** `UPSTREAM_RETRIES`: retries after the first attempt on 429/5xx/network errors. @default 2 */
  upstreamRetries: number;
  /** `LOG_LEVEL` @default 'info' */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `TRUST_PROXY`: reverse proxies in front of this one whose `X-Forwarded-For` entry is trusted. @default 0 */
  trustProxy: number;
  /** `ERROR_DOCS_URL`: base of every proxy `error_url`. */
  errorDocsUrl: string;
  /** `SHUTDOWN_TIMEOUT_MS`: how long a graceful stop waits for in-flight requests. @default 10000 */
  shutdownTimeoutMs: number;
  /**
   * `SHUTDOWN_READINESS_DELAY_MS`: how long a stop keeps accepting and serving requests, `/readyz`
   * answering 503, before it stops accepting connections: time for a load balancer polling readiness
   * to stop sending. @default 0
   */
  shutdownReadinessDelayMs: number;
  /**
   * `AUDIT_DATABASE_URL`: where every revoke attempt is recorded — `file:<path>` (SQLite) or
   * `postgres://…`; Node entry only. @default undefined (no audit trail)
   */
  auditDatabaseUrl: string | undefined;
  /** `AUDIT_REQUIRED`: refuse a revoke (503 `audit_unavailable`) whose row neither the database nor the spool took. @default false */
  auditRequired: boolean;
  /** `AUDIT_RETENTION_DAYS`: rows older than this are deleted by the proxy. @default undefined (kept) */
  auditRetentionDays: number | undefined;
  /** `AUDIT_SPOOL_DIR`: this process's spool, for rows the database cannot take. @default './audit-spool' */
  auditSpoolDir: string;
  /** `AUDIT_WRITE_TIMEOUT_MS`: the most a row waits for the database before it is spooled. @default 500 */
  auditWriteTimeoutMs: number;
  /** `AUDIT_POOL_SIZE`: PostgreSQL connections at most, per process. @default 10 */
  auditPoolSize: number;
}
