import autocannon from 'autocannon';

/** One request autocannon sends; each connection cycles through the list in order. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Throughput and latency of one bounded load run. */
export interface LoadResult {
  /** Completed requests per second over the whole run. */
  requestsPerSecond: number;
  /** Median latency, ms. */
  p50Ms: number;
  /** 99th percentile latency, ms. */
  p99Ms: number;
  /** Every response, whatever its status. */
  completed: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  durationS: number;
  /** Responses by status code, to explain any non-2xx. */
  statusCodes: Record<string, number>;
}

/**
 * Runs autocannon in-process against `url` for a bounded time with a fixed number of keep-alive
 * connections, and returns the figures the benchmark reports.
 *
 * @example
 * const r = await measureLoad({ url, requests, connections: 32, durationS: 8 });
 */
export async function measureLoad(options: {
  url: string;
  requests: LoadRequest[];
  connections: number;
  durationS: number;
  /** Per-request timeout, s. @default 10 */
  timeoutS?: number;
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    timeout: options.timeoutS ?? 10,
    requests: options.requests.map((request) => ({ ...request })),
  });
  const statusCodes: Record<string, number> = {};
  for (const [status, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statusCodes[status] = stat.count ?? 0;
  }
  const completed = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return {
    requestsPerSecond: completed / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    completed,
    non2xx: result.non2xx,
    errors: result.errors,
    durationS: result.duration,
    statusCodes,
  };
}
