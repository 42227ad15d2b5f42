import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from './support/figures.ts';
import { bodyText, fuzzCase } from './support/fuzz-requests.ts';
import { closeRawRequestAgent, rawRequest } from './support/raw-request.ts';
import { type ReliabilityStack, startReliabilityStack } from './support/reliability-stack.ts';
import { isUnexpected5xx, stytchShapeProblems } from './support/stytch-shape.ts';
import { upstreamRequestProblems } from './support/upstream-paths.ts';

// Cases per run; FUZZ_RUNS raises it for a deeper local search.
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

let stack: ReliabilityStack;
beforeAll(async () => {
  stack = await startReliabilityStack();
});
afterAll(async () => {
  closeRawRequestAgent();
  await stack?.stop();
});

function leakedSecrets(text: string, secrets: string[]): string[] {
  return secrets.filter((s) => s.length >= 16 && text.includes(s));
}

describe('fuzzing the proxy with random requests', () => {
  it('answers every request Stytch-shaped, without unexpected 5xx, leaks or stray upstream calls', async () => {
    const alwaysSecret = [
      stack.emulator.secret,
      Buffer.from(`${stack.emulator.projectId}:${stack.emulator.secret}`).toString('base64'),
      ...[stack.alice, stack.bob].flatMap((u) => [u.session_jwt, u.session_token, u.expired_jwt]),
    ];
    const statuses = new Map<number, number>();
    const started = performance.now();
    let upstreamCalls = 0;

    const property = fc.asyncProperty(fuzzCase(stack), async (c) => {
      await stack.emulator.control.clearRequests();
      const logStart = stack.logs.length;
      const body = bodyText(c.body);
      const res = await rawRequest(stack.proxy.url, {
        method: c.method,
        path: c.path,
        headers: c.headers,
        ...(body === undefined ? {} : { body }),
        timeoutMs: 8000,
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);

      const shape = stytchShapeProblems(c.method, res);
      if (shape.length) throw new Error(`not Stytch-shaped (${res.status}): ${shape.join('; ')}`);
      if (isUnexpected5xx(res)) throw new Error(`unexpected ${res.status}: ${res.body.slice(0, 200)}`);

      const echoed = leakedSecrets(`${JSON.stringify(res.headers)}\n${res.body}`, [
        ...alwaysSecret,
        ...c.sentSecrets,
      ]);
      if (echoed.length) throw new Error(`response echoes a secret or token (${echoed.length})`);
      const logged = leakedSecrets(stack.logs.slice(logStart).join('\n'), [
        ...alwaysSecret,
        ...c.sentSecrets,
      ]);
      if (logged.length) throw new Error(`log contains a secret or token (${logged.length})`);

      const { requests } = await stack.emulator.control.getRequests();
      upstreamCalls += requests.length;
      const stray = upstreamRequestProblems(requests, c.credentialUsers, stack.emulator.projectId);
      if (stray.length) throw new Error(stray.join('; '));
    });
    const details = await fc.check(property, { numRuns: RUNS });
    if (details.failed) {
      const cause =
        details.errorInstance instanceof Error
          ? details.errorInstance.message
          : String(details.errorInstance);
      throw new Error(`${fc.defaultReportMessage(details) ?? 'property failed'}\n${cause}`);
    }

    const seconds = (performance.now() - started) / 1000;
    const byStatus = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
    recordFigure('fuzz', {
      cases: details.numRuns,
      seconds: Math.round(seconds * 10) / 10,
      upstreamCalls,
      byStatus,
    });
    console.info(
      `fuzz: ${details.numRuns} cases in ${seconds.toFixed(1)} s, ${upstreamCalls} upstream calls, statuses ${JSON.stringify(byStatus)}`,
    );
    expect(details.numRuns).toBe(RUNS);
    // The generator must reach the forwarding path, and the proxy must have logged, or the upstream
    // and log properties prove nothing.
    expect(upstreamCalls).toBeGreaterThan(RUNS / 20);
    expect(stack.logs.length).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
