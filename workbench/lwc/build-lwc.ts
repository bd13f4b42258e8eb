// Compiles the real LWC components of force-app with LWC OSS, lightning-base-components and the
// workbench's emulated platform modules into one browser bundle per workbench page.
import lwc from '@lwc/rollup-plugin';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  rollup,
  watch,
  type InputOptions,
  type OutputOptions,
  type Plugin,
  type RollupLog,
  type RollupWatcher,
} from 'rollup';
import { lightningDir, lightningPlatformModules } from './lightning-modules';
import { namespaceModules } from './namespace-bundle';
import { salesforceModules } from './salesforce-modules';
import { packageNamespace } from '../../scripts/namespace';
import { lwcNamespace } from '../namespace';

const root = resolve(__dirname, '../..');
export const lwcAssetsDir = resolve(__dirname, '../.build/assets');

export interface LwcBuildOptions {
  /** Entry name → file (default: the workbench pages' entries). */
  entries?: Record<string, string>;
  /** The SFDX lwc folder (default force-app/main/default/lwc). */
  lwcDir?: string;
  outDir?: string;
  /** The namespace's components the pages mount (default: the workbench pages' softphone, softphoneSetup). */
  roots?: string[];
}

export const lwcEntries = {
  agent: resolve(__dirname, '../client/agent.js'),
  admin: resolve(__dirname, '../client/admin.js'),
};

const defaultLwcDir = resolve(root, 'force-app/main/default/lwc');

/** `<key>/<name>` for every bundle in the lwc folder (SFDX has no namespace folder; the org names it). */
function componentModules(lwcDir: string, key = lwcNamespace(packageNamespace())) {
  if (!existsSync(lwcDir)) return [];
  return readdirSync(lwcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(resolve(lwcDir, d.name, `${d.name}.js`)))
    .map((d) => ({ name: `${key}/${d.name}`, path: resolve(lwcDir, d.name, `${d.name}.js`) }))
    .sort((a, b) => a.name.localeCompare(b.name));
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

/**
 * Watch mode: rollup watches the modules it loaded, but the `c/<name>` modules are resolved from a list
 * generated when the build was configured, so a new bundle (or a file a bundle imports later) would go
 * unseen. Watch the whole lwc folder instead; watchLwc reconfigures when the list of bundles changes.
 */
function watchComponents(lwcDir: string): Plugin {
  return {
    name: 'workbench-watch-components',
    buildStart() {
      if (existsSync(lwcDir)) this.addWatchFile(lwcDir);
      this.addWatchFile(lightningDir);
    },
  };
}

/** Lightning Web Security's engine: bundled from node_modules by workbench/build.ts, loaded by the pages. */
function lockerSandbox(): Plugin {
  return {
    name: 'workbench-locker-sandbox',
    resolveId: (source) =>
      source === '@locker/sandbox' ? { id: '/assets/locker-sandbox.js', external: true } : null,
  };
}

/** The components the workbench's pages mount (agent.js, admin.js). */
const namespaceRoots = ['softphone', 'softphoneSetup', 'softphoneCallButton'];

function inputOptions(
  entries: Record<string, string>,
  lwcDir: string,
  outDir: string,
  roots = namespaceRoots,
): InputOptions {
  return {
    input: entries,
    plugins: [
      defines(),
      lockerSandbox(),
      salesforceModules(packageNamespace()),
      lightningPlatformModules(),
      // The namespace's own modules build apart, for its sandbox; the page's bundle holds the platform.
      namespaceModules({
        key: lwcNamespace(packageNamespace()),
        modules: () => componentModules(lwcDir),
        roots,
        outDir,
        onwarn,
      }),
      lwc({
        rootDir: root,
        modules: [{ npm: 'lightning-base-components' }],
        enableDynamicComponents: true,
        enableSyntheticElementInternals: true,
      }),
      watchComponents(lwcDir),
    ],
    onwarn,
  };
}

function onwarn(warning: RollupLog, warn: (warning: RollupLog) => void): void {
  // Unresolved imports are build errors: rollup only warns and the page would fail at load.
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`Unresolved import: ${warning.message}`);
  if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
  // lightning-base-components' own templates trip compiler lints we cannot fix there.
  if (/LWC1137|LWC1057/.test(warning.message) && (warning.id ?? warning.message).includes('node_modules/')) {
    return;
  }
  warn(warning);
}

/**
 * Synthetic shadow in a chunk of its own, which the pages import first. The engine decides once, when it is
 * evaluated, whether the polyfill is there (else every component renders in native shadow, where SLDS, loaded
 * globally as in Lightning, reaches no component). Shared with other modules, the polyfill's chunk would
 * import the engine's chunk, and ES modules evaluate a chunk's imports before its own code.
 */
const syntheticShadowChunk = (id: string) =>
  id.includes('/node_modules/@lwc/synthetic-shadow/') ? 'synthetic-shadow' : undefined;

const output = (dir: string): OutputOptions => ({
  dir,
  format: 'esm',
  sourcemap: true,
  entryFileNames: '[name].js',
  manualChunks: syntheticShadowChunk,
});

export async function buildLwc(entries: Record<string, string> = lwcEntries, options: LwcBuildOptions = {}) {
  const bundle = await rollup(
    inputOptions(options.entries ?? entries, options.lwcDir ?? defaultLwcDir, options.outDir ?? lwcAssetsDir),
  );
  try {
    await bundle.write(output(options.outDir ?? lwcAssetsDir));
  } finally {
    await bundle.close();
  }
}

/** Stops watching; `ready` settles after the first build (rejects if it failed). */
export type LwcWatch = (() => Promise<void>) & { ready: Promise<void> };

/**
 * Builds, then rebuilds on change. When a bundle appears or disappears in the lwc folder, the watcher is
 * set up again with the new `c/<name>` list.
 */
export function watchLwc(
  entries: Record<string, string> = lwcEntries,
  onEvent?: (message: string) => void,
  options: LwcBuildOptions = {},
): LwcWatch {
  let firstBuild: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    firstBuild = { resolve, reject };
  });
  const lwcDir = options.lwcDir ?? defaultLwcDir;
  const names = () =>
    componentModules(lwcDir)
      .map((c) => c.name)
      .join(',');
  let watcher: RollupWatcher;
  let configured = '';
  let closed = false;
  const start = () => {
    configured = names();
    watcher = watch({
      ...inputOptions(options.entries ?? entries, lwcDir, options.outDir ?? lwcAssetsDir, options.roots),
      output: output(options.outDir ?? lwcAssetsDir),
      watch: { clearScreen: false },
    });
    watcher.on('change', () => {
      if (names() === configured || closed) return;
      onEvent?.('LWC bundles added or removed: reconfiguring the build');
      void watcher.close().then(() => {
        if (!closed) start();
      });
    });
    watcher.on('event', (event) => {
      if (event.code === 'BUNDLE_END') {
        void event.result.close();
        onEvent?.(`LWC rebuilt in ${event.duration} ms`);
        firstBuild?.resolve();
      }
      if (event.code === 'ERROR') {
        onEvent?.(`LWC build error: ${event.error.message}`);
        firstBuild?.reject(new Error(event.error.message));
      }
      if (event.code === 'BUNDLE_END' || event.code === 'ERROR') firstBuild = undefined;
    });
  };
  start();
  const close = async () => {
    closed = true;
    await watcher.close();
  };
  return Object.assign(close, { ready });
}
