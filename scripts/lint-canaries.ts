// The architecture rules in eslint.config.mjs must refuse what they say they refuse: each canary is code
// that breaks one rule, linted as if it lived where it is forbidden; the run fails if ESLint accepts any.
// The layer order is restated here on purpose (like a contract test): loosening the table in
// eslint.config.mjs fails a canary until this copy and ADR 0006 change with it. One canary per forbidden
// edge, and every allowed edge is linted too, so a rule that refuses too much fails as well.
import { ESLint } from 'eslint';

interface Canary {
  rule: string;
  filePath: string;
  code: string;
}

/** docs/adr/0006-layer-order.md: folder → the folders it may import. */
const ORDER: Record<string, string[]> = {
  protocol: [],
  dialing: [],
  call: ['dialing'],
  bridge: ['protocol'],
  sip: ['call', 'dialing', 'protocol'],
  media: ['call', 'dialing'],
  crm: ['call', 'dialing', 'protocol'],
  view: ['call', 'dialing', 'media'],
  continuity: ['view', 'call', 'sip', 'dialing'],
  session: ['view', 'call', 'protocol', 'media'],
};
const FOLDERS = Object.keys(ORDER);

const CANARIES: Canary[] = [
  {
    rule: 'only src/sip imports sip.js',
    filePath: 'src/crm/canary.ts',
    code: "import { UserAgent } from 'sip.js';\nexport const ua = UserAgent;\n",
  },
  {
    rule: 'only src/sip imports sip.js (root files too)',
    filePath: 'src/canary.ts',
    code: "import { UserAgent } from 'sip.js';\nexport const ua = UserAgent;\n",
  },
  {
    rule: 'only src/bridge touches sforce.opencti (global)',
    filePath: 'src/continuity/canary.ts',
    code: 'sforce.opencti.screenPop({});\n',
  },
  {
    rule: 'only src/bridge touches sforce.opencti (through window)',
    filePath: 'src/crm/canary.ts',
    code: '(window as unknown as { sforce: { opencti: object } }).sforce.opencti.toString();\n',
  },
  {
    rule: 'src/call touches no sforce either',
    filePath: 'src/call/canary.ts',
    code: 'export const api = sforce.opencti;\n',
  },
  {
    rule: 'src/call does no I/O',
    filePath: 'src/call/canary.ts',
    code: "export const item = localStorage.getItem('k');\n",
  },
  {
    rule: 'an exception of the layer rule opens its one edge only',
    filePath: 'src/call/call-machine.ts',
    code: "import type { SipPhone } from '../sip';\nexport type Phone = SipPhone;\n",
  },
  {
    rule: 'src/call does no I/O (no Node modules)',
    filePath: 'src/call/canary.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  },
];

const importOf = (specifier: string) => `import type { X } from '${specifier}';\nexport type Y = X;\n`;

function layerCanaries(): { refused: Canary[]; allowed: Canary[] } {
  const refused: Canary[] = [];
  const allowed: Canary[] = [];
  for (const folder of FOLDERS) {
    const filePath = `src/${folder}/canary.ts`;
    const may = new Set([folder, ...(ORDER[folder] ?? [])]);
    for (const target of FOLDERS) {
      if (target === folder) continue;
      const canary = { filePath, code: importOf(`../${target}`) };
      if (may.has(target)) allowed.push({ rule: `src/${folder} may import src/${target}`, ...canary });
      else refused.push({ rule: `src/${folder} does not import src/${target}`, ...canary });
    }
    refused.push({
      rule: `src/${folder} does not import a root`,
      filePath: `src/${folder}/deep/canary.ts`,
      code: importOf('../../create-softphone'),
    });
  }
  return { refused, allowed };
}

async function main(): Promise<void> {
  const layers = layerCanaries();
  const eslint = new ESLint();
  const restricted = async ({ code, filePath }: Canary) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result?.messages.some((m) => m.severity === 2 && /restricted/.test(m.ruleId ?? '')) ?? false;
  };
  const failures: string[] = [];
  for (const canary of [...CANARIES, ...layers.refused]) {
    if (!(await restricted(canary))) failures.push(`${canary.rule} (${canary.filePath}): ESLint accepted it`);
  }
  for (const canary of layers.allowed) {
    if (await restricted(canary)) failures.push(`${canary.rule} (${canary.filePath}): ESLint refused it`);
  }
  if (failures.length > 0) {
    console.error(`lint canaries: ${failures.length} rule(s) wrong:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  const refused = CANARIES.length + layers.refused.length;
  console.log(
    `lint canaries: ESLint refused all ${refused} forbidden snippets and accepted all ${layers.allowed.length} allowed imports`,
  );
}

void main();
