// `npm run bench`: speed, size and memory figures of the softphone, each against a baseline measured in
// the same run. Writes bench/results.json, docs/performance.md and the README's table.
// BENCH_ONLY=B3,B5 runs a subset (the others keep their last recorded figures).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { benchBrowser } from './b1-b2-browser';
import { benchBundle } from './b3-bundle';
import { benchMemory } from './b4-memory';
import { benchStatechart } from './b5-statechart';
import { benchStorm } from './b6-storm';
import { benchEdgeLoad } from './b11-edge-load';
import { benchTurn } from './b9-turn';
import type { Figure } from './figure';
import { startLab } from './lab';
import { workbenchFigure, workbenchFigures } from './workbench';
import { chart } from './chart';
import { withReadmeTable } from './readme-table';
import { performanceDoc } from './report';

export type { Figure } from './figure';

const results = resolve(__dirname, 'results.json');
const doc = resolve(__dirname, '../docs/performance.md');
const readme = resolve(__dirname, '../README.md');
const charts = resolve(__dirname, '../docs/performance');
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim().toUpperCase());
const wanted = (id: string) => !only || only.includes(id);

function failed(id: string, name: string, error: unknown): Figure {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id,
    name,
    unit: '',
    value: Number.NaN,
    baseline: Number.NaN,
    ratio: Number.NaN,
    goal: '',
    pass: false,
    detail: { error: message },
  };
}

async function main(): Promise<void> {
  const previous: Figure[] = existsSync(results)
    ? (JSON.parse(readFileSync(results, 'utf8')) as { figures: Figure[] }).figures
    : [];
  const figures = new Map(previous.map((f) => [f.id, f]));
  const record = async (id: string, name: string, measure: () => Promise<Figure> | Figure) => {
    if (!wanted(id)) return;
    const started = Date.now();
    process.stdout.write(`${id} ${name}…\n`);
    const figure = await Promise.resolve()
      .then(measure)
      .catch((error: unknown) => failed(id, name, error));
    figures.set(id, figure);
    process.stdout.write(
      `${id} ${figure.value} ${figure.unit} vs ${figure.baseline} (ratio ${figure.ratio}) ${figure.pass ? 'PASS' : 'FAIL'} in ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  };

  await record('B3', 'static resource size', benchBundle);
  await record('B5', 'statechart throughput', benchStatechart);
  const server = await startLab('bench');
  try {
    if (wanted('B1') || wanted('B2')) {
      const browser = benchBrowser(server);
      await record('B1', 'call setup in Chromium', async () => (await browser)[0] as Figure);
      await record('B2', 'incoming call to ringing', async () => (await browser)[1] as Figure);
    }
    await record('B6', 'incoming call storm', () => benchStorm(server));
    await record('B4', 'memory over 1,000 calls', () => benchMemory(server));
  } finally {
    await server.stop();
  }
  await record('B11', 'SIP edge under load', benchEdgeLoad);
  await record('B9', 'call setup with a TURN server', benchTurn);
  const workbench = workbenchFigures(wanted);
  await record('B7', 'ready: softphone start → registered', () => workbenchFigure(workbench, 'B7'));
  await record('B7L', 'agent page load → registered', () => workbenchFigure(workbench, 'B7L'));
  await record('B12', 'click-to-dial → INVITE', () => workbenchFigure(workbench, 'B12'));
  await record('B10', 'Lightning Web Security overhead', () => workbenchFigure(workbench, 'B10'));
  await record('B8', 'answer to audio both ways', () => workbenchFigure(workbench, 'B8'));

  const sorted = [...figures.values()].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  // Written as Prettier would (the repository's format check covers both files).
  const options = (await resolveConfig(doc)) ?? {};
  writeFileSync(results, await format(JSON.stringify({ figures: sorted }), { ...options, parser: 'json' }));
  writeFileSync(doc, await format(performanceDoc(sorted), { ...options, parser: 'markdown' }));
  writeFileSync(
    readme,
    await format(withReadmeTable(readFileSync(readme, 'utf8'), sorted), { ...options, parser: 'markdown' }),
  );
  writeCharts(sorted);
  process.stdout.write(`wrote ${sorted.length} figures to ${results} and the table to ${doc}\n`);
}

/** docs/performance/<id>.svg for every figure with samples, drawn again on each run. */
function writeCharts(figures: readonly Figure[]): void {
  mkdirSync(charts, { recursive: true });
  for (const figure of figures) {
    const svg = chart(figure);
    if (svg) writeFileSync(resolve(charts, `${figure.id}.svg`), svg);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
