// `npm run bench`: speed and memory figures, each against a baseline measured in the same run.
// Figures are added by the benchmark issue; until then this writes an empty result set.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Figure {
  id: string;
  name: string;
  unit: string;
  value: number;
  baseline: number;
  ratio: number;
  goal: string;
  pass: boolean;
}

const figures: Figure[] = [];
const out = resolve(__dirname, 'results.json');
writeFileSync(out, `${JSON.stringify({ figures }, null, 2)}\n`);
process.stdout.write(`No benchmarks yet; wrote ${figures.length} figures to ${out}\n`);
