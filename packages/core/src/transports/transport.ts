/** A fully built HTTP request, handed to a {@link Transport}. */
export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Absolute URL (or, in a browser, one relative to the page), path already percent-encoded. */
  url: string;
  /** Header names are lower-case. */
  headers: Record<string, string>;
  body?: string;
  /** Aborted on timeout or by the caller: the transport must stop sending and reading. */
  signal: AbortSignal;
  /** Fetch `credentials` mode; transports without cookies ignore it. */
  credentials?: RequestCredentials;
}

/** What a transport hands back: any HTTP response, whatever its status. */
export interface TransportResponse {
  status: number;
  /** Header names are lower-case. */
  headers: Record<string, string>;
  /** The whole body, decoded as text. */
  body: string;
}

/**
 * Sends one HTTP request and returns the response, with no retries, no timeout of its own and no
 * status handling: the client owns those, so every transport gets the same policy and error model.
 * It rejects only when no response arrives (network failure or `signal` aborted).
 *
 * @example
 * const fetchTransport: Transport = {
 *   async send({ method, url, headers, body, signal, credentials }) {
 *     const res = await fetch(url, { method, headers, body, signal, credentials });
 *     return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
 *   },
 * };
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Releases pooled connections, when the transport owns any. */
  close?(): Promise<void>;
}
