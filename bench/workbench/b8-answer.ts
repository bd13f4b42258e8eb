// B8: the agent clicks Answer → audio flows both ways (the first sound heard on the agent's page and on the
// caller's), the softphone LWC on the workbench agent page (LWS on) against a bare SIP.js page answering the
// same call from the same caller, in the same run. Each page's microphone is a steady tone (withTone) and
// its first sound is the first 5 ms window of what it plays whose RMS passes 0.01 (page-clocks.ts).
import type { Browser, Page } from 'playwright-core';
import { button, call, customerState, softphone, withTone } from '../../test/support/journeys';
import { median, p95, ratio, round, summary, type Figure } from '../figure';
import type { BareServer } from './bare-server';
import { markTime, within, type WorkbenchLab } from './lab';
import { firstSound, installClocks, lastClick, watchFirstSound } from './page-clocks';

const ANSWERS = Number(process.env.BENCH_B8_CALLS ?? 12);
const CALLER = 'caller8';
const BARE_USER = 'bare8';

interface Answer {
  /** Click → first sound on the answering page, and on the caller's. */
  answerer: number;
  caller: number;
}

async function tonePage(browser: Browser, url: string, hz: number, errors: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  await withTone(page, hz);
  await installClocks(page);
  await page.goto(url);
  return page;
}

/** Arms both pages' ears, clicks Answer on `answerer`, and times the first sound on each. */
async function timeAnswer(answerer: Page, caller: Page, click: () => Promise<void>): Promise<Answer> {
  await watchFirstSound(answerer, true);
  await watchFirstSound(caller, false);
  await click();
  const clicked = await lastClick(answerer);
  const [heardByAnswerer, heardByCaller] = await Promise.all([firstSound(answerer), firstSound(caller)]);
  return { answerer: heardByAnswerer - clicked, caller: heardByCaller - clicked };
}

async function hangUp(caller: Page): Promise<void> {
  // page.evaluate has no timeout of its own.
  await within(
    caller
      .locator('wb-phone')
      .evaluate((phone) => (phone as HTMLElement & { hangup(): Promise<void> }).hangup()),
    10_000,
    'the phone to hang up',
  );
  await customerState(caller, 'idle');
}

async function answerOnSoftphone(agent: Page, caller: Page): Promise<Answer> {
  await call(caller, '1001');
  const incoming = softphone(agent).locator('[data-id="incoming"]');
  await incoming.waitFor();
  const answer = await timeAnswer(agent, caller, () => button(incoming, 'answer').click());
  await hangUp(caller);
  const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
  await button(wrapUp, 'save').click();
  await wrapUp.waitFor({ state: 'detached' });
  return answer;
}

async function answerOnBare(bare: Page, caller: Page): Promise<Answer> {
  await call(caller, BARE_USER);
  const answerButton = bare.locator('button[data-id="answer"]:not([disabled])');
  await answerButton.waitFor();
  const answer = await timeAnswer(bare, caller, () => answerButton.click());
  await hangUp(caller);
  return answer;
}

export interface AnswerSamples {
  softphone: Answer[];
  bare: Answer[];
}

/** Calls alternate between the softphone agent and the bare page; the first of each is a warm-up. */
export async function measureAnswers(lab: WorkbenchLab, bareServer: BareServer): Promise<AnswerSamples> {
  const errors: string[] = [];
  const caller = await tonePage(lab.browser, `${lab.web.url}/phone.html?user=${CALLER}`, 660, errors);
  const agent = await tonePage(lab.browser, `${lab.web.url}/agent.html?agent=1`, 440, errors);
  const bare = await tonePage(lab.browser, `${bareServer.url}/?user=${BARE_USER}`, 440, errors);
  try {
    await caller.locator('wb-phone [data-status="registered"]').waitFor();
    await markTime(agent, 'softphone:registered');
    await markTime(bare, 'bare:registered');
    const samples: AnswerSamples = { softphone: [], bare: [] };
    for (let i = -1; i < ANSWERS; i++) {
      const viaSoftphone = await answerOnSoftphone(agent, caller);
      const viaBare = await answerOnBare(bare, caller);
      if (i < 0) continue;
      samples.softphone.push(viaSoftphone);
      samples.bare.push(viaBare);
    }
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return samples;
  } finally {
    await Promise.all([caller, agent, bare].map((p) => p.context().close()));
  }
}

const bothWays = (answers: Answer[]) => answers.map((a) => Math.max(a.answerer, a.caller));

export function b8({ softphone: soft, bare }: AnswerSamples): Figure {
  const value = median(bothWays(soft));
  const base = median(bothWays(bare));
  const r = ratio(value, base);
  return {
    id: 'B8',
    name: 'answer to audio: click on Answer → sound heard on both pages (workbench, LWS on), median',
    unit: 'ms',
    value: round(value),
    baseline: round(base),
    ratio: r,
    goal: 'ratio <= 1.10',
    pass: r <= 1.1,
    detail: {
      softphone: summary(bothWays(soft)),
      bare: summary(bothWays(bare)),
      p95Ratio: ratio(p95(bothWays(soft)), p95(bothWays(bare))),
      heardByAgent: summary(soft.map((a) => a.answerer)),
      heardByCallerOfAgent: summary(soft.map((a) => a.caller)),
      heardByBare: summary(bare.map((a) => a.answerer)),
      heardByCallerOfBare: summary(bare.map((a) => a.caller)),
    },
    samples: { softphone: bothWays(soft), 'bare SIP.js': bothWays(bare) },
  };
}
