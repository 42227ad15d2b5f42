import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRedis, startRedis } from '../src/engines/start-redis.ts';

/**
 * One command over a raw socket, then QUIT (the server closes after answering): resolves with the
 * command's reply lines, or the error code that ended it, or `timeout`.
 */
function send(port: number, command: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let reply = '';
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    socket.once('connect', () => socket.write(`${command}\r\nQUIT\r\n`));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
    });
    socket.once('end', () =>
      resolve(
        reply
          .replace(/\+OK\r\n$/, '')
          .trimEnd()
          .split('\r\n')
          .join(' '),
      ),
    );
  });
}

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

describe('startRedis', () => {
  it('serves a throwaway redis-server on loopback, with nothing saved', async () => {
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}/0`);
    expect(await send(redis.port, 'SET k v')).toBe('+OK');
    expect(await send(redis.port, 'CONFIG GET save')).toBe('*2 $4 save $0');
    expect(await send(redis.port, 'CONFIG GET appendonly')).toBe('*2 $10 appendonly $2 no');
    expect(await send(redis.port, 'CONFIG GET bind')).toBe('*2 $4 bind $9 127.0.0.1');
  });

  it('kills, pauses and restarts it on the same port, empty', async () => {
    await send(redis.port, 'SET k v');
    redis.pause();
    expect(await send(redis.port, 'PING')).toBe('timeout');
    redis.resume();
    expect(await send(redis.port, 'GET k')).toBe('$1 v');
    await redis.kill();
    expect(await send(redis.port, 'PING')).toBe('ECONNREFUSED');
    await redis.restart();
    expect(await send(redis.port, 'PING')).toBe('+PONG');
    expect(await send(redis.port, 'GET k')).toBe('$-1');
    expect(await send(redis.port, 'CONFIG GET port')).toBe(
      `*2 $4 port $${String(redis.port).length} ${redis.port}`,
    );
  });
});
