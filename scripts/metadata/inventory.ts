// Which Metadata API components the source tree should produce, worked out from folder conventions
// independently of the Salesforce CLI, so a conversion that silently drops a component is caught.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { relative, type Project } from './project';

export interface Component {
  type: string;
  member: string;
}

export const componentKey = ({ type, member }: Component): string => `${type}:${member}`;

// Folder name → type whose member is the file name minus one of the suffixes.
const FILE_TYPES: Record<string, { type: string; suffixes: string[] }> = {
  applications: { type: 'CustomApplication', suffixes: ['.app-meta.xml'] },
  callCenters: { type: 'CallCenter', suffixes: ['.callCenter-meta.xml'] },
  classes: { type: 'ApexClass', suffixes: ['.cls', '.cls-meta.xml'] },
  components: { type: 'ApexComponent', suffixes: ['.component', '.component-meta.xml'] },
  cspTrustedSites: { type: 'CspTrustedSite', suffixes: ['.cspTrustedSite-meta.xml'] },
  customMetadata: { type: 'CustomMetadata', suffixes: ['.md-meta.xml'] },
  customPermissions: { type: 'CustomPermission', suffixes: ['.customPermission-meta.xml'] },
  flexipages: { type: 'FlexiPage', suffixes: ['.flexipage-meta.xml'] },
  layouts: { type: 'Layout', suffixes: ['.layout-meta.xml'] },
  messageChannels: { type: 'LightningMessageChannel', suffixes: ['.messageChannel-meta.xml'] },
  pages: { type: 'ApexPage', suffixes: ['.page', '.page-meta.xml'] },
  permissionsets: { type: 'PermissionSet', suffixes: ['.permissionset-meta.xml'] },
  tabs: { type: 'CustomTab', suffixes: ['.tab-meta.xml'] },
  triggers: { type: 'ApexTrigger', suffixes: ['.trigger', '.trigger-meta.xml'] },
};

// Folder name → bundle type whose member is the bundle folder.
const BUNDLE_TYPES: Record<string, string> = {
  aura: 'AuraDefinitionBundle',
  lwc: 'LightningComponentBundle',
};

// objects/<Object>/<child folder>/<Name>.<suffix> → child type, member "<Object>.<Name>".
const OBJECT_CHILD_TYPES: Record<string, { type: string; suffix: string }> = {
  businessProcesses: { type: 'BusinessProcess', suffix: '.businessProcess-meta.xml' },
  compactLayouts: { type: 'CompactLayout', suffix: '.compactLayout-meta.xml' },
  fieldSets: { type: 'FieldSet', suffix: '.fieldSet-meta.xml' },
  fields: { type: 'CustomField', suffix: '.field-meta.xml' },
  listViews: { type: 'ListView', suffix: '.listView-meta.xml' },
  recordTypes: { type: 'RecordType', suffix: '.recordType-meta.xml' },
  validationRules: { type: 'ValidationRule', suffix: '.validationRule-meta.xml' },
  webLinks: { type: 'WebLink', suffix: '.webLink-meta.xml' },
};

const SPECIAL_FOLDERS = new Set(['objects', 'staticresources', 'labels']);

export const KNOWN_FOLDERS = new Set([
  ...Object.keys(FILE_TYPES),
  ...Object.keys(BUNDLE_TYPES),
  ...SPECIAL_FOLDERS,
]);

function classify(segments: string[], file: string): Component[] | undefined {
  const [folder, ...rest] = segments;
  const name = rest.at(-1) ?? '';
  if (folder === undefined || rest.length === 0) return undefined;

  const fileType = FILE_TYPES[folder];
  if (fileType) {
    const suffix = fileType.suffixes.find((s) => name.endsWith(s));
    return suffix ? [{ type: fileType.type, member: name.slice(0, -suffix.length) }] : undefined;
  }
  const bundleType = BUNDLE_TYPES[folder];
  if (bundleType) {
    return rest.length >= 2 ? [{ type: bundleType, member: rest[0] ?? '' }] : undefined;
  }
  if (folder === 'staticresources') {
    // The -meta.xml names the resource; its content (file or folder) belongs to it.
    return name.endsWith('.resource-meta.xml') && rest.length === 1
      ? [{ type: 'StaticResource', member: name.slice(0, -'.resource-meta.xml'.length) }]
      : [];
  }
  if (folder === 'labels' && name.endsWith('.labels-meta.xml')) {
    const labels = [...readFileSync(file, 'utf8').matchAll(/<labels>[\s\S]*?<fullName>([^<]+)<\/fullName>/g)];
    return [
      { type: 'CustomLabels', member: name.slice(0, -'.labels-meta.xml'.length) },
      ...labels.map((match) => ({ type: 'CustomLabel', member: match[1] ?? '' })),
    ];
  }
  if (folder === 'objects') {
    const [object, childFolder, childName] = rest;
    if (object === undefined) return undefined;
    if (rest.length === 2 && name === `${object}.object-meta.xml`)
      return [{ type: 'CustomObject', member: object }];
    const child = childFolder === undefined ? undefined : OBJECT_CHILD_TYPES[childFolder];
    if (rest.length === 3 && child && childName?.endsWith(child.suffix)) {
      return [{ type: child.type, member: `${object}.${childName.slice(0, -child.suffix.length)}` }];
    }
  }
  return undefined;
}

/**
 * Expected components of every deployable file. Files this table does not understand are returned
 * as `unrecognised`, so a new metadata type fails loudly until someone teaches it here.
 */
export function inventory(project: Project): { components: Component[]; unrecognised: string[] } {
  const components = new Map<string, Component>();
  const unrecognised: string[] = [];
  for (const file of project.deployableFiles) {
    const packageDirectory = project.packageDirectories.find((dir) => file.startsWith(dir + path.sep));
    const segments = path.relative(packageDirectory ?? project.root, file).split(path.sep);
    const start = segments.findIndex((segment) => KNOWN_FOLDERS.has(segment));
    const found = start === -1 ? undefined : classify(segments.slice(start), file);
    if (found === undefined) {
      unrecognised.push(relative(file));
      continue;
    }
    for (const component of found) components.set(componentKey(component), component);
  }
  return { components: [...components.values()], unrecognised };
}
