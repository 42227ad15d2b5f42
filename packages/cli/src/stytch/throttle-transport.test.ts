import type { TransportRequest } from '@connected-apps/core';
import { describe, expect, it } from 'vitest';
import { throttleTransport, throttleWindow, worstTurnWaitMs } from './throttle-transport.ts';

describe('throttleWindow', () => {
  it.each([
    [50, { limit: 5, interval: 100 }],
    [2000, { limit: 200, interval: 100 }],
    [5, { limit: 1, interval: 200 }],
    [0.5, { limit: 1, interval: 2000 }],
  ])('paces %d requests per second as %o', (rate, window) => {
    expect(throttleWindow(rate)).toEqual(window);
  });

  it('bounds the wait for a turn by the callers ahead of it', () => {
    expect(worstTurnWaitMs(8, 50)).toBe(200);
    expect(worstTurnWaitMs(16, 1000)).toBe(100);
    expect(worstTurnWaitMs(8, 1)).toBe(8000);
  });
});

describe('throttleTransport', () => {
  it('sends nothing for an attempt whose signal fired while it waited for its turn', async () => {
    const sent: string[] = [];
    const send = async ({ url }: TransportRequest) => {
      sent.push(url);
      return { status: 200, headers: {}, body: '{}' };
    };
    const transport = throttleTransport({ send }, 10);
    const request = (url: string, signal: AbortSignal): TransportRequest => ({
      method: 'POST',
      url,
      headers: {},
      signal,
    });
    const first = transport.send(request('first', new AbortController().signal));
    const controller = new AbortController();
    const second = transport.send(request('second', controller.signal));
    controller.abort(new Error('timed out'));
    await expect(first).resolves.toMatchObject({ status: 200 });
    await expect(second).rejects.toThrow('timed out');
    expect(sent).toEqual(['first']);
  });
});
