// Rollup plugin resolving the `@salesforce/*` scoped imports of our LWC to workbench emulations
// (apex → emulated controllers, label → CustomLabels, resourceUrl → /resources, messageChannel,
// user, schema). lightning-base-components' own @salesforce imports are mapped by its package.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'rollup';

const PREFIX = '\0sf:';
const root = resolve(__dirname, '../..');
const labelsFile = resolve(root, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
export const WORKBENCH_USER_ID = '005WB0000000001AAA';

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

const handled = ['apex', 'label', 'resourceUrl', 'messageChannel', 'user', 'schema', 'customPermission'];

export function salesforceModules(): Plugin {
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
          const [className, method] = name.split('.');
          return `import { apexMethod } from ${JSON.stringify(resolve(__dirname, 'runtime/apex.js'))};
export default apexMethod(${JSON.stringify(className)}, ${JSON.stringify(method)}, true);`;
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
          return `export default ${JSON.stringify(`/resources/${name}`)};`;
        case 'messageChannel':
          return `export default { channel: ${JSON.stringify(name)} };`;
        case 'user':
          return name === 'Id'
            ? `export default ${JSON.stringify(WORKBENCH_USER_ID)};`
            : 'export default false;';
        case 'schema': {
          const [objectApiName, fieldApiName] = name.split('.');
          return `export default ${JSON.stringify(fieldApiName ? { objectApiName, fieldApiName } : { objectApiName })};`;
        }
        case 'customPermission':
          return 'export default true;';
        default:
          return null;
      }
    },
  };
}
