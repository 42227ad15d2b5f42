import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultRecord } from '../types.ts';
import { defaultErrorForStatus } from './stytch-errors.ts';

/** The fault destroyed the socket: there is no response to send. */
export const DROPPED = Symbol('dropped');

/** The transport hook a dropped connection needs: Node's socket behind the request, when there is one. */
export interface SocketHandle {
  destroy(): void;
}

/**
 * Plays a fault: waits `latency_ms`, then drops the connection, answers the injected status/body, or
 * answers JSON cut off mid-document. Returns undefined when only latency was asked for, so the real
 * handler answers afterwards.
 */
export async function playFault(
  fault: FaultRecord,
  requestId: string,
  socket: SocketHandle | undefined,
): Promise<Response | typeof DROPPED | undefined> {
  // Unref'd: a pending delay must not keep a stopped emulator's process alive.
  if (fault.latency_ms) await sleep(fault.latency_ms, undefined, { ref: false });
  if (fault.drop_connection) {
    socket?.destroy();
    return DROPPED;
  }
  const headers: Record<string, string> = {};
  if (fault.retry_after !== undefined) headers['retry-after'] = String(fault.retry_after);
  if (fault.malformed_json) {
    const status = fault.status ?? 200;
    // A plausible Stytch body, truncated: the client must treat it as an invalid response, not crash.
    const full = JSON.stringify({ request_id: requestId, status_code: status });
    headers['content-type'] = 'application/json';
    return new Response(full.slice(0, Math.floor(full.length / 2)), { status, headers });
  }
  const status = fault.status ?? (fault.retry_after !== undefined ? 429 : undefined);
  if (status === undefined) return undefined;
  if (typeof fault.body === 'string') {
    headers['content-type'] = fault.content_type ?? 'text/plain; charset=utf-8';
    return new Response(fault.body, { status, headers });
  }
  headers['content-type'] = fault.content_type ?? 'application/json';
  const body = fault.body === undefined ? defaultErrorForStatus(status, requestId) : fault.body;
  return new Response(JSON.stringify(body), { status, headers });
}
