// The JVM side of verify:metadata: the jars shipped in @salesforce/code-analyzer-pmd-engine (PMD 7 and
// apex-ls; nothing is downloaded) and small Java runners compiled against them on first use, cached in
// node_modules/.cache/verify-metadata by content hash.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runProcess, type ProcessResult } from './process';
import { CheckFailure } from './step';

export const missingTool = (tool: string) =>
  new CheckFailure(
    `${tool} not found`,
    [],
    'Install a JDK 17 (Debian: `apt-get install openjdk-17-jdk-headless`) so that java and javac are on PATH.',
  );

/** The java-lib directory, after checking that it holds a jar matching `required` (e.g. /^pmd-apex-.*\.jar$/). */
export function jarDirectory(root: string, required: RegExp, what: string): string {
  const dir = path.join(root, 'node_modules', '@salesforce', 'code-analyzer-pmd-engine', 'dist', 'java-lib');
  if (!existsSync(dir) || !readdirSync(dir).some((jar) => required.test(jar))) {
    throw new CheckFailure(
      `${what} jars not found in node_modules/@salesforce/code-analyzer-pmd-engine/dist/java-lib`,
      [],
      'Run `npm ci` (the jars ship inside that npm package; nothing is downloaded).',
    );
  }
  return dir;
}

/**
 * Compiles one runner source (class name = file name) once per (source, jar set) into
 * node_modules/.cache/verify-metadata/<cacheName>-<hash> and returns that class directory.
 */
export async function compiledRunner(
  root: string,
  jars: string,
  source: string,
  cacheName: string,
): Promise<string> {
  const className = path.basename(source, '.java');
  const hash = createHash('sha256')
    .update(readFileSync(source))
    .update(readdirSync(jars).sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
  const target = path.join(root, 'node_modules', '.cache', 'verify-metadata', `${cacheName}-${hash}`);
  if (existsSync(path.join(target, `${className}.class`))) return target;

  const staging = `${target}.tmp-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  try {
    const result = await runProcess('javac', [
      '-nowarn',
      '-d',
      staging,
      '-cp',
      path.join(jars, '*'),
      source,
    ]).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? missingTool('javac') : error;
    });
    if (result.code !== 0) {
      throw new CheckFailure(
        `javac could not compile ${path.relative(root, source).split(path.sep).join('/')}`,
        result.stderr.trim().split('\n'),
      );
    }
    try {
      renameSync(staging, target);
    } catch (error) {
      // A parallel run won the race; its copy is identical.
      if (!existsSync(path.join(target, `${className}.class`))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

/** Runs a compiled runner's main class with the jars on the class path. */
export function runJava(
  options: { root: string; jars: string; classes: string; jvmArgs?: string[] },
  mainClass: string,
  args: string[],
): Promise<ProcessResult> {
  const { root, jars, classes, jvmArgs = [] } = options;
  const classPath = [classes, path.join(jars, '*')].join(path.delimiter);
  return runProcess('java', [...jvmArgs, '-cp', classPath, mainClass, ...args], { cwd: root }).catch(
    (error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? missingTool('java') : error;
    },
  );
}
