import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startPostgres } from '../src/index.ts';

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startPostgres', () => {
  let pg: RunningPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 30_000);
  afterAll(() => pg?.stop());

  it('serves SQL on a loopback port, with databases of its own', async () => {
    expect(pg.url).toBe(`postgres://postgres@127.0.0.1:${pg.port}/postgres`);
    expect(await pg.psql('select 40 + 2')).toBe('42');
    const url = await pg.createDatabase('kit_check');
    expect(url).toBe(pg.urlOf('kit_check'));
    await pg.psql('create table t (n int); insert into t values (1), (2)', 'kit_check');
    expect(await pg.psql('select count(*) from t', 'kit_check')).toBe('2');
  });

  it('is killed like a crash and restarted with its data', async () => {
    await pg.psql('create table survivor (n int); insert into survivor values (7)');
    await pg.kill();
    expect(await accepts(pg.port)).toBe(false);
    await pg.restart();
    expect(await pg.psql('select n from survivor')).toBe('7');
  }, 30_000);
});
