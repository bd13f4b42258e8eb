// The bench's pictures and bounded waits (bench/chart.ts, bench/report.ts, bench/workbench/lab.ts): each
// timed figure is drawn from its runs and embedded in docs/performance.md, and a bench wait that never
// holds fails with what it waited for instead of hanging the run. The README's table is the results' own.
import { chart } from '../../bench/chart';
import type { Figure } from '../../bench/figure';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readmeTable, TABLE_END, TABLE_START } from '../../bench/readme-table';
import { performanceDoc } from '../../bench/report';
import { poll, within } from '../../bench/workbench/lab';

const timed: Figure = {
  id: 'B7',
  name: 'ready',
  unit: 'ms',
  value: 300,
  baseline: 200,
  ratio: 1.5,
  goal: 'ratio <= 1.20',
  pass: false,
  samples: { softphone: [280, 300, 340], 'bare SIP.js': [190, 200, 260] },
};

test('a timed figure is drawn as one row per series, a dot per run and its median', () => {
  const svg = chart(timed) ?? '';

  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.match(/<circle /g)).toHaveLength(6);
  expect(svg).toContain('softphone (n=3)');
  expect(svg).toContain('bare SIP.js (n=3)');
  // Medians 300 and 200 on an axis of 0..400 (ticks of 100) between x = 150 and 620.
  const medianAt = (v: number) => (150 + (v / 400) * 470).toString();
  expect(svg).toContain(`<line x1="${medianAt(300)}" x2="${medianAt(300)}"`);
  expect(svg).toContain(`<line x1="${medianAt(200)}" x2="${medianAt(200)}"`);
});

test('a figure without runs has no picture; one with runs is embedded in docs/performance.md', () => {
  const untimed: Figure = { ...timed, id: 'B3', samples: undefined };

  expect(chart(untimed)).toBeUndefined();
  const doc = performanceDoc([untimed, timed]);
  expect(doc).toContain('![B7: every run](performance/B7.svg)');
  expect(doc).not.toContain('performance/B3.svg');
});

test('a bench wait that never holds rejects with what it waited for, within its bound', async () => {
  const started = Date.now();

  await expect(poll('an INVITE at the peer', async () => undefined, 300, 20)).rejects.toThrow(
    'timed out after 300 ms: an INVITE at the peer',
  );
  await expect(within(new Promise(() => undefined), 200, 'the agent phone idle')).rejects.toThrow(
    'timed out after 200 ms: the agent phone idle',
  );
  expect(Date.now() - started).toBeLessThan(2000);
});

/** A markdown table's cells, whatever padding Prettier gave it. */
const cells = (table: string) =>
  table
    .trim()
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim().replace(/^-+$/, '---')));

test("the README's performance table is the one bench/results.json gives, as the bench writes it", () => {
  const root = resolve(__dirname, '../..');
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const { figures } = JSON.parse(readFileSync(resolve(root, 'bench/results.json'), 'utf8')) as {
    figures: Figure[];
  };
  const inReadme = readme.slice(readme.indexOf(TABLE_START) + TABLE_START.length, readme.indexOf(TABLE_END));

  expect(cells(inReadme)).toEqual(cells(readmeTable(figures)));
  expect(cells(inReadme)).toHaveLength(figures.length + 2);
});
