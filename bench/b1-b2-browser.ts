// B1 and B2 in headless Chromium with real WebRTC through Kamailio (no media relay, loopback ICE).
// B1: dial command → remote answered, the softphone core against a bare SIP.js Inviter page with the
//     same ICE settings (no ICE servers, the softphone's default 500 ms gathering cap), calls alternated.
// B2: INVITE arrival on the agent's WebSocket → the view model shows the call ringing and the CRM contact
//     search is issued, against a bare SIP.js page's INVITE arrival → onInvite.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { KamailioServer } from '../scripts/sip-server/kamailio';
import { launchChromium } from '../test/support/browser';
import { serveHarness } from '../test/support/harness-page';
import { median, p95, round, rounded, summary, type Figure } from './figure';
import { USERS } from './lab';
import type { CallPage, IncomingTiming, PageStart } from './pages/call-page';

declare const bench: CallPage;

const CALLS = Number(process.env.BENCH_B1_CALLS ?? 30);
const OFFERS = Number(process.env.BENCH_B2_CALLS ?? 30);
const WARM_UP = 2;
const ICE_GATHERING_TIMEOUT_MS = 500;

async function openPage(browser: Browser, url: string, start: Omit<PageStart, 'iceGatheringTimeoutMs'>) {
  const page = await (await browser.newContext()).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'ready');
  await page.evaluate((o) => bench.start(o), { ...start, iceGatheringTimeoutMs: ICE_GATHERING_TIMEOUT_MS });
  return { page, errors };
}

const call = (page: Page, user: string) => page.evaluate((u) => bench.call(u), user);
const offer = (page: Page, user: string) => page.evaluate((u) => bench.offer(u), user);
const incoming = (page: Page) => page.evaluate(() => bench.incoming());

function b1(softphoneMs: number[], bareMs: number[]): Figure {
  const value = median(softphoneMs);
  const base = median(bareMs);
  const r = round(value / base, 3);
  return {
    id: 'B1',
    name: 'call setup: dial → remote answered (Chromium, WebRTC, Kamailio), median',
    unit: 'ms',
    value: round(value),
    baseline: round(base),
    ratio: r,
    goal: 'ratio <= 1.10',
    pass: r <= 1.1,
    detail: {
      softphone: summary(softphoneMs),
      bare: summary(bareMs),
      p95Ratio: round(p95(softphoneMs) / p95(bareMs), 3),
      iceGatheringTimeoutMs: ICE_GATHERING_TIMEOUT_MS,
      iceServers: 'none (loopback host candidates)',
    },
    samples: { softphone: rounded(softphoneMs), 'bare SIP.js': rounded(bareMs) },
  };
}

function b2(softphone: IncomingTiming[], bare: IncomingTiming[]): Figure {
  const shown = softphone.map((t) => Math.max(t.ringing, t.searched ?? Number.NaN) - t.arrived);
  const bareMs = bare.map((t) => t.ringing - t.arrived);
  const value = p95(shown);
  const base = p95(bareMs);
  const overhead = value - base;
  return {
    id: 'B2',
    name: 'incoming call: INVITE arrival → ringing view and contact search issued, p95',
    unit: 'ms',
    value: round(value),
    baseline: round(base),
    ratio: round(value / base, 3),
    goal: 'p95 - baseline p95 <= 50 ms',
    pass: Number.isFinite(overhead) && overhead <= 50,
    detail: {
      softphoneRingingAndSearched: summary(shown),
      softphoneRinging: summary(softphone.map((t) => t.ringing - t.arrived)),
      bareOnInvite: summary(bareMs),
      missingSearch: softphone.filter((t) => t.searched === undefined).length,
      scope:
        'the core view model in the page, not the LWC DOM: the LWC renders from this view model one ' +
        'render cycle later (not measured here)',
    },
    samples: { softphone: rounded(shown), 'bare SIP.js': rounded(bareMs) },
  };
}

export async function benchBrowser(server: KamailioServer): Promise<Figure[]> {
  const harness = await serveHarness(resolve(__dirname, 'pages/call-page.ts'));
  const browser = await launchChromium();
  try {
    const common = { server: server.wsUrl, domain: server.domain };
    const callee = await openPage(browser, harness.url, {
      ...common,
      kind: 'bare',
      user: '1001',
      password: USERS['1001'],
      answer: true,
    });
    const decliner = await openPage(browser, harness.url, {
      ...common,
      kind: 'bare',
      user: '1002',
      password: USERS['1002'],
      answer: false,
    });
    const agent = await openPage(browser, harness.url, {
      ...common,
      kind: 'softphone',
      user: 'agent',
      password: USERS.agent,
    });
    const bare = await openPage(browser, harness.url, {
      ...common,
      kind: 'bare',
      user: 'bare',
      password: USERS.bare,
      answer: false,
    });

    // B1: the first call of each page opens the microphone (getUserMedia): warm-up, not counted.
    const softphoneMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < WARM_UP + CALLS; i++) {
      const s = await call(agent.page, '1001');
      const b = await call(bare.page, '1001');
      if (i >= WARM_UP) {
        softphoneMs.push(s);
        bareMs.push(b);
      }
    }

    // B2: the bare page offers calls alternately to the softphone agent and to a bare agent; both decline.
    for (let i = 0; i < WARM_UP + OFFERS; i++) {
      await offer(bare.page, 'agent');
      await offer(bare.page, '1002');
    }
    const softphoneIncoming = (await incoming(agent.page)).slice(WARM_UP);
    const bareIncoming = (await incoming(decliner.page)).slice(WARM_UP);

    const errors = [callee, decliner, agent, bare].flatMap((p) => p.errors);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    for (const p of [agent, bare, callee, decliner]) await p.page.evaluate(() => bench.stop());
    return [b1(softphoneMs, bareMs), b2(softphoneIncoming, bareIncoming)];
  } finally {
    await browser.close();
    await harness.close();
  }
}
