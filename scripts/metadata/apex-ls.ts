// Check (d): whole-project semantic analysis of the Apex with apex-ls (apex-dev-tools, formerly
// nawforce/apex-link; its jar ships with the PMD jars): unknown types, methods, fields (also on our
// custom objects and settings), wrong signatures, i.e. the compile errors a deploy would report that
// parsing, formatting and PMD cannot see. ApexLsRunner.java drives apex-ls's Java API
// (Org.newOrg + issues) for two temporary SFDX projects in one JVM: a staged copy of this project and
// a canary built from scripts/metadata/fixtures/apex-ls, whose deliberate errors must be reported.
//
// What fails the step:
// - errors (apex-ls categories Syntax, Error, Missing): the Salesforce compiler rejects these;
// - warnings (Warning): apex-ls has few, and each is a defect: an @AuraEnabled parameter or return type
//   the platform cannot serialise (the LWC call fails at run time), overriding a private method (does
//   not work or GACKs), a reserved identifier, a local variable hiding a field, a method call it cannot
//   resolve. Fix the code; a false positive gets an exact filter below with its reason.
// - not Unused: apex-ls cannot see callers outside Apex (LWC, Visualforce, flows, the install handler
//   hook), and PMD already reports unused locals; those are printed as notes only.
//
// No false positives to filter for the standard names we use: apex-ls 6.0.2 ships the API 65 schema, so
// Task.CallType/CallObject/CallDisposition/CallDurationInSeconds and getInstance/getOrgDefaults/getValues
// on hierarchy custom settings resolve (the canary uses them with no `// expect`, so a regression shows
// up as "unexpected"). apex-ls does not check SOQL (field lists, FROM CallCenter) or field initialisers;
// apex-format and pmd report syntax errors there. The one filter is StagedProject.acceptedField.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledRunner, jarDirectory, runJava } from './java';
import { apexSources, relative, type Project } from './project';
import { CheckFailure } from './step';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RUNNER_SOURCE = path.join(HERE, 'ApexLsRunner.java');
/** The canary's package-directory content (classes/, objects/), staged into its own SFDX project. */
const CANARY_DIR = path.join(HERE, 'fixtures', 'apex-ls');
const CANARY_CLASS = path.join(CANARY_DIR, 'classes', 'SemanticCanary.cls');

// C1 only: the analysis is a few seconds of fresh JVM, where C2 compilation costs more than it saves
// (measured: half the CPU time, ~1.8 s instead of ~2.7 s for both projects).
const JVM_ARGS = ['-XX:TieredStopAtLevel=1'];

const UNKNOWN_FIELD = /^Unknown field '([^']+)' on SObject 'Schema\.([^']+)'$/;

interface Issue {
  workspace: number;
  /** The original file (project or fixture), absolute. */
  file: string;
  line: number;
  column: number;
  /** apex-ls's category: Syntax, Error, Missing (the errors), Warning or Unused. */
  category: string;
  isError: boolean;
  message: string;
}

interface Analysis {
  done: Set<number>;
  /** Apex type name → original file, per workspace. */
  types: Map<number, Map<string, string>>;
  issues: Issue[];
}

/**
 * A temporary SFDX project for apex-ls, mapping its paths back to the originals.
 *
 * Standard-object folders (objects/Task, objects/Activity, objects/Contact...: no `__` suffix) are left
 * out. apex-ls's known blind spot: once a project adds a custom field to a standard object it stops
 * checking field references on that object altogether (measured with apex-ls 6.0.2: with
 * objects/Activity/fields present, `task.CallDispositon` and `task.Anything__c` pass; without it, both are
 * reported). Our call log is all Task fields, so we stage without those folders and accept exactly the
 * custom fields they define (see `acceptedFields`); Activity fields belong to Task and Event. Only
 * their custom fields matter to Apex; the price is that apex-ls no longer checks the types of those few
 * field references.
 */
class StagedProject {
  readonly dir: string;
  /** `object.field` in lower case (Apex is case-insensitive) for the left-out standard-object fields. */
  readonly acceptedFields = new Set<string>();
  private readonly originals = new Map<string, string>();

  constructor(dir: string, sfdxProjectJson: string, files: { source: string; target: string }[]) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'sfdx-project.json'), sfdxProjectJson);
    for (const { source, target } of files) {
      const segments = target.split('/');
      const objects = segments.lastIndexOf('objects');
      const object = objects === -1 ? undefined : segments[objects + 1];
      if (object !== undefined && objects + 2 < segments.length && !object.includes('__')) {
        const field = /^(.+)\.field-meta\.xml$/.exec(segments.at(-1) ?? '')?.[1];
        if (segments[objects + 2] === 'fields' && field !== undefined) {
          for (const sobject of object === 'Activity' ? ['Task', 'Event'] : [object]) {
            this.acceptedFields.add(`${sobject}.${field}`.toLowerCase());
          }
        }
        continue;
      }
      const staged = path.join(dir, ...segments);
      mkdirSync(path.dirname(staged), { recursive: true });
      cpSync(source, staged);
      this.originals.set(staged, source);
    }
  }

  original(stagedPath: string): string {
    return this.originals.get(stagedPath) ?? stagedPath;
  }

  /** Replaces staged paths inside a message ("see /tmp/.../X.cls: line 4") with project-relative ones. */
  rewrite(message: string): string {
    if (!message.includes(this.dir)) return message;
    let rewritten = message;
    for (const [staged, original] of this.originals)
      rewritten = rewritten.split(staged).join(relative(original));
    return rewritten;
  }

  /**
   * The one filter: "Unknown field 'F' on SObject 'Schema.O'" where F is a custom field this project
   * defines on standard object O (left out of the staged copy, see above). Any other unknown field,
   * including a misspelt custom one, is still reported.
   */
  acceptedField(issue: Issue): string | undefined {
    const [, field, sobject] = UNKNOWN_FIELD.exec(issue.message) ?? [];
    const name = `${sobject}.${field}`;
    return field && sobject && this.acceptedFields.has(name.toLowerCase()) ? name : undefined;
  }
}

function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function parse(stdout: string, staged: StagedProject[]): Analysis {
  const analysis: Analysis = { done: new Set(), types: new Map(), issues: [] };
  for (const line of stdout.split('\n')) {
    const [kind, index = '-1', ...fields] = line.split('\t');
    const workspace = Number(index);
    const project = staged[workspace];
    if (project === undefined) continue;
    if (kind === 'DONE') analysis.done.add(workspace);
    else if (kind === 'TYPE') {
      const [name = '', file = ''] = fields;
      const types = analysis.types.get(workspace) ?? new Map<string, string>();
      types.set(name, project.original(file));
      analysis.types.set(workspace, types);
    } else if (kind === 'ISSUE') {
      const [file = '', lineNo = '0', column = '0', , , category = '', isError = '', message = ''] = fields;
      analysis.issues.push({
        workspace,
        file: project.original(file),
        line: Number(lineNo),
        column: Number(column),
        category,
        isError: isError === 'true',
        // Syntax errors carry the parser's whole list of expected tokens; the position says enough.
        message: project.rewrite(category === 'Syntax' ? message.replace(/ expecting \{.*\}$/, '') : message),
      });
    }
  }
  return analysis;
}

const describe = (issue: Issue) =>
  `${relative(issue.file)}:${issue.line} ${issue.category}: ${issue.message}`;
const byPosition = (a: Issue, b: Issue) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

/**
 * The canary states what apex-ls must find, line by line: `// expect <Category>: <message text>` and
 * `// expect accepted` (an unknown-field issue that the standard-object field filter must remove).
 * Returns what is wrong with the canary's result; empty when the checker works.
 */
function checkCanary(issues: Issue[], accepted: Issue[]): string[] {
  const problems: string[] = [];
  const lines = readFileSync(CANARY_CLASS, 'utf8').split(/\r?\n/);
  const where = (line: number) => `${relative(CANARY_CLASS)}:${line}`;
  const seen = new Set<Issue>();
  lines.forEach((text, i) => {
    const line = i + 1;
    const expect = /\/\/ expect (accepted|(\w+): (.+))$/.exec(text);
    if (!expect) return;
    if (expect[1] === 'accepted') {
      const hit = accepted.find((issue) => issue.file === CANARY_CLASS && issue.line === line);
      if (hit) seen.add(hit);
      else
        problems.push(`${where(line)} no unknown-field issue was reported here and accepted by the filter`);
      return;
    }
    const [, , category = '', message = ''] = expect;
    const hit = issues.find(
      (issue) =>
        issue.file === CANARY_CLASS &&
        issue.line === line &&
        issue.category === category &&
        issue.message.includes(message),
    );
    if (hit) seen.add(hit);
    else problems.push(`${where(line)} expected ${category}: ${message}`);
  });
  // Unused findings are notes, not part of the contract.
  for (const issue of [...issues, ...accepted]) {
    if (!seen.has(issue) && issue.category !== 'Unused') problems.push(`unexpected: ${describe(issue)}`);
  }
  return problems;
}

export async function checkApexLs(project: Project): Promise<{ summary: string; findings: string[] }> {
  const jars = jarDirectory(project.root, /^apex-ls_.*\.jar$/, 'apex-ls');
  const classes = await compiledRunner(project.root, jars, RUNNER_SOURCE, 'apex-ls-runner');

  const temp = mkdtempSync(path.join(os.tmpdir(), 'verify-metadata-apex-ls-'));
  try {
    const staged = stageProjects(project, temp);
    const result = await runJava(
      { root: project.root, jars, classes, jvmArgs: JVM_ARGS },
      'ApexLsRunner',
      staged.map((s) => s.dir),
    );
    if (result.code !== 0) {
      throw new CheckFailure(
        `apex-ls runner exited with ${result.code}`,
        result.stderr.trim().split('\n').slice(0, 20),
      );
    }
    const analysis = parse(result.stdout, [...staged]);
    const [real, canary] = staged;
    const inWorkspace = (n: number) => analysis.issues.filter((issue) => issue.workspace === n);
    const projectIssues = split(inWorkspace(0), real);
    const canaryIssues = split(inWorkspace(1), canary);
    const classFiles = apexSources(project).filter((file) => file.endsWith('.cls'));
    requireHealthy(analysis, classFiles, projectIssues, canaryIssues);
    return report(classFiles, projectIssues, real, canaryIssues.kept.length + canaryIssues.accepted.length);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** This project and the canary, each staged as its own SFDX project under `temp`. */
function stageProjects(project: Project, temp: string): readonly [StagedProject, StagedProject] {
  const projectJson = readFileSync(path.join(project.root, 'sfdx-project.json'), 'utf8');
  const apiVersion = (JSON.parse(projectJson) as { sourceApiVersion?: string }).sourceApiVersion ?? '62.0';
  return [
    new StagedProject(
      path.join(temp, 'project'),
      projectJson,
      project.deployableFiles.map((file) => ({ source: file, target: relative(file) })),
    ),
    new StagedProject(
      path.join(temp, 'canary'),
      `${JSON.stringify({
        packageDirectories: [{ path: 'force-app', default: true }],
        namespace: '',
        sourceApiVersion: apiVersion,
      })}\n`,
      walk(CANARY_DIR).map((file) => ({
        source: file,
        target: `force-app/main/default/${path.relative(CANARY_DIR, file).split(path.sep).join('/')}`,
      })),
    ),
  ] as const;
}

interface SplitIssues {
  kept: Issue[];
  /** References to our own fields on standard objects, which apex-ls cannot know (see acceptedField). */
  accepted: Issue[];
}

const split = (issues: Issue[], s: StagedProject): SplitIssues => ({
  kept: issues.filter((issue) => s.acceptedField(issue) === undefined),
  accepted: issues.filter((issue) => s.acceptedField(issue) !== undefined),
});

/**
 * The checker must be demonstrably alive before a clean result means anything: both projects analysed,
 * every project class loaded (or reported as broken), the canary's errors all found.
 */
function requireHealthy(
  analysis: Analysis,
  classFiles: string[],
  projectIssues: SplitIssues,
  canaryIssues: SplitIssues,
): void {
  const health: string[] = [];
  for (const n of [0, 1]) if (!analysis.done.has(n)) health.push(`apex-ls did not finish workspace ${n}`);
  const loaded = new Set(analysis.types.get(0)?.values() ?? []);
  const withErrors = new Set(projectIssues.kept.filter((i) => i.isError).map((i) => i.file));
  for (const file of classFiles) {
    if (!loaded.has(file) && !withErrors.has(file)) health.push(`apex-ls did not load ${relative(file)}`);
  }
  health.push(...checkCanary(canaryIssues.kept, canaryIssues.accepted));
  if (health.length > 0) {
    throw new CheckFailure(
      'the apex-ls checker is not working, so its result cannot be trusted',
      health,
      'Check the apex-ls jar (npm ci), scripts/metadata/ApexLsRunner.java and apex-ls.ts; keep the canary and its `// expect` markers in step.',
    );
  }
}

/** Fails on any error or warning in project Apex; otherwise the summary, with unused findings as notes. */
function report(
  classFiles: string[],
  projectIssues: SplitIssues,
  real: StagedProject,
  canaryCount: number,
): { summary: string; findings: string[] } {
  const failing = projectIssues.kept.filter((i) => i.isError || i.category === 'Warning').sort(byPosition);
  const unused = projectIssues.kept.filter((i) => !i.isError && i.category !== 'Warning').sort(byPosition);
  const notes = unused.map((issue) => `note (not a failure): ${describe(issue)}`);
  if (failing.length > 0) {
    const errors = failing.filter((i) => i.isError).length;
    throw new CheckFailure(
      `apex-ls found ${errors} error(s) and ${failing.length - errors} warning(s) in project Apex`,
      [...failing.map(describe), ...notes],
      'Fix each one: the Salesforce compiler rejects the errors, and each apex-ls warning is a defect (see the header of scripts/metadata/apex-ls.ts).',
    );
  }
  const acceptedNames = [...new Set(projectIssues.accepted.map((i) => real.acceptedField(i)))];
  return {
    summary:
      `${classFiles.length} Apex class(es) type-checked: 0 errors, 0 warnings` +
      (unused.length > 0 ? `, ${unused.length} unused note(s)` : '') +
      (projectIssues.accepted.length > 0
        ? `; ${projectIssues.accepted.length} reference(s) to our standard-object fields accepted (${acceptedNames.join(', ')})`
        : '') +
      `; canary: ${canaryCount} findings`,
    findings: notes,
  };
}
