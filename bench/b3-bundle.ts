// B3: the softphoneCore static resource (minified + gzip -9) against SIP.js and XState alone, built by
// the same esbuild settings as scripts/build.ts. The baseline is both libraries' whole public API, what a
// page that uses them bare would load.
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundles, coreBuildOptions } from '../scripts/build';
import { ratio, type Figure } from './figure';

const root = resolve(__dirname, '..');

async function measure(
  options: BuildOptions,
): Promise<{ minified: number; gzip: number; metafile: Metafile }> {
  const result = await build({
    ...options,
    write: false,
    metafile: true,
    outfile: resolve(root, 'bench/.out.js'),
  });
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, metafile: result.metafile };
}

/** Minified bytes per package (node_modules) or src/ area in the core bundle, largest first. */
function composition(metafile: Metafile): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      const key = pkg ?? path.split('/').slice(0, 2).join('/');
      sizes[key] = (sizes[key] ?? 0) + bytesInOutput;
    }
  }
  return Object.fromEntries(Object.entries(sizes).sort((a, b) => b[1] - a[1]));
}

/**
 * The project's own code in the core, minified bytes per folder of src/ (files at its top level are the
 * composition roots), largest first, with each folder's share of the project's code.
 */
function ownCodeByFolder(metafile: Metafile): Record<string, { minified: number; share: string }> {
  const sizes: Record<string, number> = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (!path.startsWith('src/')) continue;
      const parts = path.split('/');
      const key = parts.length > 2 ? `${parts[0]}/${parts[1]}` : 'src/*.ts (roots)';
      sizes[key] = (sizes[key] ?? 0) + bytesInOutput;
    }
  }
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  return Object.fromEntries(
    Object.entries(sizes)
      .sort((a, b) => b[1] - a[1])
      .map(([folder, minified]) => [folder, { minified, share: `${Math.round((100 * minified) / total)}%` }]),
  );
}

/** Loaded by the utility after the phone has started, not part of what it needs to ring. */
const DEFERRED: Record<string, string> = {
  softphoneNumberingPlans:
    'once the phone has started (softphoneService, beside registration); dials wait for it (src/dialing/numbering-plans.ts)',
  softphoneDeskphone:
    'once the phone has started, only in deskphone mode (softphoneService); incoming calls never need it, outgoing deskphone dials wait for it (src/deskphone.ts)',
};

interface Deferred {
  minified: number;
  gzip: number;
  loaded: string;
  /** Inputs bundled both here and in the core (downloaded twice by the agents who load both). */
  alsoInCore: Record<string, number>;
}

const inputsOf = (metafile: Metafile) =>
  Object.values(metafile.outputs).flatMap((output) => Object.entries(output.inputs));

async function deferredResources(core: Metafile): Promise<Record<string, Deferred>> {
  const inCore = new Set(inputsOf(core).map(([path]) => path));
  const sizes: Record<string, Deferred> = {};
  for (const [name, loaded] of Object.entries(DEFERRED)) {
    const bundle = bundles.find((b) => b.name === name);
    if (!bundle) throw new Error(`scripts/build.ts has no ${name} bundle`);
    const { minified, gzip, metafile } = await measure(
      coreBuildOptions(resolve(root, bundle.entry), bundle.globalName),
    );
    const twice = inputsOf(metafile).filter(([path, input]) => inCore.has(path) && input.bytesInOutput > 0);
    const alsoInCore = Object.fromEntries(twice.map(([path, input]) => [path, input.bytesInOutput]));
    sizes[name] = { minified, gzip, loaded, alsoInCore };
  }
  return sizes;
}

export async function benchBundle(): Promise<Figure> {
  const entry = resolve(root, 'src/index.ts');
  const core = await measure(coreBuildOptions(entry, 'SoftphoneCore'));
  const libs = await measure({
    ...coreBuildOptions(undefined, 'Baseline'),
    stdin: {
      contents: "export * from 'sip.js';\nexport * as xstate from 'xstate';\n",
      resolveDir: root,
      loader: 'ts',
    },
  });
  const r = ratio(core.gzip, libs.gzip);
  return {
    id: 'B3',
    name: 'softphoneCore static resource, minified + gzip',
    unit: 'bytes',
    value: core.gzip,
    baseline: libs.gzip,
    ratio: r,
    goal: 'ratio <= 1.25',
    pass: r <= 1.25,
    detail: {
      coreMinified: core.minified,
      deferred: await deferredResources(core.metafile),
      baselineMinified: libs.minified,
      baseline: 'sip.js 0.21.2 (export *) + xstate (export * as xstate), same esbuild settings',
      coreCompositionMinified: composition(core.metafile),
      ownCodeByFolderMinified: ownCodeByFolder(core.metafile),
    },
  };
}
