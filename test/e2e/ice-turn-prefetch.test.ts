// Calls through a TURN server as far away as one on the internet (real coturn behind a 100 ms each-way UDP
// delay, test/support/udp-delay.ts), with the softphone core in Chromium: the TURN server is named in the
// ICE servers without credentials, as the admin's setting holds it, and takes the agent's time-limited SIP
// credentials. The next call's candidates are gathered while the phone is idle, without opening the
// microphone, so a call does not wait the TURN round trips.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { until } from '../../bench/figure';
import type { CallPage } from '../../bench/pages/call-page';
import { ephemeralCredentials } from '../../scripts/sip-server/kamailio';
import { startTurn, type TurnServer } from '../../sip-edge/turn';
import { launchChromium } from '../support/browser';
import { openCallPage } from '../support/call-pages';
import { serveHarness, type HarnessPage } from '../support/harness-page';
import { useKamailio } from '../support/kamailio-fixture';
import { udpDelay, type UdpDelay } from '../support/udp-delay';

declare const bench: CallPage;

const SECRET = 'ice-turn-prefetch-secret';
/** One way: a TURN allocation (two round trips) takes at least 400 ms, the pages' gathering cap is 200 ms. */
const DELAY_MS = 100;
const server = useKamailio({ auth: { kind: 'ephemeral', secret: SECRET } });

let runDir: string;
let turn: TurnServer;
let delay: UdpDelay;
let browser: Browser;
let harness: HarnessPage;
let agent: Page;
const pageErrors: string[] = [];
const agentCredentials = ephemeralCredentials(SECRET, 'agent', 3600);

/** The user names of the allocations coturn granted so far that match `user` (its verbose log). */
const allocations = (user: RegExp) =>
  readFileSync(turn.logFile, 'utf8')
    .split('\n')
    .filter((line) => /ALLOCATE processed, success/.test(line))
    .map((line) => / user <([^>]*)>/.exec(line)?.[1] ?? '')
    .filter((name) => user.test(name));

const turnServers = () => [{ urls: `turn:127.0.0.1:${delay.port}?transport=udp` }];

beforeAll(async () => {
  runDir = mkdtempSync(join(tmpdir(), 'ice-turn-'));
  turn = await startTurn({ secret: SECRET, realm: server().domain, ip: '127.0.0.1', runDir, verbose: true });
  delay = await udpDelay({ host: '127.0.0.1', port: turn.port }, DELAY_MS);
  [browser, harness] = await Promise.all([
    launchChromium(),
    serveHarness(resolve(__dirname, '../../bench/pages/call-page.ts')),
  ]);
  const customer = ephemeralCredentials(SECRET, '1001', 3600);
  await openCallPage(
    browser,
    harness,
    server(),
    { kind: 'bare', user: '1001', ...customer, answer: true },
    pageErrors,
  );
  agent = await openCallPage(
    browser,
    harness,
    server(),
    {
      kind: 'softphone',
      user: 'agent',
      ...agentCredentials,
      iceServers: turnServers(),
    },
    pageErrors,
  );
});
afterAll(async () => {
  await agent?.evaluate(() => bench.stop()).catch(() => undefined);
  await browser?.close();
  await harness?.close();
  await delay?.close();
  await turn?.stop();
  if (process.env.KEEP_TURN_LOG) process.stderr.write(readFileSync(turn.logFile, 'utf8'));
  if (runDir) rmSync(runDir, { recursive: true, force: true });
});

test("each call's offer carries a TURN relay candidate gathered before the dial, with no microphone open between calls", async () => {
  for (let call = 1; call <= 2; call++) {
    // Idle and registered: the relay for the coming call is already allocated with the agent's credentials.
    await until(() => allocations(/^\d+:agent$/).length >= call, 'a relay allocated for the agent', 5000, 20);
    expect(await agent.evaluate(() => bench.openMicrophones())).toBe(0);
    await agent.evaluate(() => bench.call('1001'));
    const offer = (await agent.evaluate(() => bench.sentInvites())).at(-1) ?? '';
    expect(offer).toMatch(/^a=candidate:\S+ 1 udp \d+ 127\.0\.0\.1 \d+ typ relay /m);
    // The call is over and cleared: its microphone went with it.
    expect(await agent.evaluate(() => bench.openMicrophones())).toBe(0);
  }
  expect(pageErrors).toEqual([]);
}, 60_000);

test('the relay gathered ahead is allocated again with each renewal of short-lived credentials', async () => {
  // Credentials of 4 s, minted by the page as Apex mints them and renewed at about 80 % of their lifetime.
  const page = await openCallPage(
    browser,
    harness,
    server(),
    { kind: 'softphone', user: 'renewing', password: SECRET, ttlSeconds: 4, iceServers: turnServers() },
    pageErrors,
  );
  try {
    // Three lifetimes, three user names: each spare was made with the credentials current at the time.
    const names = () => new Set(allocations(/^\d+:renewing$/)).size;
    await until(() => names() >= 3, 'relays allocated with three credentials', 15_000, 20);
    await page.evaluate(() => bench.call('1001'));
    const offer = (await page.evaluate(() => bench.sentInvites())).at(-1) ?? '';
    expect(offer).toMatch(/ typ relay /);
    expect(await page.evaluate(() => bench.openMicrophones())).toBe(0);
  } finally {
    await page.evaluate(() => bench.stop()).catch(() => undefined);
  }
  expect(pageErrors).toEqual([]);
}, 60_000);
