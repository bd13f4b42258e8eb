// The SFDX project as verify:metadata sees it: package directories, .forceignore and the files that deploy.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ForceIgnore } from './forceignore';
import { CheckFailure } from './step';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Project-relative POSIX path, for messages and .forceignore matching. */
export const relative = (absolutePath: string): string =>
  path.relative(ROOT, absolutePath).split(path.sep).join('/');

export interface Project {
  root: string;
  packageDirectories: string[];
  forceIgnore: ForceIgnore;
  /** Every file under the package directories that .forceignore does not exclude (absolute paths). */
  deployableFiles: string[];
}

function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

export function loadProject(): Project {
  const projectFile = path.join(ROOT, 'sfdx-project.json');
  const project = JSON.parse(readFileSync(projectFile, 'utf8')) as {
    packageDirectories?: { path: string }[];
  };
  const packageDirectories = (project.packageDirectories ?? []).map((p) => path.join(ROOT, p.path));
  if (packageDirectories.length === 0) {
    throw new CheckFailure('sfdx-project.json lists no packageDirectories', [], 'Add {"path": "force-app"}.');
  }
  const forceIgnorePath = path.join(ROOT, '.forceignore');
  const forceIgnore = new ForceIgnore(
    existsSync(forceIgnorePath) ? readFileSync(forceIgnorePath, 'utf8') : '',
  );
  const deployableFiles = packageDirectories
    .filter((directory) => existsSync(directory))
    .flatMap(walk)
    .filter((file) => !forceIgnore.ignores(relative(file)))
    .sort();
  return { root: ROOT, packageDirectories, forceIgnore, deployableFiles };
}

/** Apex classes and triggers that deploy (their -meta.xml companions excluded). */
export const apexSources = (project: Project): string[] =>
  project.deployableFiles.filter((file) => /\.(cls|trigger)$/.test(file));

// Built static resources are gitignored; name the file the build must produce from its content type.
const EXTENSION_BY_CONTENT_TYPE: Record<string, string> = {
  'application/javascript': '.js',
  'text/javascript': '.js',
  'text/css': '.css',
  'application/json': '.json',
};

/**
 * Every StaticResource needs its content next to the -meta.xml. softphoneCore.js is produced by
 * `npm run build`, so a missing file usually means the build has not run.
 */
export function checkStaticResources(project: Project): { summary: string } {
  const metas = project.deployableFiles.filter((file) => file.endsWith('.resource-meta.xml'));
  const missing: string[] = [];
  for (const meta of metas) {
    const base = meta.slice(0, -'.resource-meta.xml'.length);
    const directory = path.dirname(meta);
    const name = path.basename(base);
    const hasContent = readdirSync(directory).some((entry) => {
      const full = path.join(directory, entry);
      if (full === meta || project.forceIgnore.ignores(relative(full))) return false;
      return entry === name ? statSync(full).isDirectory() : path.parse(entry).name === name;
    });
    if (!hasContent) {
      const contentType = /<contentType>([^<]+)<\/contentType>/.exec(readFileSync(meta, 'utf8'))?.[1] ?? '';
      missing.push(
        `${relative(base)}${EXTENSION_BY_CONTENT_TYPE[contentType] ?? '.*'} (for ${relative(meta)})`,
      );
    }
  }
  if (missing.length > 0) {
    throw new CheckFailure(
      `${missing.length} static resource file(s) missing`,
      missing,
      'Run `npm run build` first: it bundles src/ into the static resources (npm test runs it before this check).',
    );
  }
  return { summary: `${metas.length} static resource(s) have their content` };
}
