// B3: the softphoneCore static resource (minified + gzip -9) against SIP.js and XState alone, built by
// the same esbuild settings as scripts/build.ts. The baseline is both libraries' whole public API, what a
// page that uses them bare would load.
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
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

/** libphonenumber-js's code replaced by an empty module: what the rest of the core weighs. */
const withoutLibphonenumber: Plugin = {
  name: 'without-libphonenumber',
  setup(b) {
    b.onResolve({ filter: /^libphonenumber-js/ }, (args) => ({ path: args.path, namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents:
        'export const parsePhoneNumberFromString = () => undefined, isSupportedCountry = () => false, getCountryCallingCode = () => "";',
      loader: 'js',
    }));
  },
};

export async function benchBundle(): Promise<Figure> {
  const entry = resolve(root, 'src/index.ts');
  const core = await measure(coreBuildOptions(entry, 'SoftphoneCore'));
  // Loaded by the utility once the phone has started (softphoneService): not part of what it needs to ring.
  const plansBundle = bundles.find((b) => b.name === 'softphoneNumberingPlans');
  if (!plansBundle) throw new Error('scripts/build.ts has no softphoneNumberingPlans bundle');
  const plans = await measure(coreBuildOptions(resolve(root, plansBundle.entry), plansBundle.globalName));
  const coreWithoutPhoneRules = await measure({
    ...coreBuildOptions(entry, 'SoftphoneCore'),
    plugins: [withoutLibphonenumber],
  });
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
      numberingPlans: {
        minified: plans.minified,
        gzip: plans.gzip,
        loaded: 'as the softphoneNumberingPlans static resource once the phone has started',
      },
      coreGzipWithoutLibphonenumber: coreWithoutPhoneRules.gzip,
      ratioWithoutLibphonenumber: ratio(coreWithoutPhoneRules.gzip, libs.gzip),
      baselineMinified: libs.minified,
      baseline: 'sip.js 0.21.2 (export *) + xstate (export * as xstate), same esbuild settings',
      coreCompositionMinified: composition(core.metafile),
    },
  };
}
