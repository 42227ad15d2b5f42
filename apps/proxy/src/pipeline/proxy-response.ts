/**
 * An answer, ready for an adapter to write in one go (`res.writeHead(status, headers)` +
 * `res.end(body)` on Node, `new Response(body, …)` elsewhere), plus what the request log says of it.
 */
export interface ProxyResponse {
  readonly status: number;
  /** Every response header, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Log only: the `error_type` answered (ours or Stytch's). */
  readonly errorType?: string | undefined;
  /** Log only: why it failed (a jose or core error); never sent to the caller. */
  readonly cause?: unknown;
  /** Log only: Stytch's `request_id` for the forwarded call. */
  readonly stytchRequestId?: string | undefined;
}
