// Check (f): no packaged Lightning message channel is exposed. The Metadata API guide (LightningMessageChannel):
// "To pass the AppExchange Security Review, you must set the isExposed field to false", and once shipped exposed
// it can never be unexposed (ADR 0007). isExposed defaults to false, so only an explicit true is refused; a
// channel whose isExposed is neither true nor false is refused too, since the platform would not read it.
// A canary folder holds one channel that must be refused and one that must pass.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { relative, type Project } from './project';
import { CheckFailure } from './step';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CHANNEL_CANARY = path.join(HERE, 'fixtures', 'message-channels');
const SUFFIX = '.messageChannel-meta.xml';

/** XML comments removed, so a commented-out element is not read. */
const withoutComments = (xml: string) => xml.replace(/<!--[\s\S]*?-->/g, ' ');

/** Each message channel among these files that is, or may be, exposed to other namespaces; one line each. */
export function exposedChannelFindings(files: string[]): string[] {
  return files
    .filter((file) => file.endsWith(SUFFIX))
    .flatMap((file) => {
      const values = [
        ...withoutComments(readFileSync(file, 'utf8')).matchAll(/<isExposed>([^<]*)<\/isExposed>/g),
      ].map((match) => (match[1] ?? '').trim().toLowerCase());
      const channel = path.basename(file, SUFFIX);
      if (values.length > 1)
        return [`${relative(file)}: ${channel} declares isExposed ${values.length} times`];
      const value = values[0] ?? 'false';
      if (value === 'false') return [];
      return [
        value === 'true'
          ? `${relative(file)}: ${channel} has isExposed true; a packaged channel must not be exposed`
          : `${relative(file)}: ${channel} has isExposed "${value}", neither true nor false`,
      ];
    });
}

export async function checkMessageChannels(project: Project): Promise<{ summary: string }> {
  const canaryFiles = readdirSync(CHANNEL_CANARY).map((name) => path.join(CHANNEL_CANARY, name));
  const canary = exposedChannelFindings(canaryFiles);
  if (canary.length !== 1 || !canary[0]?.includes('Exposed_Canary__c')) {
    throw new CheckFailure(
      `the message-channel canary produced ${canary.length} finding(s), not the exposed canary's one`,
      canary,
      'The check no longer tells an exposed channel from an unexposed one: fix scripts/metadata/message-channels.ts.',
    );
  }
  const channels = project.deployableFiles.filter((file) => file.endsWith(SUFFIX));
  const findings = exposedChannelFindings(channels);
  if (findings.length > 0) {
    throw new CheckFailure(
      `${findings.length} exposed message channel(s)`,
      findings,
      'Set <isExposed>false</isExposed>: Visualforce reaches the utility by postMessage instead (docs/adr/0007-bridge-utility-path.md).',
    );
  }
  return { summary: `${channels.length} message channel(s), none exposed; canary: 1 refused, 1 accepted` };
}
