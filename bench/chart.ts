// Each timed figure's runs as a small SVG strip plot (docs/performance/<id>.svg): one row per series
// (softphone, baseline…), a dot per run, a bar at the median and a tick at p95, so a reader sees the spread.
import { median, p95, round, type Figure } from './figure';

const WIDTH = 640;
const LEFT = 150;
const RIGHT = 20;
const ROW = 30;
const TOP = 24;
const AXIS = 30;
const COLORS = ['#0b5cab', '#c23934', '#2e844a', '#8a4baf', '#dd7a01', '#3e3e3c'];

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Round numbers for the axis: about five ticks from 0 to at least `max`. */
function ticks(max: number): number[] {
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => round(i * step, 6));
}

function row(label: string, values: number[], y: number, color: string, x: (v: number) => number): string {
  const dots = values.map((v, i) => {
    // A fixed jitter, so the same runs always draw the same picture.
    const dy = ((i * 7) % 11) - 5;
    return `<circle cx="${x(v).toFixed(1)}" cy="${y + dy}" r="2.5" fill="${color}" fill-opacity="0.55"/>`;
  });
  const m = x(median(values));
  const q = x(p95(values));
  return [
    `<text x="${LEFT - 8}" y="${y + 4}" text-anchor="end">${escape(label)} (n=${values.length})</text>`,
    ...dots,
    `<line x1="${m}" x2="${m}" y1="${y - 10}" y2="${y + 10}" stroke="${color}" stroke-width="3"/>`,
    `<line x1="${q}" x2="${q}" y1="${y - 7}" y2="${y + 7}" stroke="${color}" stroke-width="1.5" stroke-dasharray="2,2"/>`,
  ].join('');
}

/** The SVG of a figure's samples, or undefined when it has none. */
export function chart(figure: Figure): string | undefined {
  const series = Object.entries(figure.samples ?? {}).filter(([, v]) => v.length > 0);
  if (series.length === 0) return undefined;
  const max = Math.max(...series.flatMap(([, v]) => v));
  const axis = ticks(max);
  const top = axis.at(-1) || 1;
  const x = (v: number) => LEFT + (v / top) * (WIDTH - LEFT - RIGHT);
  const height = TOP + series.length * ROW + AXIS;
  const axisY = TOP + series.length * ROW;
  const grid = axis.map(
    (t) =>
      `<line x1="${x(t)}" x2="${x(t)}" y1="${TOP - 6}" y2="${axisY}" stroke="#ddd"/>` +
      `<text x="${x(t)}" y="${axisY + 14}" text-anchor="middle">${t}</text>`,
  );
  const rows = series.map(([label, values], i) =>
    row(label, values, TOP + i * ROW + ROW / 2 - 4, COLORS[i % COLORS.length] ?? '#000', x),
  );
  const title = `${figure.id}: ${figure.name}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11" role="img" aria-label="${escape(title)}">
<title>${escape(title)}</title>
<rect width="100%" height="100%" fill="#fff"/>
<text x="${LEFT}" y="14" fill="#444">each dot one run; thick bar median, dashed tick p95; ${escape(figure.unit)}</text>
${grid.join('\n')}
${rows.join('\n')}
<text x="${WIDTH - RIGHT}" y="${axisY + 26}" text-anchor="end" fill="#444">${escape(figure.unit)}</text>
</svg>
`;
}
