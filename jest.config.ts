// One Jest configuration, four projects: unit (src), lwc (force-app), integration (real Kamailio)
// and e2e (real headless Chromium). Select one with `jest --selectProjects <name>`.
import type { Config } from 'jest';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// sip.js and lit ship ESM only: let ts-jest transform them too.
const esmPackages = ['sip\\.js', 'lit', 'lit-html', 'lit-element', '@lit', 'xstate'];
const nodeTs = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

const config: Config = {
  projects: [
    {
      displayName: 'unit',
      ...nodeTs,
      roots: ['<rootDir>/src'],
      testMatch: ['**/__tests__/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/numbering-plans.ts', '<rootDir>/test/support/deskphone.ts'],
    },
    {
      ...lwcJestConfig,
      displayName: 'lwc',
      rootDir: '<rootDir>',
      roots: ['<rootDir>/force-app'],
      testMatch: ['**/lwc/**/__tests__/**/*.test.js'],
      moduleNameMapper: {
        // The project's one emulation of these platform modules, shared with the workbench.
        '^lightning/(messageService|navigation|pageReferenceUtils|platformResourceLoader|platformShowToastEvent|platformUtilityBarApi|uiObjectInfoApi|uiRecordApi)$':
          '<rootDir>/test/emulation/lightning/$1',
        '^@salesforce/messageChannel/(.+)$': '<rootDir>/force-app/test/jest-mocks/messageChannel/$1',
      },
    },
    {
      displayName: 'integration',
      ...nodeTs,
      testEnvironment: '<rootDir>/test/support/node-environment.ts',
      roots: ['<rootDir>/test/integration'],
      testMatch: ['**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/numbering-plans.ts', '<rootDir>/test/support/deskphone.ts'],
    },
    {
      displayName: 'e2e',
      ...nodeTs,
      testEnvironment: '<rootDir>/test/support/node-environment.ts',
      globalSetup: '<rootDir>/test/support/e2e-global-setup.ts',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/numbering-plans.ts', '<rootDir>/test/support/deskphone.ts'],
    },
  ],
};

export default config;
