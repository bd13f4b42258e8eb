// Click-to-dial latency (issue 15 item 0): from the agent's click on a phone field of a record page (the
// workbench emulator delivers it to the Open CTI bridge page's onClickToDial, which posts it to the
// utility: ADR 0007) to the INVITE arriving at the called phone, against the same softphone dialling the same
// number from its own dial field, in the same run. Both with Lightning Web Security and without it (B10).
import type { Browser, Locator, Page } from 'playwright-core';
import { CLICK_TO_DIAL_LIMIT } from '../../src/call';
import { button, softphone, utilityButton } from '../../test/support/journeys';
import { installClocks, inviteAfter, invitesSeen, lastClick } from './page-clocks';
import { markTime, within, type WorkbenchLab } from './lab';

const DIALS = Number(process.env.BENCH_DIAL_CALLS ?? 12);
const ALICE = '003WB0000000001YAA';
const ALICE_PHONE = '(415) 555-0101';
/** Alice's phone as the softphone dials it: a workbench phone registered as that user receives the INVITE. */
const ALICE_SIP_USER = '4155550101';

export interface DialSamples {
  clickToDial: number[];
  dialField: number[];
}

async function openPage(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  await installClocks(page);
  await page.goto(url);
  return page;
}

export async function calledPhone(lab: WorkbenchLab, errors: string[]): Promise<Page> {
  const page = await openPage(lab.browser, `${lab.web.url}/phone.html?user=${ALICE_SIP_USER}`, errors);
  await page.locator('wb-phone [data-status="registered"]').waitFor();
  return page;
}

/** Agent 1's page, registered, showing Alice's record (whose phone is click-to-dial). */
export async function agentOnAlice(lab: WorkbenchLab, lws: boolean, errors: string[]): Promise<Page> {
  const page = await openPage(
    lab.browser,
    `${lab.web.url}/agent.html?agent=1${lws ? '' : '&lws=off'}`,
    errors,
  );
  await markTime(page, 'softphone:registered');
  await page.evaluate((id) => (location.hash = `#/record/${id}`), ALICE);
  await page.locator('body[data-click-to-dial="true"]').waitFor();
  return page;
}

/** The called phone declines; the agent dismisses the call's result, so the phone is idle for the next dial. */
async function endCall(agent: Page, called: Page): Promise<void> {
  // page.evaluate has no timeout of its own.
  await within(
    called
      .locator('wb-phone')
      .evaluate((phone) => (phone as HTMLElement & { hangup(): Promise<void> }).hangup()),
    10_000,
    'the phone to hang up',
  );
  await called.locator('wb-phone [data-call-state="idle"]').waitFor();
  const dismiss = button(softphone(agent), 'dismiss');
  await dismiss.click();
  await dismiss.waitFor({ state: 'detached' });
}

/** One dial: `click` clicks; resolves with ms from that click to the INVITE at the called phone. */
async function timeDial(agent: Page, called: Page, click: () => Promise<void>): Promise<number> {
  const seen = await invitesSeen(called);
  await click();
  const clicked = await lastClick(agent);
  const arrived = await inviteAfter(called, seen).catch(async (error: unknown) => {
    // What the agent saw, so a failed dial says where it stopped.
    const shown = await within(softphone(agent).innerText(), 5000, 'the softphone text').catch(() => '?');
    throw new Error(`${String(error)}; the softphone showed: ${shown.replace(/\s+/g, ' ').slice(0, 300)}`);
  });
  await endCall(agent, called);
  return arrived - clicked;
}

const phoneField = (agent: Page): Locator =>
  agent.locator(`[data-record-page="${ALICE}"] [data-click-to-dial="${ALICE_PHONE}"]`).first();

async function dialFromField(agent: Page): Promise<void> {
  if ((await utilityButton(agent).getAttribute('aria-expanded')) !== 'true')
    await utilityButton(agent).click();
  const search = softphone(agent).locator('[data-id="idle"]');
  await search.locator('[data-id="dial-input"] input').fill(ALICE_SIP_USER);
  await button(search, 'dial-button').click();
}

/**
 * The phone refuses a burst of click-to-dials (src/call/click-to-dial-limit.ts): the bench clicks no faster
 * than the rule allows, so every click is dialled.
 */
const CLICK_SPACING_MS = CLICK_TO_DIAL_LIMIT.windowMs / CLICK_TO_DIAL_LIMIT.maxRequests + 100;

/** Alternates click-to-dial and the dial field on one agent page; the first of each is a warm-up. */
export async function measureDials(agent: Page, called: Page, dials = DIALS): Promise<DialSamples> {
  const samples: DialSamples = { clickToDial: [], dialField: [] };
  let lastClickToDial = 0;
  for (let i = -1; i < dials; i++) {
    const spacing = lastClickToDial + CLICK_SPACING_MS - Date.now();
    if (spacing > 0) await new Promise((ok) => setTimeout(ok, spacing));
    lastClickToDial = Date.now();
    const viaClick = await timeDial(agent, called, () => phoneField(agent).click());
    const viaField = await timeDial(agent, called, () => dialFromField(agent));
    if (i < 0) continue;
    samples.clickToDial.push(viaClick);
    samples.dialField.push(viaField);
  }
  return samples;
}
