// Check (a): `sf project convert source` offline, then compare the generated package.xml with the
// components the source tree should produce and make sure nothing .forceignore'd leaked in.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { componentKey, inventory, type Component } from './inventory';
import { runProcess } from './process';
import { checkStaticResources, relative, type Project } from './project';
import { CheckFailure } from './step';

// Offline and quiet: no telemetry, no update check, no npm lookups.
const SF_ENV = {
  SF_DISABLE_TELEMETRY: 'true',
  SF_AUTOUPDATE_DISABLE: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  SF_USE_PROGRESS_BAR: 'false',
};

// Whatever .forceignore says, these must never reach an org.
const ALWAYS_LEAKS: { pattern: RegExp; what: string }[] = [
  { pattern: /\.[cm]?tsx?$/, what: 'TypeScript source' },
  { pattern: /(^|\/)__tests__\//, what: 'Jest test folder' },
  { pattern: /\.(test|spec)\.[cm]?[jt]s$/, what: 'test file' },
  { pattern: /(^|\/)jest-mocks\//, what: 'Jest mock' },
  { pattern: /(^|\/)(jsconfig\.json|\.eslintrc(\.\w+)?|tsconfig[\w.-]*\.json)$/, what: 'tooling config' },
];

function parsePackageXml(xml: string): Component[] {
  return [...xml.matchAll(/<types>([\s\S]*?)<\/types>/g)].flatMap(([, block = '']) => {
    const type = /<name>([^<]+)<\/name>/.exec(block)?.[1] ?? '';
    return [...block.matchAll(/<members>([^<]+)<\/members>/g)].map(([, member = '']) => ({ type, member }));
  });
}

function listFiles(directory: string, prefix = ''): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    return entry.isDirectory() ? listFiles(path.join(directory, entry.name), `${rel}/`) : [rel];
  });
}

export async function checkConversion(project: Project): Promise<{ summary: string; findings: string[] }> {
  checkStaticResources(project);
  const expected = inventory(project);
  if (expected.unrecognised.length > 0) {
    throw new CheckFailure(
      `${expected.unrecognised.length} deployable file(s) of an unknown metadata layout`,
      expected.unrecognised,
      'Move the file into its metadata folder, exclude it in .forceignore, or teach scripts/metadata/inventory.ts the new type.',
    );
  }
  const temp = mkdtempSync(path.join(os.tmpdir(), 'verify-metadata-'));
  try {
    const outputDir = path.join(temp, 'mdapi');
    const listed = await convert(project, outputDir);
    const converted = listFiles(outputDir);
    const findings = [...packageProblems(expected.components, listed), ...leaks(project, converted)];
    if (findings.length > 0) {
      throw new CheckFailure(
        `${findings.length} problem(s) in the converted package`,
        findings,
        'Fix .forceignore or the metadata layout so that exactly the source components deploy.',
      );
    }
    const sources = project.packageDirectories.map(relative).join(', ');
    const types = new Set(listed.map((c) => c.type)).size;
    return {
      summary: `${sources}: ${types} types, ${listed.length} components in package.xml, ${converted.length} files, no TypeScript/test files`,
      findings: [],
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Runs `sf project convert source` into `outputDir`; the components its package.xml lists. */
async function convert(project: Project, outputDir: string): Promise<Component[]> {
  const sf = path.join(project.root, 'node_modules', '.bin', 'sf');
  if (!existsSync(sf)) {
    throw new CheckFailure('Salesforce CLI not found at node_modules/.bin/sf', [], 'Run `npm ci`.');
  }
  const sourceDirs = project.packageDirectories.flatMap((dir) => ['--source-dir', dir]);
  const result = await runProcess(
    sf,
    ['project', 'convert', 'source', ...sourceDirs, '--output-dir', outputDir, '--json'],
    { cwd: project.root, env: { ...process.env, ...SF_ENV } },
  );
  if (result.code !== 0) {
    let message = result.stderr.trim() || result.stdout.trim();
    try {
      message = (JSON.parse(result.stdout) as { message?: string }).message ?? message;
    } catch {
      // not JSON: keep the raw output
    }
    throw new CheckFailure(
      `sf project convert source failed (exit ${result.code})`,
      message.split('\n').slice(0, 20),
      'Fix the metadata file named above; the same error would fail a deploy.',
    );
  }
  const packageXml = path.join(outputDir, 'package.xml');
  if (!existsSync(packageXml)) {
    throw new CheckFailure('the conversion wrote no package.xml', [], 'Check the sf output above.');
  }
  return parsePackageXml(readFileSync(packageXml, 'utf8'));
}

/** Components the source should produce but package.xml lacks, and the reverse. */
function packageProblems(expected: Component[], listed: Component[]): string[] {
  const listedKeys = new Set(listed.map(componentKey));
  const expectedKeys = new Set(expected.map(componentKey));
  const findings = [
    ...[...expectedKeys].filter((k) => !listedKeys.has(k)).map((k) => `missing from package.xml: ${k}`),
    ...[...listedKeys].filter((k) => !expectedKeys.has(k)).map((k) => `unexpected in package.xml: ${k}`),
  ];
  const listedTypes = new Set(listed.map((c) => c.type));
  for (const type of new Set(expected.map((c) => c.type))) {
    if (!listedTypes.has(type)) findings.push(`metadata type absent from package.xml: ${type}`);
  }
  return findings;
}

/** Converted files that must never deploy: tests, TypeScript, tooling, or what .forceignore excludes. */
function leaks(project: Project, converted: string[]): string[] {
  const findings: string[] = [];
  for (const file of converted) {
    const leak = ALWAYS_LEAKS.find(({ pattern }) => pattern.test(file));
    if (leak) findings.push(`${leak.what} leaked into the deploy: ${file}`);
    else if (file !== 'package.xml' && project.forceIgnore.ignores(file)) {
      findings.push(`.forceignore'd file leaked into the deploy: ${file}`);
    }
  }
  return findings;
}
