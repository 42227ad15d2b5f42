import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from './support/figures.ts';
import { type FaultInput, randomFault } from './support/random-fault.ts';
import { closeRawRequestAgent, type RawResponse, rawRequest } from './support/raw-request.ts';
import { type ReliabilityStack, startReliabilityStack } from './support/reliability-stack.ts';
import { errorTypeOf, isUnexpected5xx, stytchShapeProblems } from './support/stytch-shape.ts';

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
  closeRawRequestAgent();
  await stack?.stop();
});

const revokePath = (user: string, app: string) =>
  `/v1/users/${encodeURIComponent(user)}/connected_apps/${encodeURIComponent(app)}/revoke`;

function revoke(user = stack.alice, app = stack.appIds[0]): Promise<RawResponse> {
  return rawRequest(stack.proxy.url, {
    method: 'POST',
    path: `/api${revokePath(user.user_id, app)}`,
    headers: { authorization: `Bearer ${user.session_jwt}`, 'content-type': 'application/json' },
    body: '{}',
    timeoutMs: DEADLINE_MS,
  });
}

function list(user = stack.alice): Promise<RawResponse> {
  return rawRequest(stack.proxy.url, {
    method: 'GET',
    path: `/api/v1/users/${encodeURIComponent(user.user_id)}/connected_apps`,
    headers: { authorization: `Bearer ${user.session_jwt}` },
    timeoutMs: DEADLINE_MS,
  });
}

function expectWellFormed(method: string, res: RawResponse): void {
  expect(stytchShapeProblems(method, res)).toEqual([]);
  expect(isUnexpected5xx(res)).toBe(false);
  expect(res.durationMs).toBeLessThan(DEADLINE_MS);
}

describe('upstream faults, one at a time', () => {
  const aliceRevoke = () => revokePath(stack.alice.user_id, stack.appIds[0]);
  const cases: { name: string; fault: () => FaultInput; status: number; errorType?: string }[] = [
    {
      name: 'a 500 on every attempt passes Stytch’s 500 through',
      fault: () => ({ path: aliceRevoke(), status: 500, times: 3 }),
      status: 500,
      errorType: 'internal_server_error',
    },
    {
      name: 'a single 503 is retried into a 200',
      fault: () => ({ path: aliceRevoke(), status: 503, times: 1 }),
      status: 200,
    },
    {
      name: 'a dropped connection once is retried into a 200',
      fault: () => ({ path: aliceRevoke(), drop_connection: true, times: 1 }),
      status: 200,
    },
    {
      name: '429 with Retry-After on every attempt passes 429 through',
      fault: () => ({ path: aliceRevoke(), status: 429, retry_after: 1, times: 3 }),
      status: 429,
      errorType: 'too_many_requests',
    },
    {
      name: 'dropped connections become 502 upstream_unavailable',
      fault: () => ({ path: aliceRevoke(), drop_connection: true, times: 3 }),
      status: 502,
      errorType: 'upstream_unavailable',
    },
    {
      name: 'malformed JSON becomes 502 upstream_invalid_response',
      fault: () => ({ path: aliceRevoke(), malformed_json: true, times: 3 }),
      status: 502,
      errorType: 'upstream_invalid_response',
    },
    {
      name: 'an HTML gateway page becomes 502 upstream_invalid_response',
      fault: () => ({
        path: aliceRevoke(),
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
      fault: () => ({ path: aliceRevoke(), latency_ms: 4000, times: 3 }),
      status: 504,
      errorType: 'upstream_timeout',
    },
  ];

  for (const c of cases) {
    it(`${c.name}, within the deadline`, async () => {
      await stack.emulator.control.clearFaults();
      await stack.emulator.control.injectFault(c.fault());
      const res = await revoke();
      await stack.emulator.control.clearFaults();
      expectWellFormed('POST', res);
      expect(res.status).toBe(c.status);
      if (c.errorType) expect(errorTypeOf(res)).toBe(c.errorType);
    });
  }

  it('a 500 on the list endpoint once is retried into the list', async () => {
    await stack.emulator.control.injectFault({
      method: 'GET',
      path: `/v1/users/${encodeURIComponent(stack.alice.user_id)}/connected_apps`,
      status: 500,
      times: 1,
    });
    const res = await list();
    expectWellFormed('GET', res);
    expect(res.status).toBe(200);
    expect(Array.isArray((JSON.parse(res.body) as { connected_apps: unknown }).connected_apps)).toBe(true);
  });

  it('an unreachable sessions/authenticate (opaque cookie session) becomes 502 upstream_unavailable', async () => {
    await stack.emulator.control.injectFault({
      path: '/v1/sessions/authenticate',
      drop_connection: true,
      times: 3,
    });
    const res = await rawRequest(stack.proxy.url, {
      method: 'GET',
      path: `/api/v1/users/${encodeURIComponent(stack.bob.user_id)}/connected_apps`,
      headers: { cookie: `stytch_session=${stack.bob.session_token}`, origin: stack.origin },
      timeoutMs: DEADLINE_MS,
    });
    await stack.emulator.control.clearFaults();
    expectWellFormed('GET', res);
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
    const worker = async () => {
      while (!stop) {
        const op = Math.floor(Math.random() * 4);
        const method = op === 1 || op === 3 ? 'GET' : 'POST';
        try {
          const res =
            op === 0
              ? await revoke(stack.alice, stack.appIds[Math.floor(Math.random() * 2)]!)
              : op === 1
                ? await list(stack.alice)
                : op === 2
                  ? await revoke(stack.bob, stack.appIds[0])
                  : await list(stack.bob);
          const key = `${res.status} ${errorTypeOf(res) ?? 'ok'}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          const problems = stytchShapeProblems(method, res);
          if (problems.length) failures.push(`${res.status}: ${problems.join('; ')}`);
          if (isUnexpected5xx(res)) failures.push(`unexpected ${res.status}: ${res.body.slice(0, 160)}`);
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

    const after = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? list() : revoke())));
    expect(after.map((r) => r.status)).toEqual(Array(20).fill(200));
    recordFigure('faults', {
      requests: total,
      faultsInjected,
      seconds: Math.round(seconds * 10) / 10,
      byOutcome,
    });
  }, 30_000);
});
