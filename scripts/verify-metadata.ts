// npm run verify:metadata — offline checks of force-app that a deploy or a security review would
// otherwise catch late: (a) source converts to a Metadata API package with exactly the expected
// components and nothing .forceignore'd, (b) Apex parses and is Prettier-formatted, (c) PMD reports
// zero security/best-practice/performance violations (with a canary proving PMD works), (d) apex-ls
// type-checks the whole project like the Apex compiler: unknown types, methods and fields, wrong
// signatures (with a canary proving it reports them), (e) the packaging rules no compiler checks (the
// post-install script's sharing), (f) no packaged message channel is exposed (ADR 0007), (g) no code assumes
// the namespace it is installed under (ADR 0009).
import { checkApexFormat } from './metadata/apex-format';
import { checkApexLs } from './metadata/apex-ls';
import { checkConversion } from './metadata/convert';
import { checkMessageChannels } from './metadata/message-channels';
import { checkNamespaceLiterals } from './metadata/namespace-literals';
import { checkPackageRules } from './metadata/package-rules';
import { checkPmd } from './metadata/pmd';
import { loadProject } from './metadata/project';
import { CheckFailure, runStep, type StepResult } from './metadata/step';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function print(result: StepResult): void {
  console.log(
    `${result.ok ? 'PASS' : 'FAIL'} ${result.name.padEnd(12)} ${result.summary} (${seconds(result.ms)})`,
  );
  for (const finding of result.findings) console.log(`       ${finding}`);
  if (!result.ok && result.fix) console.log(`       fix: ${result.fix}`);
}

async function main(): Promise<number> {
  const started = performance.now();
  const project = loadProject();
  // Independent checks run side by side: sf, the Apex parser and the JVM are separate processes.
  const results = await Promise.all([
    runStep('convert', () => checkConversion(project)),
    runStep('apex-format', () => checkApexFormat(project)),
    runStep('pmd', () => checkPmd(project)),
    runStep('apex-ls', () => checkApexLs(project)),
    runStep('package', () => checkPackageRules(project)),
    runStep('channels', () => checkMessageChannels(project)),
    runStep('namespace', () => checkNamespaceLiterals()),
  ]);
  results.forEach(print);

  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  const total = seconds(performance.now() - started);
  if (failed.length > 0) {
    console.error(
      `verify:metadata FAILED (${failed.join(', ')}) in ${total}: fix the findings above and rerun.`,
    );
    return 1;
  }
  console.log(`verify:metadata passed: ${results.length} checks in ${total}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CheckFailure) {
      console.error(`verify:metadata FAILED: ${error.message}${error.fix ? `\n  fix: ${error.fix}` : ''}`);
    } else {
      console.error('verify:metadata crashed:', error);
    }
    process.exitCode = 1;
  },
);
