// Browser pages running bench/pages/call-page.ts (the softphone core or a bare SIP.js agent, no LWC)
// against the test's Kamailio, each in its own browser context: what the reliability tests drive.
import type { Browser, Page } from 'playwright-core';
import type { CallPage, PageStart } from '../../bench/pages/call-page';
import type { HarnessPage } from './harness-page';
import type { KamailioServer } from '../../scripts/sip-server/kamailio';

declare const bench: CallPage;

/** Opens a call page registered as `start.user`; its page errors go to `errors`. */
export async function openCallPage(
  browser: Browser,
  harness: HarnessPage,
  server: KamailioServer,
  start: Omit<PageStart, 'iceGatheringTimeoutMs' | 'server' | 'domain'>,
  errors: string[],
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(harness.url);
  await page.waitForFunction(() => document.title === 'ready');
  const { wsUrl, domain } = server;
  await page.evaluate((o) => bench.start(o), { ...start, server: wsUrl, domain, iceGatheringTimeoutMs: 200 });
  return page;
}
