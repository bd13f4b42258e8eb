// Check (b): every Apex class and trigger parses and is Prettier-formatted (prettier-plugin-apex,
// native parser with Java fallback; no network).
import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { apexSources, relative, type Project } from './project';
import { CheckFailure } from './step';

const CONCURRENCY = 4;

type Outcome =
  | { file: string; status: 'formatted' | 'unformatted' }
  | { file: string; status: 'unparsable'; detail: string };

async function checkFile(file: string): Promise<Outcome> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  try {
    const formatted = await prettier.check(readFileSync(file, 'utf8'), { ...options, filepath: file });
    return { file, status: formatted ? 'formatted' : 'unformatted' };
  } catch (error) {
    const loc = (error as { loc?: { start?: { line?: number } } }).loc?.start?.line;
    const message = (error instanceof Error ? error.message : String(error)).split(/\r?\n/).join('; ');
    return { file, status: 'unparsable', detail: `${relative(file)}${loc ? `:${loc}` : ''} ${message}` };
  }
}

export async function checkApexFormat(project: Project): Promise<{ summary: string }> {
  const files = apexSources(project);
  const outcomes: Outcome[] = [];
  for (let i = 0; i < files.length; i += CONCURRENCY) {
    outcomes.push(...(await Promise.all(files.slice(i, i + CONCURRENCY).map(checkFile))));
  }

  const unparsable = outcomes.flatMap((o) => (o.status === 'unparsable' ? [o.detail] : []));
  const unformatted = outcomes.filter((o) => o.status === 'unformatted').map((o) => relative(o.file));
  if (unparsable.length > 0) {
    throw new CheckFailure(
      `${unparsable.length} Apex file(s) do not parse`,
      [...unparsable, ...unformatted.map((f) => `not formatted: ${f}`)],
      'Fix the Apex syntax error (the pmd step prints its line and column); the Salesforce compiler would reject it too.',
    );
  }
  if (unformatted.length > 0) {
    throw new CheckFailure(
      `${unformatted.length} Apex file(s) are not Prettier-formatted`,
      unformatted,
      `Run \`npx prettier --write ${unformatted.join(' ')}\`.`,
    );
  }
  const classes = files.filter((f) => f.endsWith('.cls')).length;
  return { summary: `${classes} class(es), ${files.length - classes} trigger(s) parse and are formatted` };
}
