/** Defaults of the tunable options (documented in the README, with why). */
export const DEFAULTS = {
  /**
   * Calls in flight at once. Eight keeps a Stytch round trip of 100–200 ms near the default rate.
   */
  concurrency: 8,
  /**
   * Requests per second, every attempt counted (retries and listings too): well under the project-wide
   * limits Stytch applies, so production traffic sharing the project keeps its headroom during an incident.
   */
  rate: 50,
  /** Per-attempt timeout, in ms. */
  timeout: 10_000,
  /** Retries of one call after its first attempt (transient failures only). */
  retries: 5,
} as const;

/** Upper bound of `--concurrency`: more sockets than this only queue behind the rate limit. */
export const MAX_CONCURRENCY = 256;

/** Upper bound of `--rate`, far above any API's limit; it keeps the limiter's bookkeeping bounded. */
export const MAX_RATE = 100_000;
