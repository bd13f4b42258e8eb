// Rollup plugin resolving the `@salesforce/*` scoped imports of our LWC to workbench emulations
// (apex → emulated controllers, label → CustomLabels, resourceUrl → /resources, messageChannel,
// user, schema). lightning-base-components' own @salesforce imports are mapped by its package.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'rollup';
import { APEX_CLASSES_DIR, readApexContract } from '../emulation/apex-contract';
import { SAMPLE_DATA_FILE } from '../emulation/sample-data';
import { apexPath, orgName } from '../namespace';

const PREFIX = '\0sf:';
const root = resolve(__dirname, '../..');
const labelsFile = resolve(root, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
const objectsDir = resolve(root, 'force-app/main/default/objects');

/** Sample user key → User Id, for `@salesforce/user/Id` (the page's user is chosen at run time). */
function userIds(): Record<string, string> {
  const data = JSON.parse(readFileSync(SAMPLE_DATA_FILE, 'utf8')) as { users: { key: string; Id: string }[] };
  return Object.fromEntries(data.users.map((u) => [u.key, u.Id]));
}

function readLabels(): Map<string, string> {
  const labels = new Map<string, string>();
  if (!existsSync(labelsFile)) return labels;
  const xml = readFileSync(labelsFile, 'utf8');
  for (const m of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
    const name = /<fullName>([^<]+)<\/fullName>/.exec(m[1] ?? '')?.[1];
    const value = /<value>([\s\S]*?)<\/value>/.exec(m[1] ?? '')?.[1];
    if (name && value !== undefined) {
      labels.set(
        name,
        value
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
      );
    }
  }
  return labels;
}

const importOf = (id: string) => id.slice(PREFIX.length);

const handled = ['apex', 'label', 'resourceUrl', 'messageChannel', 'user', 'schema', 'customPermission'];

/** The package's own custom objects and fields (force-app's objects folder), which a namespaced org prefixes. */
function packageSchemaNames(): Set<string> {
  if (!existsSync(objectsDir)) return new Set();
  return new Set(
    readdirSync(objectsDir, { recursive: true, encoding: 'utf8' })
      .map(
        (file) => /(\w+__c)(?:\.object-meta\.xml|\.field-meta\.xml)?$/.exec(file.split('/').pop() ?? '')?.[1],
      )
      .filter((name): name is string => name !== undefined && name.split('__').length === 2),
  );
}

/**
 * A name the source gives in the package's own namespace (`Softphone__c`, `softphoneCore`), as the emulated
 * org resolves it: under the package's prefix; a name that already names a namespace stays as it is.
 */
const inOrg = (namespace: string, name: string) =>
  name.split('__').length > (name.endsWith('__c') ? 2 : 1) ? name : orgName(namespace, name);

/** `@salesforce/schema/Object.Field`: the package's own object and field names as the org names them. */
function schemaModule(namespace: string, name: string): string {
  const own = packageSchemaNames();
  const [objectApiName, fieldApiName] = name
    .split('.')
    .map((part) => (own.has(part) ? orgName(namespace, part) : part));
  return `export default ${JSON.stringify(fieldApiName ? { objectApiName, fieldApiName } : { objectApiName })};`;
}

export function salesforceModules(namespace = ''): Plugin {
  const runtime = (file: string) => JSON.stringify(resolve(__dirname, 'runtime', file));
  return {
    name: 'workbench-salesforce-modules',
    resolveId(source) {
      const m = /^@salesforce\/([^/]+)\/(.+)$/.exec(source);
      // Only the org's own labels (`c.`): the base components' labels are mapped by their package.
      if (m?.[1] && handled.includes(m[1]) && (m[1] !== 'label' || m[2]?.startsWith('c.'))) {
        return PREFIX + source;
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const [, kind = '', name = ''] = /^@salesforce\/([^/]+)\/(.+)$/.exec(id.slice(PREFIX.length)) ?? [];
      switch (kind) {
        case 'apex': {
          const [className = '', method = ''] = name.split('.');
          for (const file of readdirSync(APEX_CLASSES_DIR)) {
            if (file.endsWith('.cls')) this.addWatchFile(resolve(APEX_CLASSES_DIR, file));
          }
          const signature = readApexContract()[className]?.methods[method];
          if (!signature) {
            // A deploy would fail; the workbench keeps building so the rest of the page can be tried.
            this.warn(
              `${importOf(id)}: no @AuraEnabled method ${className}.${method} in force-app/main/default/classes`,
            );
          }
          return `import { apexMethod } from ${runtime('apex.js')};
export default apexMethod(${JSON.stringify(apexPath(namespace, className, method))}, ${signature?.cacheable === true});`;
        }
        case 'label': {
          const key = name.replace(/^c\./, '');
          this.addWatchFile(labelsFile);
          const value = readLabels().get(key);
          if (value === undefined)
            this.error(`Unknown custom label ${name} (add it to CustomLabels.labels-meta.xml)`);
          return `export default ${JSON.stringify(value)};`;
        }
        case 'resourceUrl':
          return `export default ${JSON.stringify(`/resources/${inOrg(namespace, name)}`)};`;
        case 'messageChannel':
          // Same shape as the Jest mock (force-app/test/jest-mocks/messageChannel): one frozen value per channel,
          // which test/emulation/lightning/messageService.js matches by name.
          return `export default Object.freeze({ channelName: ${JSON.stringify(inOrg(namespace, name))} });`;
        case 'user':
          if (name !== 'Id') return 'export default false;';
          this.addWatchFile(SAMPLE_DATA_FILE);
          return `import { workbenchUserKey } from ${runtime('user.js')};
export default (${JSON.stringify(userIds())})[workbenchUserKey()];`;
        case 'schema':
          return schemaModule(namespace, name);
        case 'customPermission':
          return 'export default true;';
        default:
          return null;
      }
    },
  };
}
