// The architecture rules in eslint.config.mjs must refuse what they say they refuse: each canary is code
// that breaks one rule, linted as if it lived where it is forbidden; the run fails if ESLint accepts any.
import { ESLint } from 'eslint';

const CANARIES: { rule: string; filePath: string; code: string }[] = [
  {
    rule: 'only src/sip imports sip.js',
    filePath: 'src/crm/canary.ts',
    code: "import { UserAgent } from 'sip.js';\nexport const ua = UserAgent;\n",
  },
  {
    rule: 'only src/bridge touches sforce.opencti (global)',
    filePath: 'src/ui/canary.ts',
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
    rule: 'src/call does not import the SIP adapter',
    filePath: 'src/call/canary.ts',
    code: "import { SipPhone } from '../sip';\nexport const phone = SipPhone;\n",
  },
];

async function main(): Promise<void> {
  const eslint = new ESLint();
  const accepted: string[] = [];
  for (const canary of CANARIES) {
    const [result] = await eslint.lintText(canary.code, { filePath: canary.filePath });
    const refused = result?.messages.some((m) => m.severity === 2 && /restricted/.test(m.ruleId ?? ''));
    if (!refused) accepted.push(`${canary.rule} (${canary.filePath}): ESLint accepted it`);
  }
  if (accepted.length > 0) {
    console.error(`lint canaries: ${accepted.length} rule(s) not enforced:\n  ${accepted.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`lint canaries: ESLint refused all ${CANARIES.length} forbidden snippets`);
}

void main();
