import { request } from 'node:http';

/** Status of one GET /healthz on 127.0.0.1:`port` (0 when nothing answers within 500 ms). */
export function healthzStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', timeout: 500 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/**
 * Polls `/healthz` every 5 ms until it answers 200; resolves with the elapsed ms since `since`.
 * Rejects when `deadlineMs` passes or `exited()` reports the process gone.
 *
 * @example
 * const ms = await waitForHealthz(port, { since: performance.now(), deadlineMs: 15_000, exited: () => child.exitCode !== null });
 */
export async function waitForHealthz(
  port: number,
  options: { since: number; deadlineMs: number; exited: () => boolean },
): Promise<number> {
  while (performance.now() - options.since < options.deadlineMs) {
    if (options.exited()) throw new Error('the process exited before serving /healthz');
    if ((await healthzStatus(port)) === 200) return performance.now() - options.since;
    // 5 ms polling bounds the measurement error without busy-waiting.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`no 200 on /healthz within ${options.deadlineMs} ms`);
}
