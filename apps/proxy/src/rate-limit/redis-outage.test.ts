import { captureLogs } from '@connected-apps/testkit';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/create-logger.ts';
import { RedisOutage } from './redis-outage.ts';

function outageWithLogs() {
  const logs = captureLogs();
  return { outage: new RedisOutage(createLogger('info', logs), 1000), logs };
}

describe('RedisOutage', () => {
  it('lets every call try Redis while it is up', () => {
    const { outage } = outageWithLogs();
    expect([outage.shouldTry(0), outage.shouldTry(0), outage.shouldTry(1)]).toEqual([true, true, true]);
    expect(outage.down).toBe(false);
  });

  it('logs one warning per outage, however many failures, and one line when it ends', () => {
    const { outage, logs } = outageWithLogs();
    for (let i = 0; i < 50; i++) outage.failed(new Error('connect ECONNREFUSED 127.0.0.1:6379'), i);
    expect(outage.down).toBe(true);
    outage.succeeded();
    outage.succeeded();
    expect(outage.down).toBe(false);
    outage.failed(new Error('Command timed out'), 5000);
    const lines = logs.lines().map((line) => [line.level, line.event, line.cause]);
    expect(lines).toEqual([
      ['warn', 'rate_limit_redis_down', 'Error: connect ECONNREFUSED 127.0.0.1:6379'],
      ['info', 'rate_limit_redis_up', undefined],
      ['warn', 'rate_limit_redis_down', 'Error: Command timed out'],
    ]);
  });

  it('during an outage, lets one call per interval try Redis again', () => {
    const { outage } = outageWithLogs();
    outage.failed(new Error('Command timed out'), 10_000);
    const tries = [10_001, 10_500, 10_999, 11_000, 11_001, 11_999, 12_000].map((now) =>
      outage.shouldTry(now),
    );
    expect(tries).toEqual([false, false, false, true, false, false, true]);
    // A failed retry starts the interval again from its own failure.
    outage.failed(new Error('Command timed out'), 12_200);
    expect(outage.shouldTry(13_000)).toBe(false);
    expect(outage.shouldTry(13_200)).toBe(true);
  });
});
