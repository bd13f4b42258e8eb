// The namespaced package build (`SOFTPHONE_NAMESPACE=<ns> npm run build`): a copy of the SFDX project under
// build/<ns>/ whose sfdx-project.json carries the namespace and whose every URL that names one of the
// package's own pages or tabs carries the prefix, as an org serves them (the call centers' adapter URL, the
// postInstallUrl), then `sf project convert source` of that copy into build/<ns>/mdapi, offline. force-app is
// never rewritten: it stays the unpackaged source developers deploy (docs/adr/0009).
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runProcess } from './metadata/process';
import { namespaced } from './namespace';

const root = resolve(__dirname, '..');
export const buildRoot = resolve(root, 'build');

interface ProjectFile {
  packageDirectories: { path: string; postInstallUrl?: string }[];
  namespace?: string;
}

/** A relative URL of a package page (`/apex/X`) or tab (`/lightning/n/X`), as the namespaced org serves it. */
export function namespacedUrl(namespace: string, url: string): string {
  return url.replace(/^(\/apex\/|\/lightning\/n\/)(\w+)(?=$|[?#])/, (_m, path: string, name: string) =>
    name.includes('__') ? `${path}${name}` : `${path}${namespaced(namespace, name)}`,
  );
}

/** The call center file with its adapter URLs (`adapterUrl`, `reqAdapterUrl`) under the namespace. */
export function namespacedCallCenter(namespace: string, xml: string): string {
  return xml
    .replace(
      /(<adapterUrl>)([^<]+)(<\/adapterUrl>)/g,
      (_m, a: string, url: string, b: string) => a + namespacedUrl(namespace, url) + b,
    )
    .replace(
      /(<name>reqAdapterUrl<\/name>\s*<value>)([^<]+)(<\/value>)/g,
      (_m, a: string, url: string, b: string) => a + namespacedUrl(namespace, url) + b,
    );
}

function writeProjectFile(namespace: string, outDir: string): void {
  const project = JSON.parse(readFileSync(resolve(root, 'sfdx-project.json'), 'utf8')) as ProjectFile;
  project.namespace = namespace;
  for (const dir of project.packageDirectories) {
    if (dir.postInstallUrl) dir.postInstallUrl = namespacedUrl(namespace, dir.postInstallUrl);
  }
  writeFileSync(join(outDir, 'sfdx-project.json'), `${JSON.stringify(project, null, 2)}\n`);
}

function rewriteCallCenters(namespace: string, sourceDir: string): void {
  const dir = join(sourceDir, 'main/default/callCenters');
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    writeFileSync(path, namespacedCallCenter(namespace, readFileSync(path, 'utf8')));
  }
}

async function convert(projectDir: string): Promise<void> {
  const sf = resolve(root, 'node_modules/.bin/sf');
  const result = await runProcess(
    sf,
    ['project', 'convert', 'source', '--source-dir', 'force-app', '--output-dir', 'mdapi', '--json'],
    {
      cwd: projectDir,
      env: {
        ...process.env,
        SF_DISABLE_TELEMETRY: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        SF_USE_PROGRESS_BAR: 'false',
      },
    },
  );
  if (result.code !== 0) {
    throw new Error(
      `sf project convert source failed in ${projectDir}: ${(result.stdout || result.stderr).slice(0, 2000)}`,
    );
  }
}

/** Builds build/<namespace>/ (project copy + mdapi conversion); returns its folder. */
export async function buildNamespacedPackage(namespace: string): Promise<string> {
  if (!namespace) throw new Error('The namespaced package build needs a namespace');
  const outDir = join(buildRoot, namespace);
  rmSync(outDir, { recursive: true, force: true });
  cpSync(resolve(root, 'force-app'), join(outDir, 'force-app'), { recursive: true });
  cpSync(resolve(root, '.forceignore'), join(outDir, '.forceignore'));
  writeProjectFile(namespace, outDir);
  rewriteCallCenters(namespace, join(outDir, 'force-app'));
  await convert(outDir);
  return outDir;
}
