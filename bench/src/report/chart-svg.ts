import type { BenchResults } from './bench-results.ts';
import { budgets } from './bench-results.ts';

interface Bar {
  label: string;
  value: number;
  text: string;
  ours: boolean;
}

const WIDTH = 820;
const LABEL_WIDTH = 300;
const BAR_AREA = 300;
const ROW = 26;
const OURS = '#4f46e5';
const OTHERS = '#a1a1aa';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One titled panel of horizontal bars, optionally with a dashed budget line; returns SVG and its height. */
function panel(
  top: number,
  title: string,
  bars: Bar[],
  budget?: { value: number; label: string },
): { svg: string; height: number } {
  const max = Math.max(...bars.map((b) => b.value), budget?.value ?? 0) || 1;
  const scale = (v: number) => (v / max) * BAR_AREA;
  const parts = [`<text x="16" y="${top + 18}" class="title">${escapeXml(title)}</text>`];
  bars.forEach((bar, i) => {
    const y = top + 32 + i * ROW;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 14}" text-anchor="end" class="${bar.ours ? 'ours' : 'label'}">${escapeXml(bar.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${Math.max(1, scale(bar.value)).toFixed(1)}" height="${ROW - 8}" rx="3" fill="${bar.ours ? OURS : OTHERS}"/>`,
      `<text x="${LABEL_WIDTH + scale(bar.value) + 6}" y="${y + 14}" class="value">${escapeXml(bar.text)}</text>`,
    );
  });
  const height = 32 + bars.length * ROW + 8;
  if (budget) {
    const x = LABEL_WIDTH + scale(budget.value);
    parts.push(
      `<line x1="${x}" y1="${top + 28}" x2="${x}" y2="${top + height - 4}" stroke="#dc2626" stroke-dasharray="4 3"/>`,
      `<text x="${x + 4}" y="${top + height + 8}" class="budget">${escapeXml(budget.label)}</text>`,
    );
  }
  return { svg: parts.join('\n'), height: height + (budget ? 14 : 0) };
}

/**
 * Renders the run as a small self-contained SVG: revoke throughput per target (with its ratio to
 * the forwarder) and the browser cost of each bundle against the budget.
 *
 * @example
 * await writeFile('results/chart.svg', renderChart(results));
 */
export function renderChart(results: BenchResults): string {
  const sections: string[] = [];
  let y = 44;
  if (results.overhead) {
    const { svg, height } = panel(
      y,
      `Revoke throughput, req/s (higher is better); ratios vs the minimal forwarder; ${results.overhead.profile.connections} connections`,
      results.overhead.targets.map((t) => ({
        label: t.label,
        value: t.requestsPerSecond,
        text: `${t.requestsPerSecond.toLocaleString('en-US')} · ${t.ratioToForwarder.toFixed(2)}x · p99 ${t.p99Ms} ms (${t.p99RatioToForwarder.toFixed(2)}x)`,
        ours: t.id === 'proxy',
      })),
    );
    sections.push(svg);
    y += height + 12;
  }
  if (results.browserCost?.sizes.length) {
    const { svg, height } = panel(
      y,
      'Browser cost, kB min+gzip (lower is better), React external',
      results.browserCost.sizes.map((s) => ({
        label: s.label,
        value: s.gzipBytes,
        text: `${(s.gzipBytes / 1000).toFixed(1)} kB`,
        ours: s.id.startsWith('connected-apps'),
      })),
      { value: budgets.browserGzipBytes, label: `budget ${(budgets.browserGzipBytes / 1000).toFixed(0)} kB` },
    );
    sections.push(svg);
    y += height + 12;
  }
  if (results.coldStart) {
    sections.push(
      `<text x="16" y="${y + 14}" class="title">Cold start: ${results.coldStart.medianMs} ms median to the first 200 on /healthz (${results.coldStart.samplesMs.length} runs)</text>`,
    );
    y += 26;
  }
  const m = results.machine;
  const subtitle = `${results.generatedAt.slice(0, 10)} · ${m.cores} × ${m.cpuModel} · Node ${m.node}${results.quick ? ' · QUICK RUN' : ''}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y + 8}" viewBox="0 0 ${WIDTH} ${y + 8}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">
<style>.title{font-weight:600;fill:#18181b}.label{fill:#3f3f46}.ours{fill:${OURS};font-weight:600}.value{fill:#3f3f46}.budget{fill:#dc2626;font-size:11px}.sub{fill:#71717a;font-size:11px}</style>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="16" y="22" class="title" font-size="14">connected-apps benchmarks</text>
<text x="16" y="36" class="sub">${escapeXml(subtitle)}</text>
${sections.join('\n')}
</svg>
`;
}
