// B9 in headless Chromium: call setup (dial → remote answered) of the softphone core with a TURN server in its
// ICE servers, against the same core without ICE servers, calls alternated. The bench starts its own
// Kamailio and Debian's coturn (one static user, a free loopback port) as child processes and stops them by
// PID. Candidate gathering is made to take as long as on the internet by a UDP relay in front of coturn that
// holds every datagram DELAY_MS each way (test/support/udp-delay.ts; this kernel has no netem qdisc). Bare
// SIP.js pages with and without the same TURN server show what gathering costs a call that does not gather
// ahead. The callee is a bare page without ICE servers answering at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startKamailio, type KamailioServer } from '../scripts/sip-server/kamailio';
import { startTurn } from '../sip-edge/turn';
import { launchChromium } from '../test/support/browser';
import { serveHarness } from '../test/support/harness-page';
import { udpDelay } from '../test/support/udp-delay';
import { median, p95, round, summary, type Figure } from './figure';
import type { CallPage, PageStart } from './pages/call-page';

declare const bench: CallPage;

const CALLS = Number(process.env.BENCH_B9_CALLS ?? 30);
const BARE_CALLS = Number(process.env.BENCH_B9_BARE_CALLS ?? 12);
const WARM_UP = 2;
/** One way, to and from the TURN server: a 100 ms round trip, a TURN server in another region. */
const DELAY_MS = 50;
/** The softphone's default gathering cap, as in B1. */
const ICE_GATHERING_TIMEOUT_MS = 500;
const USERS = { agent: 'a-pw', 'agent-turn': 'at-pw', bare: 'b-pw', 'bare-turn': 'bt-pw', '1001': 'c-pw' };
const TURN_USER = { name: 'bench', password: 'bench-turn-pw' };

type Start = Omit<PageStart, 'iceGatheringTimeoutMs' | 'server' | 'domain' | 'password'> & {
  user: keyof typeof USERS;
};

async function openPage(browser: Browser, url: string, server: KamailioServer, start: Start): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'ready');
  const options: PageStart = {
    ...start,
    server: server.wsUrl,
    domain: server.domain,
    password: USERS[start.user],
    iceGatheringTimeoutMs: ICE_GATHERING_TIMEOUT_MS,
  };
  await page.evaluate((o) => bench.start(o), options);
  return page;
}

const call = (page: Page) => page.evaluate(() => bench.call('1001'));

interface Samples {
  softphone: number[];
  softphoneTurn: number[];
  bare: number[];
  bareTurn: number[];
  /** Microphone tracks still open on the TURN softphone page after a call, summed over its calls. */
  openMicrophones: number;
}

async function measure(pages: Record<'softphone' | 'softphoneTurn' | 'bare' | 'bareTurn', Page>) {
  const s: Samples = { softphone: [], softphoneTurn: [], bare: [], bareTurn: [], openMicrophones: 0 };
  for (let i = 0; i < WARM_UP + CALLS; i++) {
    const counted = i >= WARM_UP;
    const plain = await call(pages.softphone);
    const turn = await call(pages.softphoneTurn);
    s.openMicrophones += await pages.softphoneTurn.evaluate(() => bench.openMicrophones());
    if (counted) s.softphone.push(plain);
    if (counted) s.softphoneTurn.push(turn);
    if (i >= WARM_UP + BARE_CALLS) continue;
    const bare = await call(pages.bare);
    const bareTurn = await call(pages.bareTurn);
    if (counted) s.bare.push(bare);
    if (counted) s.bareTurn.push(bareTurn);
  }
  return s;
}

function b9(s: Samples, offers: string[], turnUrl: string): Figure {
  const value = median(s.softphoneTurn);
  const base = median(s.softphone);
  const r = round(value / base, 3);
  const measured = offers.slice(-CALLS);
  return {
    id: 'B9',
    name: 'call setup with a TURN server 100 ms away: dial → remote answered (Chromium, WebRTC), median',
    unit: 'ms',
    value: round(value),
    baseline: round(base),
    ratio: r,
    goal: 'ratio <= 1.10 (TURN configured vs none)',
    pass: r <= 1.1 && s.openMicrophones === 0,
    detail: {
      delayMsEachWay: DELAY_MS,
      turnRoundTripMs: 2 * DELAY_MS,
      delayedBy:
        'userspace UDP relay in front of coturn (test/support/udp-delay.ts): no netem in this kernel',
      turn: `coturn (Debian) ${turnUrl}, one static user`,
      softphoneTurn: summary(s.softphoneTurn),
      softphone: summary(s.softphone),
      p95Ratio: round(p95(s.softphoneTurn) / p95(s.softphone), 3),
      bareTurn: summary(s.bareTurn),
      bare: summary(s.bare),
      bareRatio: round(median(s.bareTurn) / median(s.bare), 3),
      offersWithRelayCandidate: `${measured.filter((o) => / typ relay /.test(o)).length}/${measured.length}`,
      microphonesOpenBetweenCalls: s.openMicrophones,
      iceGatheringTimeoutMs: ICE_GATHERING_TIMEOUT_MS,
    },
  };
}

export async function benchTurn(): Promise<Figure> {
  const runDir = mkdtempSync(join(tmpdir(), 'bench-b9-'));
  const server = await startKamailio({ name: 'bench-b9', auth: { kind: 'digest', users: USERS } });
  const turn = await startTurn({ user: TURN_USER, realm: server.domain, ip: '127.0.0.1', runDir });
  const delay = await udpDelay({ host: '127.0.0.1', port: turn.port }, DELAY_MS);
  const harness = await serveHarness(resolve(__dirname, 'pages/call-page.ts'));
  const browser = await launchChromium();
  try {
    const turnUrl = `turn:127.0.0.1:${delay.port}?transport=udp`;
    const iceServers = [{ urls: turnUrl, username: TURN_USER.name, credential: TURN_USER.password }];
    const open = (start: Start) => openPage(browser, harness.url, server, start);
    await open({ kind: 'bare', user: '1001', answer: true });
    const pages = {
      softphone: await open({ kind: 'softphone', user: 'agent' }),
      softphoneTurn: await open({ kind: 'softphone', user: 'agent-turn', iceServers }),
      bare: await open({ kind: 'bare', user: 'bare', answer: false }),
      bareTurn: await open({ kind: 'bare', user: 'bare-turn', answer: false, iceServers }),
    };
    const samples = await measure(pages);
    const offers = await pages.softphoneTurn.evaluate(() => bench.sentInvites());
    // Only the authenticated INVITE of each call (the first is challenged) counts once per call.
    const answered = offers.filter((o) => /^Proxy-Authorization:/im.test(o));
    return b9(samples, answered, turnUrl);
  } finally {
    await browser.close();
    await harness.close();
    await delay.close();
    await turn.stop();
    await server.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}
