import { runSoak } from './soak/run-soak.ts';
const r = await runSoak({ durationS: Number(process.env.D ?? 25), connections: 16 });
console.log(r.samples.filter((_, i) => i % 8 === 0).map((s) => `${s.tS.toFixed(1)}:${s.rssMiB.toFixed(0)}`).join(' '));
console.log(r.rss);
