// Check (c): PMD 7 over all Apex with the security, best-practice and performance categories, through
// PmdRunner.java (compiled on first use, cached by content hash; see java.ts). A canary fixture with known defects
// must produce findings in every category, so a broken scanner can never report a clean run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledRunner, jarDirectory, runJava } from './java';
import { apexSources, relative, type Project } from './project';
import { CheckFailure } from './step';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RUNNER_SOURCE = path.join(HERE, 'PmdRunner.java');
export const CANARY = path.join(HERE, 'fixtures', 'BadSoql.cls');

// Ruleset resource → the rule set name PMD reports for its rules.
export const RULESETS: Record<string, string> = {
  'category/apex/security.xml': 'Security',
  'category/apex/bestpractices.xml': 'Best Practices',
  'category/apex/performance.xml': 'Performance',
};

interface Violation {
  file: string;
  line: number;
  rule: string;
  ruleSet: string;
  message: string;
}

interface ScanOutput {
  ruleCounts: Map<string, number>;
  fileCount: number;
  violations: Violation[];
  /** Files PMD could not analyse (usually a syntax error). */
  unanalysed: { file: string; message: string }[];
  /** Rules PMD could not configure: the scanner itself is broken. */
  configErrors: string[];
}

function parse(stdout: string): ScanOutput {
  const out: ScanOutput = {
    ruleCounts: new Map(),
    fileCount: -1,
    violations: [],
    unanalysed: [],
    configErrors: [],
  };
  for (const line of stdout.split('\n')) {
    const [kind, ...fields] = line.split('\t');
    if (kind === 'RULESET') out.ruleCounts.set(fields[0] ?? '', Number(fields[1]));
    else if (kind === 'FILES') out.fileCount = Number(fields[0]);
    else if (kind === 'VIOLATION') {
      const [file = '', lineNo = '0', rule = '', ruleSet = '', message = ''] = fields;
      out.violations.push({ file, line: Number(lineNo), rule, ruleSet, message });
    } else if (kind === 'ERROR') out.unanalysed.push({ file: fields[0] ?? '', message: fields[1] ?? '' });
    else if (kind === 'CONFIG')
      out.configErrors.push(`rule ${fields[0] ?? ''} misconfigured: ${fields[1] ?? ''}`);
  }
  return out;
}

const describe = (v: Violation) => `${relative(v.file)}:${v.line} ${v.rule} ${v.message}`;

// PMD's parse errors carry the whole list of expected tokens; keep the position and the first words.
function describeUnanalysed({ file, message }: { file: string; message: string }): string {
  const syntax = /Syntax error at (\d+):(\d+): (.*?)(?: expecting .*)?$/.exec(message);
  return syntax
    ? `${relative(file)}:${syntax[1]}:${syntax[2]} syntax error: ${(syntax[3] ?? '').trim()}`
    : `${relative(file)} could not be analysed: ${message.slice(0, 200)}`;
}

export async function checkPmd(project: Project): Promise<{ summary: string }> {
  const jars = jarDirectory(project.root, /^pmd-apex-.*\.jar$/, 'PMD');
  const classes = await compiledRunner(project.root, jars, RUNNER_SOURCE, 'pmd-runner');
  const sources = apexSources(project);
  const files = [...sources, CANARY];
  const result = await runJava({ root: project.root, jars, classes }, 'PmdRunner', [
    ...Object.keys(RULESETS).flatMap((r) => ['--ruleset', r]),
    '--',
    ...files,
  ]);
  if (result.code !== 0) {
    throw new CheckFailure(
      `PMD runner exited with ${result.code}`,
      result.stderr.trim().split('\n').slice(0, 20),
    );
  }
  const scan = parse(result.stdout);
  const canary = requireHealthy(scan, files.length);
  requireClean(scan);
  const rules = [...scan.ruleCounts.values()].reduce((sum, n) => sum + n, 0);
  return {
    summary: `${sources.length} Apex file(s), ${rules} rules (security, bestpractices, performance): 0 violations; canary: ${canary.length} findings`,
  };
}

const isCanary = (file: string) => path.resolve(file) === CANARY;

/** The scanner must be demonstrably alive before a clean result means anything; returns the canary's findings. */
function requireHealthy(scan: ScanOutput, fileCount: number): Violation[] {
  const health: string[] = [
    ...scan.configErrors,
    ...scan.unanalysed.filter((e) => isCanary(e.file)).map(describeUnanalysed),
  ];
  for (const ruleset of Object.keys(RULESETS)) {
    if (!((scan.ruleCounts.get(ruleset) ?? 0) > 0)) health.push(`ruleset ${ruleset} loaded no rules`);
  }
  if (scan.fileCount !== fileCount) {
    health.push(`PMD accepted ${scan.fileCount} of ${fileCount} Apex files`);
  }
  const canary = scan.violations.filter((v) => isCanary(v.file));
  for (const ruleSet of Object.values(RULESETS)) {
    if (!canary.some((v) => v.ruleSet === ruleSet)) {
      health.push(`canary ${relative(CANARY)} produced no ${ruleSet} finding`);
    }
  }
  if (!canary.some((v) => v.rule === 'ApexCRUDViolation')) {
    health.push(`canary ${relative(CANARY)} produced no ApexCRUDViolation`);
  }
  if (health.length > 0) {
    throw new CheckFailure(
      'the PMD scanner is not working, so its result cannot be trusted',
      health,
      'Check the PMD jars (npm ci) and scripts/metadata/PmdRunner.java; do not weaken the canary.',
    );
  }
  return canary;
}

/** Fails on any project file PMD could not analyse, then on any violation in project Apex. */
function requireClean(scan: ScanOutput): void {
  const findings = scan.violations.filter((v) => !isCanary(v.file));
  const unanalysed = scan.unanalysed.filter((e) => !isCanary(e.file));
  if (unanalysed.length > 0) {
    throw new CheckFailure(
      `PMD could not analyse ${unanalysed.length} Apex file(s)` +
        (findings.length > 0 ? ` (and found ${findings.length} violation(s) in the rest)` : ''),
      [
        ...unanalysed.map(describeUnanalysed),
        ...findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line).map(describe),
      ],
      'Fix the syntax error at the position shown, then rerun.',
    );
  }
  if (findings.length > 0) {
    throw new CheckFailure(
      `${findings.length} PMD violation(s) in project Apex`,
      findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line).map(describe),
      "Fix each finding (rule docs: https://pmd.github.io/pmd/pmd_rules_apex.html); suppress one only with @SuppressWarnings('PMD.RuleName') and a comment saying why.",
    );
  }
}
