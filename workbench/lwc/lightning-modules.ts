// Rollup plugin resolving the `lightning/*` platform modules our LWC import to the project's one emulation
// (test/emulation/lightning, which the LWC Jest tests use too), with the workbench's page installed first
// (across-frames.js: LMS across the tab's frames, navigation/utility/toast requests to the shell).
import { resolve } from 'node:path';
import type { Plugin } from 'rollup';

const PREFIX = '\0lightning:';
export const lightningDir = resolve(__dirname, '../../test/emulation/lightning');

/** The emulated modules: the same list jest.config maps for the lwc project. */
export const lightningModules = [
  'messageService',
  'navigation',
  'pageReferenceUtils',
  'platformResourceLoader',
  'platformShowToastEvent',
  'platformUtilityBarApi',
  'uiObjectInfoApi',
  'uiRecordApi',
];

export function lightningPlatformModules(): Plugin {
  const file = (name: string) => JSON.stringify(resolve(lightningDir, `${name}.js`));
  return {
    name: 'workbench-lightning-modules',
    resolveId(source) {
      const name = /^lightning\/(\w+)$/.exec(source)?.[1];
      return name && lightningModules.includes(name) ? PREFIX + name : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      return `import { enableAcrossFrames } from ${file('across-frames')};
enableAcrossFrames();
export * from ${file(id.slice(PREFIX.length))};`;
    },
  };
}
