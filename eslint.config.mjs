// ESLint flat config: Salesforce's LWC rules for force-app, strict typed rules for the TypeScript core.
import { createRequire } from 'node:module';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const require = createRequire(import.meta.url);
const lwcConfig = require('@salesforce/eslint-config-lwc');

const SFORCE_GLOBAL = { name: 'sforce', message: 'Only src/bridge/ touches sforce.opencti.' };
const SIP_JS = { group: ['sip.js', 'sip.js/*'], message: 'Only src/sip/ may import sip.js.' };

// Folder → the folders it may import, bottom to top (ADR 0006). Root files (src/*.ts) may import anything.
const LAYERS = {
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
// Edges that still break the order, each waiting for the move of issue 14 that removes it: file → what it
// may still import. Only ever shrinks; an exception opens that one edge of that one file, nothing else.
const EXCEPTIONS = {};
const FOLDERS = Object.keys(LAYERS);
const ROOTS = {
  group: ['**/create-softphone', '**/create-shared-softphone'],
  message: 'Roots import layers, never the reverse.',
};
// src/call is pure: no DOM, Node or network I/O either.
const CALL_IO = {
  group: ['lit', 'lit/*', 'node:*', 'ws'],
  message: 'src/call is pure: no DOM, Node or network I/O.',
};
/** The import rule of a file in src/<folder>, with the edges `opened` by an exception left out. */
function layerRule(folder, opened = []) {
  const may = new Set([folder, ...LAYERS[folder], ...opened]);
  const allowed = LAYERS[folder].join(', ') || 'nothing from src';
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(folder === 'sip' ? [] : [SIP_JS]),
          ...(folder === 'call' ? [CALL_IO] : []),
          ...(opened.includes('roots') ? [] : [ROOTS]),
          ...FOLDERS.filter((f) => !may.has(f)).map((f) => ({
            group: [`**/${f}`, `**/${f}/**`],
            message: `src/${folder} may import only ${allowed} (ADR 0006).`,
          })),
        ],
      },
    ],
  };
}
const layerBlocks = [
  ...FOLDERS.map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    ignores: [`src/${folder}/**/__tests__/**`],
    rules: layerRule(folder),
  })),
  ...Object.entries(EXCEPTIONS).map(([file, opened]) => ({
    files: [file],
    rules: layerRule(file.split('/')[1], opened),
  })),
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      '.sf/**',
      '.sfdx/**',
      '.run/**',
      'workbench/.build/**',
      'force-app/main/default/staticresources/**',
      'test-results/**',
      // The namespaced package build (scripts/package-build.ts): a converted copy of force-app.
      'build/**',
    ],
  },
  // LWC bundles and their Jest tests.
  ...lwcConfig.configs.recommended.map((c) => ({ ...c, files: ['force-app/**/*.js'] })),
  {
    files: ['force-app/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
  },
  // TypeScript everywhere else.
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strict],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['test/**/*.ts', '**/__tests__/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/__tests__/**'],
    rules: { 'no-console': 'error' },
  },
  // Size: a file reads as one idea (~400 lines) and a function as one step (~60). A longer function states
  // why at its top: `// eslint-disable-next-line max-lines-per-function -- <reason>`.
  {
    files: ['src/**/*.ts', 'force-app/main/default/lwc/**/*.js', 'workbench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  // Architecture: only src/sip imports sip.js (root files included); the layer blocks below restate it.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/sip/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SIP_JS] }] },
  },
  // The layer order (docs/adr/0006-layer-order.md): each folder imports only the folders LAYERS lists.
  ...layerBlocks,
  // src/call does no I/O.
  {
    files: ['src/call/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'fetch',
        'WebSocket',
        'localStorage',
        'sessionStorage',
        'navigator',
        SFORCE_GLOBAL,
      ],
    },
  },
  // Only src/bridge touches sforce.opencti: Open CTI retires in 2028, so it stays behind one door.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/bridge/**', 'src/call/**'],
    rules: { 'no-restricted-globals': ['error', SFORCE_GLOBAL] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/bridge/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='sforce']", message: SFORCE_GLOBAL.message },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
