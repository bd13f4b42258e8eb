// `npm run build`: bundles the TypeScript core into IIFE static resources under force-app, each with its
// source map as a second resource (scripts/source-maps.ts), and prints their minified and gzip sizes.
import { build, type BuildOptions } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageNamespace } from './namespace';
import { attachSourceMap } from './source-maps';

const root = resolve(__dirname, '..');
const staticResources = resolve(root, 'force-app/main/default/staticresources');

/** Each static resource: its entry point and the global it exposes to `loadScript`. */
export const bundles = [
  { name: 'softphoneCore', entry: 'src/index.ts', globalName: 'SoftphoneCore' },
  { name: 'softphoneBridge', entry: 'src/bridge/main.ts', globalName: 'SoftphoneBridge' },
  {
    name: 'softphoneNumberingPlans',
    entry: 'src/dialing/numbering-plans-resource.ts',
    globalName: 'SoftphoneNumberingPlans',
  },
  { name: 'softphoneDeskphone', entry: 'src/deskphone-resource.ts', globalName: 'SoftphoneDeskphone' },
];

/** The esbuild settings of every static resource (bench/ measures with the same ones). */
export function coreBuildOptions(entry: string | undefined, globalName: string): BuildOptions {
  return {
    ...(entry === undefined ? {} : { entryPoints: [entry] }),
    bundle: true,
    format: 'iife',
    globalName,
    // Under Lightning Web Security a loaded script's top-level `var` stays in its evaluation scope: the
    // global the LWC reads (window.SoftphoneCore) exists only when the script assigns it to its global.
    footer: { js: `globalThis.${globalName}=${globalName};` },
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'eof',
    logLevel: 'warning',
  };
}

export interface BundleSize {
  name: string;
  minified: number;
  gzip: number;
}

/** Builds every static resource into `outDir` (force-app's staticresources unless a test says otherwise). */
export async function buildStaticResources(outDir = staticResources): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const bundle of bundles) {
    const outfile = resolve(outDir, `${bundle.name}.js`);
    await build({
      ...coreBuildOptions(resolve(root, bundle.entry), bundle.globalName),
      outfile,
      sourcemap: 'external',
      sourcesContent: true,
    });
    attachSourceMap(outfile, bundle.name);
    const code = readFileSync(outfile);
    sizes.push({ name: bundle.name, minified: code.length, gzip: gzipSync(code, { level: 9 }).length });
  }
  return sizes;
}

if (require.main === module) {
  buildStaticResources()
    .then(async (sizes) => {
      for (const s of sizes) {
        const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
        process.stdout.write(`${s.name}.js  ${kb(s.minified)} minified, ${kb(s.gzip)} gzip\n`);
      }
      // Imported here: notices.ts imports this module's bundle list.
      const { checkNotices } = await import('./notices');
      await checkNotices();
      const namespace = packageNamespace();
      if (namespace) {
        const { buildNamespacedPackage } = await import('./package-build');
        process.stdout.write(
          `namespaced package (${namespace}): ${await buildNamespacedPackage(namespace)}\n`,
        );
      }
    })
    .catch((e: unknown) => {
      process.stderr.write(`build failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}
