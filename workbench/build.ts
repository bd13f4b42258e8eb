// Builds the workbench's browser bundles into workbench/.build/assets: the plain pages' entry points
// (esbuild) and the real LWC components compiled with LWC OSS (rollup, see lwc/build-lwc.ts).
import { build, context, type BuildOptions } from 'esbuild';
import { resolve } from 'node:path';
import { buildLwc, lwcAssetsDir, watchLwc } from './lwc/build-lwc';

export const assetsDir = lwcAssetsDir;

const options: BuildOptions = {
  entryPoints: { 'web-phone': resolve(__dirname, 'client/web-phone.ts') },
  outdir: assetsDir,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
};

export async function buildWorkbench(): Promise<void> {
  await Promise.all([build(options), buildLwc()]);
}

/** Rebuilds on every change of the pages' sources or the LWC bundles; returns a disposer. */
export async function watchWorkbench(log: (message: string) => void): Promise<() => Promise<void>> {
  const ctx = await context(options);
  await ctx.watch();
  const closeLwc = watchLwc(undefined, log);
  return async () => {
    await ctx.dispose();
    await closeLwc();
  };
}
