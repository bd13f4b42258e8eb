// The workbench as the e2e journeys run it (test/support/workbench-fixture.ts), outside Jest: Kamailio with
// ephemeral credentials, the workbench server (real LWC build, Lightning Web Security on unless a page asks
// `?lws=off`), headless Chromium, and a data folder of its own. Every wait here is bounded.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startKamailio, type KamailioServer } from '../../scripts/sip-server/kamailio';
import { buildWorkbench } from '../../workbench/build';
import { staticResourcesDir, startWorkbenchServer, type WorkbenchServer } from '../../workbench/server';
import { launchChromium } from '../../test/support/browser';

export interface WorkbenchLab {
  sip: KamailioServer;
  web: WorkbenchServer;
  browser: Browser;
  sipSecret: string;
  stop(): Promise<void>;
}

export async function startWorkbenchLab(): Promise<WorkbenchLab> {
  if (!existsSync(join(staticResourcesDir, 'softphoneCore.js'))) {
    throw new Error('softphoneCore static resource missing: run npm run build first');
  }
  await buildWorkbench();
  const sipSecret = randomBytes(24).toString('base64url');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-workbench-'));
  const [sip, browser] = await Promise.all([
    startKamailio({ name: 'bench-workbench', auth: { kind: 'ephemeral', secret: sipSecret } }),
    launchChromium(),
  ]);
  // Lightning Web Security stays the server's default (on); a page opts out with ?lws=off (B10).
  const web = await startWorkbenchServer({ sip, sipSecret, dataDir, lws: true });
  return {
    sip,
    web,
    browser,
    sipSecret,
    async stop() {
      await browser.close().catch(() => undefined);
      await web.close();
      await sip.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Rejects with `label` once `ms` have passed: no bench wait is unbounded. */
export function within<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms: ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Polls `probe` until it gives a value, every `everyMs`; rejects after `ms`. */
export async function poll<T>(label: string, probe: () => Promise<T | undefined>, ms = 15_000, everyMs = 10) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms: ${label}`);
    await new Promise((ok) => setTimeout(ok, everyMs));
  }
}

/** A page in `context` whose errors are collected (a bench page error fails the figure, never hangs it). */
export async function benchPage(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

/** The time of a User Timing mark in `page` (ms from its navigation start), once it exists. */
export function markTime(page: Page, name: string, ms = 15_000): Promise<number> {
  return poll(
    `mark ${name}`,
    () => page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime, name),
    ms,
  );
}
