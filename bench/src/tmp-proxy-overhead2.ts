import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOverhead } from './overhead/run-overhead.ts';
const dir = mkdtempSync(join(tmpdir(), 'proxy-oh-'));
const r = await runOverhead({ rounds: 1, durationS: 5, warmupS: 1, connections: 32, users: 16, only: ['proxy'] }, dir, () => {});
console.log(JSON.stringify(r.targets.map((t) => ({ id: t.id, rps: t.requestsPerSecond, total: t.rounds[0] }))).slice(0, 600));
