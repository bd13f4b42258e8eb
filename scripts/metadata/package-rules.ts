// Check (e): rules Salesforce sets for what a managed package ships, which no compiler or scanner checks.
// The post-install script is declared without sharing and calls no package class declared with sharing:
// Salesforce's packaging guide says such a call can make the install fail. A canary fixture that breaks
// both rules proves the check sees them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apexSources, relative, type Project } from './project';
import { CheckFailure } from './step';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const INSTALL_HANDLER_CANARY = path.join(HERE, 'fixtures', 'install-handler');

/** Apex without comments and string literals, so a name in a comment is no reference. */
const code = (source: string) =>
  source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/'(?:\\.|[^'\\])*'/g, "''");

interface ApexFile {
  file: string;
  name: string;
  sharing: string;
  body: string;
}

function readClass(file: string): ApexFile {
  const body = code(readFileSync(file, 'utf8'));
  const declaration =
    /\b((?:with|without|inherited) sharing\s+)?(?:virtual\s+|abstract\s+)?class\s+(\w+)/i.exec(body);
  return {
    file,
    name: declaration?.[2] ?? path.basename(file, '.cls'),
    sharing: (declaration?.[1] ?? '').trim().toLowerCase(),
    body,
  };
}

/** What is wrong with the post-install script(s) among these classes, one line each. */
export function installHandlerFindings(files: string[]): string[] {
  const classes = files.filter((f) => f.endsWith('.cls')).map(readClass);
  const withSharing = new Set(classes.filter((c) => c.sharing === 'with sharing').map((c) => c.name));
  return classes
    .filter((c) => /\bimplements\s+(?:[\w.]+\s*,\s*)*InstallHandler\b/i.test(c.body))
    .flatMap((handler) => [
      ...(handler.sharing === 'without sharing'
        ? []
        : [`${relative(handler.file)}: the post-install script must be declared without sharing`]),
      ...[...withSharing]
        .filter((name) => name !== handler.name && new RegExp(`\\b${name}\\b`).test(handler.body))
        .map((name) => `${relative(handler.file)}: calls ${name}, a class declared with sharing`),
    ]);
}

export async function checkPackageRules(project: Project): Promise<{ summary: string }> {
  const canary = installHandlerFindings(
    readdirSync(INSTALL_HANDLER_CANARY).map((name) => path.join(INSTALL_HANDLER_CANARY, name)),
  );
  if (canary.length < 2) {
    throw new CheckFailure(
      `the install-handler canary produced ${canary.length} of its 2 findings`,
      canary,
      'The check no longer sees a sharing declaration or a call: fix scripts/metadata/package-rules.ts.',
    );
  }
  const findings = installHandlerFindings(apexSources(project));
  if (findings.length > 0) {
    throw new CheckFailure(
      `${findings.length} package rule(s) broken`,
      findings,
      'Declare the post-install script without sharing and move what it needs into a class without a with-sharing declaration.',
    );
  }
  return {
    summary: `post-install script without sharing and self-contained; canary: ${canary.length} findings`,
  };
}
