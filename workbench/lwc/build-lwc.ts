// Compiles the real LWC components of force-app with LWC OSS, lightning-base-components and the
// workbench's emulated platform modules into one browser bundle per workbench page.
import lwc from '@lwc/rollup-plugin';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { rollup, watch, type InputOptions, type OutputOptions, type Plugin } from 'rollup';
import { salesforceModules } from './salesforce-modules';

const root = resolve(__dirname, '../..');
const lwcDir = resolve(root, 'force-app/main/default/lwc');
const stubsDir = resolve(__dirname, 'stubs');
export const lwcAssetsDir = resolve(__dirname, '../.build/assets');

/** `c/<name>` for every bundle in force-app (SFDX has no namespace folder). */
function componentModules() {
  if (!existsSync(lwcDir)) return [];
  return readdirSync(lwcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(resolve(lwcDir, d.name, `${d.name}.js`)))
    .map((d) => ({ name: `c/${d.name}`, path: resolve(lwcDir, d.name, `${d.name}.js`) }));
}

function stubModules() {
  return readdirSync(resolve(stubsDir, 'lightning')).map((name) => ({
    name: `lightning/${name}`,
    path: resolve(stubsDir, 'lightning', name, `${name}.js`),
  }));
}

/** Replaces build-time constants the LWC engine and base components read. */
function defines(): Plugin {
  return {
    name: 'workbench-defines',
    transform(code) {
      if (!code.includes('import.meta.env') && !code.includes('process.env.NODE_ENV')) return null;
      return {
        code: code
          .replace(/import\.meta\.env\.SSR/g, 'false')
          .replace(/process\.env\.NODE_ENV/g, JSON.stringify('development')),
        map: null,
      };
    },
  };
}

/** Unresolved imports are build errors: rollup only warns and the page would fail at load. */
function failOnUnresolved(): Plugin {
  return {
    name: 'workbench-fail-unresolved',
    buildStart() {
      for (const c of componentModules()) this.addWatchFile(resolve(c.path, '..'));
    },
  };
}

function inputOptions(entries: Record<string, string>): InputOptions {
  return {
    input: entries,
    plugins: [
      defines(),
      salesforceModules(),
      lwc({
        rootDir: root,
        modules: [...stubModules(), ...componentModules(), { npm: 'lightning-base-components' }],
        enableDynamicComponents: true,
        enableSyntheticElementInternals: true,
      }),
      failOnUnresolved(),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`Unresolved import: ${warning.message}`);
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      // lightning-base-components' own templates trip a compiler lint we cannot fix there.
      if (warning.message.includes('LWC1137') && warning.id?.includes('node_modules')) return;
      warn(warning);
    },
  };
}

const output: OutputOptions = {
  dir: lwcAssetsDir,
  format: 'esm',
  sourcemap: true,
  entryFileNames: '[name].js',
};

export const lwcEntries = { agent: resolve(__dirname, '../client/agent.js') };

export async function buildLwc(entries: Record<string, string> = lwcEntries): Promise<void> {
  const bundle = await rollup(inputOptions(entries));
  try {
    await bundle.write(output);
  } finally {
    await bundle.close();
  }
}

export function watchLwc(entries: Record<string, string> = lwcEntries, onEvent?: (message: string) => void) {
  const watcher = watch({ ...inputOptions(entries), output, watch: { clearScreen: false } });
  watcher.on('event', (event) => {
    if (event.code === 'BUNDLE_END') {
      void event.result.close();
      onEvent?.(`LWC rebuilt in ${event.duration} ms`);
    }
    if (event.code === 'ERROR') onEvent?.(`LWC build error: ${event.error.message}`);
  });
  return () => watcher.close();
}
