// EMULATION of getCallCenterSettings' returnValue: the flat "/section/item" map Salesforce builds from the
// agent's call center, here read from the call center definitions that deploy with the package
// (force-app/main/default/callCenters/<name>.callCenter-meta.xml).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CALL_CENTERS_DIR = resolve(__dirname, '../../force-app/main/default/callCenters');

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const tag = (xml: string, name: string) => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return m?.[1] === undefined ? undefined : decode(m[1].trim());
};

/**
 * The call center's items as Open CTI returns them: `/reqGeneralInfo/reqInternalName` (the file name, as
 * the internal name), `/reqGeneralInfo/reqDisplayName`, each section's `/<section>/label` and items
 * (an item without a value reads as ""), and the top-level labels.
 */
export function callCenterSettings(name: string, dir = CALL_CENTERS_DIR): Record<string, string> {
  if (!/^[A-Za-z0-9_]{1,40}$/.test(name)) throw new Error(`Invalid call center name ${name}`);
  const xml = readFileSync(resolve(dir, `${name}.callCenter-meta.xml`), 'utf8');
  const displayName = tag(xml, 'displayName') ?? name;
  const settings: Record<string, string> = {
    '/displayNameLabel': tag(xml, 'displayNameLabel') ?? 'Display Name',
    '/internalNameLabel': tag(xml, 'internalNameLabel') ?? 'Internal Name',
    '/label': displayName,
    '/reqGeneralInfo/reqInternalName': name,
    '/reqGeneralInfo/reqDisplayName': displayName,
  };
  for (const section of xml.matchAll(/<sections>([\s\S]*?)<\/sections>/g)) {
    const body = section[1] ?? '';
    const items = [...body.matchAll(/<items>([\s\S]*?)<\/items>/g)].map((m) => m[1] ?? '');
    const withoutItems = body.replace(/<items>[\s\S]*?<\/items>/g, '');
    const sectionName = tag(withoutItems, 'name');
    if (!sectionName) continue;
    settings[`/${sectionName}/label`] = tag(withoutItems, 'label') ?? sectionName;
    for (const item of items) {
      const itemName = tag(item, 'name');
      if (itemName) settings[`/${sectionName}/${itemName}`] = tag(item, 'value') ?? '';
    }
  }
  return settings;
}
