// Builds the workbench's browser bundles into workbench/.build/assets: the plain pages' entry points
// (esbuild), the real LWC components compiled with LWC OSS (rollup, see lwc/build-lwc.ts), and the
// project's static resources (scripts/build.ts `bundles`) that /resources serves.
import { build, context, type BuildOptions } from 'esbuild';
import { watch as watchFiles } from 'node:fs';
import { resolve } from 'node:path';
import { buildStaticResources, bundles } from '../scripts/build';
import { packageNamespace } from '../scripts/namespace';
import { buildLwc, lwcAssetsDir, watchLwc } from './lwc/build-lwc';

export const assetsDir = lwcAssetsDir;
const srcDir = resolve(__dirname, '../src');

const common: BuildOptions = {
  outdir: assetsDir,
  // The shell emulates the org of the build's namespace (scripts/namespace.ts): its one input, read at build time.
  define: { 'process.env.SOFTPHONE_NAMESPACE': JSON.stringify(packageNamespace()) },
  bundle: true,
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
};

/**
 * Module scripts of the pages: the customer phone, the agent page's shell, and Lightning Web Security's
 * engine (@locker/sandbox, Salesforce's licence: built from node_modules, never committed) that the LWC
 * pages evaluate their namespace in (lwc/runtime/namespace-loader.js).
 */
const modules: BuildOptions = {
  ...common,
  entryPoints: {
    'web-phone': resolve(__dirname, 'client/web-phone.ts'),
    'agent-shell': resolve(__dirname, 'client/agent-shell.ts'),
    'locker-sandbox': resolve(__dirname, 'lwc/runtime/locker.js'),
  },
  format: 'esm',
};

/** A classic script, like opencti_min.js: it must define sforce.opencti before the bridge bundle runs. */
const classic: BuildOptions = {
  ...common,
  entryPoints: { 'opencti-emulator': resolve(__dirname, 'client/opencti-bridge.ts') },
  format: 'iife',
};

export async function buildWorkbench(): Promise<void> {
  await Promise.all([build(modules), build(classic), buildLwc(), buildStaticResources()]);
}

/** Rebuilds the static resources when src/ changes (the same build as `npm run build`). */
function watchStaticResources(log: (message: string) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watchFiles(srcDir, { recursive: true }, (_event, file) => {
    if (!file || !/\.ts$/.test(file) || file.includes('__tests__')) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      buildStaticResources().then(
        () => log(`Static resources rebuilt (${bundles.map((b) => b.name).join(', ')})`),
        (e: unknown) => log(`Static resources build error: ${e instanceof Error ? e.message : String(e)}`),
      );
    }, 200);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

/**
 * Builds everything, then rebuilds on every change of the pages' sources, the LWC bundles or src/.
 * Resolves once the first build is done; returns the disposer.
 */
export async function watchWorkbench(log: (message: string) => void): Promise<() => Promise<void>> {
  const contexts = await Promise.all([context(modules), context(classic)]);
  await Promise.all([...contexts.map((c) => c.rebuild()), buildStaticResources()]);
  await Promise.all(contexts.map((c) => c.watch()));
  const closeLwc = watchLwc(undefined, log);
  const closeResources = watchStaticResources(log);
  try {
    await closeLwc.ready;
  } catch (e) {
    closeResources();
    await Promise.all(contexts.map((c) => c.dispose()));
    await closeLwc();
    throw e;
  }
  return async () => {
    closeResources();
    await Promise.all(contexts.map((c) => c.dispose()));
    await closeLwc();
  };
}
