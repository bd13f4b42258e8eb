// Check (e): rules Salesforce sets for what a package ships, which neither the offline conversion nor a
// scanner checks. The post-install script is declared without sharing and calls no package class declared
// with sharing (Salesforce's packaging guide: such a call can make the install fail), and text fields stay
// within their documented lengths (a deploy refuses a longer value). Canary fixtures prove both checks.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apexSources, relative, type Project } from './project';
import { CheckFailure } from './step';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const INSTALL_HANDLER_CANARY = path.join(HERE, 'fixtures', 'install-handler');
export const LENGTH_CANARY = path.join(HERE, 'fixtures', 'lengths');

const canaryFiles = (folder: string) => readdirSync(folder).map((name) => path.join(folder, name));

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

/** Documented maximum lengths: metadata file suffix → element → characters. */
const MAX_LENGTHS: Record<string, Record<string, number>> = {
  '.cspTrustedSite-meta.xml': { description: 255 },
  '.field-meta.xml': { label: 40, inlineHelpText: 510 },
  '.labels-meta.xml': { value: 1000 },
};

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => XML_ENTITIES[e] ?? '');

/** Every element longer than Salesforce allows in these metadata files, one line each. */
export function lengthFindings(files: string[]): string[] {
  return files.flatMap((file) => {
    const limits = Object.entries(MAX_LENGTHS).find(([suffix]) => file.endsWith(suffix))?.[1];
    if (!limits) return [];
    const xml = readFileSync(file, 'utf8');
    return Object.entries(limits).flatMap(([element, max]) =>
      [...xml.matchAll(new RegExp(`<${element}>([\\s\\S]*?)</${element}>`, 'g'))]
        .map((m) => unescapeXml(m[1] ?? '').length)
        .filter((length) => length > max)
        .map(
          (length) => `${relative(file)}: <${element}> has ${length} characters, Salesforce allows ${max}`,
        ),
    );
  });
}

export async function checkPackageRules(project: Project): Promise<{ summary: string }> {
  const canary = installHandlerFindings(canaryFiles(INSTALL_HANDLER_CANARY));
  if (canary.length < 2) {
    throw new CheckFailure(
      `the install-handler canary produced ${canary.length} of its 2 findings`,
      canary,
      'The check no longer sees a sharing declaration or a call: fix scripts/metadata/package-rules.ts.',
    );
  }
  const lengthCanary = lengthFindings(canaryFiles(LENGTH_CANARY));
  if (lengthCanary.length === 0) {
    throw new CheckFailure(
      'the length canary produced no finding',
      [],
      'The length check no longer reads the elements: fix scripts/metadata/package-rules.ts.',
    );
  }
  const findings = [
    ...installHandlerFindings(apexSources(project)),
    ...lengthFindings(project.deployableFiles),
  ];
  if (findings.length > 0) {
    throw new CheckFailure(
      `${findings.length} package rule(s) broken`,
      findings,
      'Shorten the text to its documented length; declare the post-install script without sharing and move what it needs into a class without a with-sharing declaration.',
    );
  }
  return {
    summary: `post-install script without sharing and self-contained, text within documented lengths; canaries: ${canary.length + lengthCanary.length} findings`,
  };
}
