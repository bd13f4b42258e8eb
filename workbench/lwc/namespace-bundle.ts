// The package's LWC modules as the platform serves them to Lightning Web Security: one AMD bundle of the
// namespace's own modules (`c/*` unpackaged, `<ns>/*` in a namespaced org), evaluated in the namespace's sandbox (runtime/namespace-loader.js),
// whose every other import (the LWC engine, base components, lightning/*, @salesforce/*) stays OUTSIDE the
// sandbox and is handed in from the page's module registry, as Lightning does.
//
// The page's bundle imports `workbench:namespace`: loading it builds the namespace bundle beside the
// page's assets and answers with the registry of the modules that bundle asks for, so the page's bundle
// compiles exactly those outside.
import lwc from '@lwc/rollup-plugin';
import { resolve } from 'node:path';
import { rollup, type OutputChunk, type Plugin, type RollupCache, type RollupLog } from 'rollup';

const PREFIX = 'workbench:namespace';
/** What the source calls its own namespace: LWC's `c`, wherever the code runs (docs/adr/0009). */
const OWN = 'c';
const root = resolve(__dirname, '../..');

export interface NamespaceModule {
  name: string;
  path: string;
}

export interface NamespaceOptions {
  /** The sandbox key and module prefix (`c` without a namespace). */
  key: string;
  /** The namespace's modules (`<key>/<name>`). */
  modules: () => NamespaceModule[];
  /** The components the pages mount: exported by the namespace bundle under their bundle name. */
  roots: string[];
  outDir: string;
  onwarn: (warning: RollupLog, warn: (w: RollupLog) => void) => void;
}

/** The namespace bundle's file under the assets folder. */
export const namespaceFile = (key: string) => `namespace-${key}.js`;

/**
 * Only the namespace's own modules, their relative files and the compiler's resources (`@lwc/resources/*`)
 * go in; the rest is the platform's.
 */
function isPlatformModule(key: string, id: string): boolean {
  return (
    !/^[./\0]/.test(id) &&
    !id.startsWith(`${key}/`) &&
    !id.startsWith(`${OWN}/`) &&
    !id.startsWith('@lwc/resources/')
  );
}

/**
 * EMULATION of a namespaced org's module names: the components are `<ns>/<name>` there, and the source's
 * `c/<name>` imports and `<c-name>` tags mean the package's own namespace, so they resolve to those modules.
 */
function ownNamespace(key: string): Plugin {
  return {
    name: 'workbench-own-namespace',
    resolveId(source, importer) {
      if (key === OWN || !source.startsWith(`${OWN}/`)) return null;
      return this.resolve(`${key}/${source.slice(OWN.length + 1)}`, importer, { skipSelf: true });
    },
  };
}

async function buildNamespace(options: NamespaceOptions, cache: RollupCache | undefined) {
  const entry = `\0${PREFIX}/${options.key}/entry`;
  const bundle = await rollup({
    input: entry,
    cache,
    external: (id) => isPlatformModule(options.key, id),
    plugins: [
      {
        name: 'workbench-namespace-entry',
        resolveId: (source) => (source === entry ? entry : null),
        load: (id) =>
          id === entry
            ? options.roots
                .map((name) => `export { default as ${name} } from '${options.key}/${name}';`)
                .join('\n')
            : null,
      },
      ownNamespace(options.key),
      lwc({
        rootDir: root,
        modules: options.modules(),
        enableDynamicComponents: true,
        enableSyntheticElementInternals: true,
      }),
    ],
    onwarn: options.onwarn,
  });
  try {
    const { output } = await bundle.write({
      dir: options.outDir,
      format: 'amd',
      // The registry hands in ES module namespaces: a default import reads `.default`.
      interop: 'esModule',
      entryFileNames: namespaceFile(options.key),
      sourcemap: 'inline',
    });
    const chunk = output.find((o): o is OutputChunk => o.type === 'chunk' && o.isEntry);
    return { imports: chunk?.imports ?? [], watchFiles: bundle.watchFiles, cache: bundle.cache };
  } finally {
    await bundle.close();
  }
}

/** The page's bundle side: `import * as namespace from 'workbench:namespace'`. */
export function namespaceModules(options: NamespaceOptions): Plugin {
  const id = `\0${PREFIX}`;
  let cache: RollupCache | undefined;
  return {
    name: `workbench-namespace-${options.key}`,
    resolveId: (source) => (source === PREFIX ? id : null),
    async load(loading) {
      if (loading !== id) return null;
      const built = await buildNamespace(options, cache);
      cache = built.cache;
      for (const file of built.watchFiles) if (!file.startsWith('\0')) this.addWatchFile(file);
      const imports = built.imports.map((dep, i) => `import * as m${i} from ${JSON.stringify(dep)};`);
      const entries = built.imports.map((dep, i) => `  ${JSON.stringify(dep)}: m${i},`);
      return [
        ...imports,
        `export const key = ${JSON.stringify(options.key)};`,
        `export const source = ${JSON.stringify(`/assets/${namespaceFile(options.key)}`)};`,
        `export const modules = {\n${entries.join('\n')}\n};`,
      ].join('\n');
    },
  };
}
