// ESLint flat config: Salesforce's LWC rules for force-app, strict typed rules for the TypeScript core.
import { createRequire } from 'node:module';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const require = createRequire(import.meta.url);
const lwcConfig = require('@salesforce/eslint-config-lwc');

const SFORCE_GLOBAL = { name: 'sforce', message: 'Only src/bridge/ touches sforce.opencti.' };

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
  // Architecture: only src/sip imports sip.js; src/call does no I/O.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/sip/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['sip.js', 'sip.js/*'], message: 'Only src/sip/ may import sip.js.' }] },
      ],
    },
  },
  {
    files: ['src/call/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['sip.js', 'sip.js/*'], message: 'src/call is pure: no sip.js.' },
            {
              group: ['lit', 'lit/*', 'node:*', 'ws'],
              message: 'src/call is pure: no DOM, Node or network I/O.',
            },
            {
              group: [
                '../sip',
                '../sip/*',
                '../bridge',
                '../bridge/*',
                '../ui',
                '../ui/*',
                '../media',
                '../media/*',
              ],
              message: 'src/call depends only on dialing and crm types.',
            },
          ],
        },
      ],
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
  // src/session wraps whichever softphone it is given (ADR 0003): types only from the layers below.
  {
    files: ['src/session/**/*.ts'],
    ignores: ['src/session/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['sip.js', 'sip.js/*'], message: 'Only src/sip/ may import sip.js.' },
            {
              group: [
                '../sip',
                '../sip/*',
                '../media',
                '../media/*',
                '../bridge',
                '../bridge/*',
                '../create-softphone',
              ],
              allowTypeImports: true,
              message:
                'src/session wraps the softphone it is given: import only types from the layers below.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
