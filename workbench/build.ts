// Bundles the workbench's browser entry points into workbench/.build/assets (esbuild, ESM).
import { build, context, type BuildOptions } from 'esbuild';
import { resolve } from 'node:path';

export const assetsDir = resolve(__dirname, '.build/assets');

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
  await build(options);
}

/** Rebuilds on every change under the entry points' imports; returns a disposer. */
export async function watchWorkbench(): Promise<() => Promise<void>> {
  const ctx = await context(options);
  await ctx.watch();
  return () => ctx.dispose();
}
