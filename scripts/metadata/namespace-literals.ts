// Check (g): no code assumes the namespace it is installed under (docs/adr/0009). The namespace is one build
// input (scripts/namespace.ts); code names the package's own things the way the platform resolves them in
// ANY namespace: LWC imports without a prefix (`@salesforce/label/c.X`, `@salesforce/apex/Class.method`,
// `@salesforce/resourceUrl/x`, `@salesforce/messageChannel/X__c`), Apex and Visualforce without one, and
// what must carry the prefix gets it at build time (the call centers' adapter URL, postInstallUrl) or at run
// time (Apex reads its namespace from its own class name). A finding is code that spells, for one of the
// package's own labels, static resources, custom objects or fields, message channels, Apex classes, pages or
// tabs (read from force-app):
//   1. a namespace prefix: `c__Name`, `osph__Name`, any `<prefix>__Name`;
//   2. a dotted namespace: `c.Label` or `ns.Class` outside the `@salesforce/label/c.` import syntax;
//   3. a Visualforce URL `/apex/Page` (the org's is `/apex/ns__Page`: build it, or use `Page.X` in Apex);
// and, for any name:
//   4. the word `osph`, the namespace the tests build with, which no code may know;
//   5. a string literal passed as the namespace (`getVisualforceHostname('c')`, `namespaced('c', …)`,
//      `evaluateInSandbox('c', …)`, …).
// Scanned: force-app's code (Apex, Visualforce, LWC), src/ and workbench/ (the emulated org takes the namespace
// from the same input). Metadata XML is not code: force-app's call centers keep the unpackaged adapter URL,
// which scripts/package-build.ts prefixes. Canaries, one per rule, must each produce exactly one finding.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { relative, ROOT } from './project';
import { CheckFailure } from './step';

const FORCE_APP = path.join(ROOT, 'force-app', 'main', 'default');
const CODE = /\.(cls|trigger|page|component|js|html|ts)$/;
const SKIP = /(^|\/)(node_modules|\.build|jest-mocks)\//;

function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const namesIn = (folder: string, pattern: RegExp): string[] =>
  walk(path.join(FORCE_APP, folder)).flatMap((file) => {
    const name = pattern.exec(path.basename(file))?.[1];
    return name ? [name] : [];
  });

/** The package's own named things, as force-app declares them. */
export function packageNames(): { prefixed: string[]; labels: string[]; classes: string[]; pages: string[] } {
  const labels = [
    ...readFileSync(path.join(FORCE_APP, 'labels', 'CustomLabels.labels-meta.xml'), 'utf8').matchAll(
      /<fullName>(\w+)<\/fullName>/g,
    ),
  ].map((m) => m[1] ?? '');
  const classes = namesIn('classes', /^(\w+)\.cls$/);
  const pages = namesIn('pages', /^(\w+)\.page$/);
  const prefixed = [
    ...namesIn('objects', /^(\w+__c)(?:\.object|\.field)-meta\.xml$/),
    ...namesIn('staticresources', /^(\w+)\.resource-meta\.xml$/),
    ...namesIn('messageChannels', /^(\w+)\.messageChannel-meta\.xml$/),
    ...namesIn('tabs', /^(\w+)\.tab-meta\.xml$/),
    ...namesIn('customPermissions', /^(\w+)\.customPermission-meta\.xml$/),
    ...pages,
  ];
  return { prefixed: [...new Set(prefixed)], labels, classes, pages };
}

type Names = ReturnType<typeof packageNames>;
const alternation = (names: string[]) => names.map((n) => n.replace(/\W/g, '')).join('|');

/** The rules, each a pattern over one line; `{0}` numbered as in the header. */
function rules(names: Names): { rule: string; pattern: RegExp }[] {
  return [
    {
      rule: '1 namespace prefix',
      pattern: new RegExp(`\\b[A-Za-z][A-Za-z0-9]*__(${alternation(names.prefixed)})\\b`),
    },
    // A label is `c.Label` only in an import; a class is never written `ns.Class` (a property `x.y.Class` is no
    // namespace, hence the look-behind).
    { rule: '2 dotted namespace', pattern: new RegExp(`(?<![\\w.$/])c\\.(${alternation(names.labels)})\\b`) },
    {
      rule: '2 dotted namespace',
      pattern: new RegExp(`(?<![\\w.$/])[a-z][A-Za-z0-9]*\\.(${alternation(names.classes)})\\b`),
    },
    { rule: '3 Visualforce URL', pattern: new RegExp(`/apex/(${alternation(names.pages)})\\b`) },
    { rule: '4 the test namespace', pattern: /\bosph\b/i },
    {
      rule: '5 literal namespace',
      pattern:
        /\b(getVisualforceHostname|namespaced|orgName|apexPath|lwcNamespace|visualforceHost|evaluateInSandbox)\(\s*['"`]|\bworkbenchOrigins\([^,()]*,\s*['"`]/,
    },
  ];
}

/** The one import syntax a label may be named with: the platform resolves `c.` to the package's namespace. */
const withoutLabelImports = (line: string) =>
  line.replace(/@salesforce\/label\/c\.\w+/g, '@salesforce/label/');

/** A line that is only a comment: documentation may show a name under a placeholder namespace. */
const isComment = (line: string) => /^\s*(\/\/|\/\*|\*|<!--)/.test(line);

/** Every finding in one file's text, `file:line rule: text`. */
export function namespaceFindings(file: string, text: string, names: Names): string[] {
  const checks = rules(names);
  return text.split('\n').flatMap((raw, index) => {
    if (isComment(raw)) return [];
    const line = withoutLabelImports(raw);
    return checks
      .filter(({ pattern }) => pattern.test(line))
      .map(({ rule }) => `${file}:${index + 1} rule ${rule}: ${raw.trim().slice(0, 120)}`);
  });
}

/** One canary per rule: code that breaks it, which must give exactly one finding; a clean line gives none. */
export const CANARIES: { rule: string; code: string }[] = [
  { rule: '1', code: "const channel = 'c__Softphone__c';" },
  { rule: '2', code: 'String origin = osph2.SoftphoneOrigins.visualforceOrigin();' },
  { rule: '3', code: "const url = '/apex/SoftphoneBridge';" },
  { rule: '4', code: "if (namespace === 'osph') return;" },
  { rule: '5', code: "String host = DomainCreator.getVisualforceHostname('c');" },
  {
    rule: 'none',
    code: "import CALL from '@salesforce/label/c.Softphone_Error_Core_Load'; // resolved in the package's namespace",
  },
];

function scannedFiles(): string[] {
  return [path.join(ROOT, 'force-app'), path.join(ROOT, 'src'), path.join(ROOT, 'workbench')]
    .flatMap(walk)
    .filter((file) => CODE.test(file) && !SKIP.test(relative(file)));
}

function checkCanaries(names: Names): void {
  const wrong = CANARIES.flatMap(({ rule, code }) => {
    const found = namespaceFindings(`canary ${rule}`, code, names);
    const ok =
      rule === 'none' ? found.length === 0 : found.length === 1 && found[0]?.includes(`rule ${rule} `);
    return ok ? [] : [`canary ${rule} gave ${found.length} finding(s): ${found.join('; ') || code}`];
  });
  if (wrong.length > 0) {
    throw new CheckFailure(
      'the namespace-literal canaries were not each caught by their own rule',
      wrong,
      'The check no longer refuses what scripts/metadata/namespace-literals.ts says: fix its rules.',
    );
  }
}

export async function checkNamespaceLiterals(): Promise<{ summary: string }> {
  const names = packageNames();
  checkCanaries(names);
  const files = scannedFiles();
  const findings = files.flatMap((file) =>
    namespaceFindings(relative(file), readFileSync(file, 'utf8'), names),
  );
  if (findings.length > 0) {
    throw new CheckFailure(
      `${findings.length} namespace assumption(s) in code`,
      findings,
      'Name the package’s own things without a prefix, or take the namespace from SOFTPHONE_NAMESPACE (scripts/namespace.ts) or, in Apex, from a class name (docs/adr/0009).',
    );
  }
  return {
    summary: `${files.length} files, ${names.prefixed.length + names.labels.length + names.classes.length} package names: no namespace assumed; canaries: ${CANARIES.length - 1} refused, 1 accepted`,
  };
}
