import {
  ALLOWED_ORIGIN,
  bearer,
  proxyListPath,
  proxyRevokePath,
  type RawResponse,
  rawRequest,
  sessionTokenCookie,
  stytchListPath,
  stytchRevokePath,
} from '@connected-apps/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerProblems, errorTypeOf } from './support/answer-checks.ts';
import { recordFigure } from './support/figures.ts';
import { type FaultInput, randomFault } from './support/random-fault.ts';
import { type ReliabilityStack, startReliabilityStack } from './support/reliability-stack.ts';

// A short upstream budget keeps timeouts quick; every client request must end within it plus a margin.
const UPSTREAM_TIMEOUT_MS = 1500;
const DEADLINE_MS = UPSTREAM_TIMEOUT_MS + 1500;

let stack: ReliabilityStack;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  stack = await startReliabilityStack({
    UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
    UPSTREAM_RETRIES: '2',
  });
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await stack?.stop();
});

/** A signed-in call through the proxy (Alice's unless another session JWT is given). */
function call(method: 'GET' | 'POST', path: string, jwt = stack.world.alice.jwt): Promise<RawResponse> {
  const headers = { ...bearer(jwt), 'content-type': 'application/json' };
  const body = method === 'POST' ? '{}' : undefined;
  return rawRequest(stack.url, method, path, headers, body, { timeoutMs: DEADLINE_MS });
}
const aliceRevoke = () => proxyRevokePath(stack.world.alice.user_id, stack.world.calendar);
const aliceList = () => proxyListPath(stack.world.alice.user_id);

/** Problems of an answer to `path`, including a missed deadline. */
function problemsOf(method: string, path: string, res: RawResponse): string[] {
  const late = res.durationMs < DEADLINE_MS ? [] : [`answered after ${Math.round(res.durationMs)} ms`];
  return [...answerProblems(method, path, res), ...late];
}

describe('upstream faults, one at a time', () => {
  const upstreamRevoke = () => stytchRevokePath(stack.world.alice.user_id, stack.world.calendar);
  const cases: { name: string; fault: () => FaultInput; status: number; errorType?: string }[] = [
    {
      name: 'a 500 on every attempt passes Stytch’s 500 through',
      fault: () => ({ path: upstreamRevoke(), status: 500, times: 3 }),
      status: 500,
      errorType: 'internal_server_error',
    },
    {
      name: 'a single 503 is retried into a 200',
      fault: () => ({ path: upstreamRevoke(), status: 503, times: 1 }),
      status: 200,
    },
    {
      name: 'a dropped connection once is retried into a 200',
      fault: () => ({ path: upstreamRevoke(), drop_connection: true, times: 1 }),
      status: 200,
    },
    {
      name: '429 with Retry-After on every attempt passes 429 through',
      fault: () => ({ path: upstreamRevoke(), status: 429, retry_after: 1, times: 3 }),
      status: 429,
      errorType: 'too_many_requests',
    },
    {
      name: 'dropped connections become 502 upstream_unavailable',
      fault: () => ({ path: upstreamRevoke(), drop_connection: true, times: 3 }),
      status: 502,
      errorType: 'upstream_unavailable',
    },
    {
      name: 'malformed JSON becomes 502 upstream_invalid_response',
      fault: () => ({ path: upstreamRevoke(), malformed_json: true, times: 3 }),
      status: 502,
      errorType: 'upstream_invalid_response',
    },
    {
      name: 'an HTML gateway page becomes 502 upstream_invalid_response',
      fault: () => ({
        path: upstreamRevoke(),
        status: 502,
        body: '<html><body>Bad gateway</body></html>',
        content_type: 'text/html',
        times: 3,
      }),
      status: 502,
      errorType: 'upstream_invalid_response',
    },
    {
      name: 'an upstream slower than the budget becomes 504 upstream_timeout',
      fault: () => ({ path: upstreamRevoke(), latency_ms: 4000, times: 3 }),
      status: 504,
      errorType: 'upstream_timeout',
    },
  ];

  for (const c of cases) {
    it(`${c.name}, within the deadline`, async () => {
      await stack.emulator.control.clearFaults();
      await stack.emulator.control.injectFault(c.fault());
      const res = await call('POST', aliceRevoke());
      await stack.emulator.control.clearFaults();
      expect(problemsOf('POST', aliceRevoke(), res)).toEqual([]);
      expect(res.status).toBe(c.status);
      if (c.errorType) expect(errorTypeOf(res)).toBe(c.errorType);
    });
  }

  it('a 500 on the list endpoint once is retried into the list', async () => {
    await stack.emulator.control.injectFault({
      method: 'GET',
      path: stytchListPath(stack.world.alice.user_id),
      status: 500,
      times: 1,
    });
    const res = await call('GET', aliceList());
    expect(problemsOf('GET', aliceList(), res)).toEqual([]);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.connected_apps)).toBe(true);
  });

  it('an unreachable sessions/authenticate (opaque cookie session) becomes 502 upstream_unavailable', async () => {
    await stack.emulator.control.injectFault({
      path: '/v1/sessions/authenticate',
      drop_connection: true,
      times: 3,
    });
    const path = proxyListPath(stack.world.bob.user_id);
    const headers = { ...sessionTokenCookie(stack.world.bob.token), origin: ALLOWED_ORIGIN };
    const res = await rawRequest(stack.url, 'GET', path, headers, undefined, { timeoutMs: DEADLINE_MS });
    await stack.emulator.control.clearFaults();
    expect(problemsOf('GET', path, res)).toEqual([]);
    expect(res.status).toBe(502);
    expect(errorTypeOf(res)).toBe('upstream_unavailable');
  });
});

describe('random upstream faults under concurrent load', () => {
  it('ends every request with a documented answer within its deadline, then serves normally', async () => {
    const LOAD_MS = 6000;
    const WORKERS = 8;
    const started = performance.now();
    const statuses = new Map<string, number>();
    const failures: string[] = [];
    let faultsInjected = 0;
    let stop = false;

    const chaos = (async () => {
      while (!stop) {
        await stack.emulator.control.injectFault(randomFault());
        faultsInjected++;
        await new Promise((resolve) => setTimeout(resolve, 60 + Math.random() * 60));
      }
    })();
    const { alice, bob, calendar, notes } = stack.world;
    // Alice revokes either app or lists hers; Bob revokes Calendar Sync or lists his.
    const calls = [
      () =>
        ['POST', proxyRevokePath(alice.user_id, Math.random() < 0.5 ? calendar : notes), alice.jwt] as const,
      () => ['GET', proxyListPath(alice.user_id), alice.jwt] as const,
      () => ['POST', proxyRevokePath(bob.user_id, calendar), bob.jwt] as const,
      () => ['GET', proxyListPath(bob.user_id), bob.jwt] as const,
    ];
    const worker = async () => {
      while (!stop) {
        const [method, path, jwt] = calls[Math.floor(Math.random() * calls.length)]!();
        try {
          const res = await call(method, path, jwt);
          const key = `${res.status} ${errorTypeOf(res) ?? 'ok'}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          const problems = problemsOf(method, path, res);
          if (problems.length) failures.push(`${res.status}: ${problems.join('; ')}`);
          if (![200, 429, 500, 502, 503, 504].includes(res.status))
            failures.push(`undocumented status ${res.status}`);
        } catch (error) {
          failures.push(`no answer: ${(error as Error).message}`);
        }
      }
    };
    const timer = setTimeout(() => {
      stop = true;
    }, LOAD_MS);
    await Promise.all([chaos, ...Array.from({ length: WORKERS }, worker)]);
    clearTimeout(timer);
    await stack.emulator.control.clearFaults();

    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const byOutcome = Object.fromEntries([...statuses].sort());
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `faults under load: ${total} requests, ${faultsInjected} faults in ${seconds.toFixed(1)} s: ${JSON.stringify(byOutcome)}`,
    );

    expect(failures.slice(0, 5)).toEqual([]);
    expect(unhandled).toEqual([]);
    // The chaos must actually have bitten, and requests must still have got through between faults.
    expect(total - (statuses.get('200 ok') ?? 0)).toBeGreaterThan(0);
    expect(statuses.get('200 ok') ?? 0).toBeGreaterThan(0);

    const after = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? call('GET', aliceList()) : call('POST', aliceRevoke()))),
    );
    expect(after.map((r) => r.status)).toEqual(Array(20).fill(200));
    recordFigure('faults', {
      requests: total,
      faultsInjected,
      seconds: Math.round(seconds * 10) / 10,
      byOutcome,
    });
  }, 30_000);
});
