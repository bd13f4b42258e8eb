// Kamailio killed and restarted under the softphone core in Chromium (real WebRTC, no media relay):
// mid-call, the agent reconnects and re-registers within 10 s, the call keeps its media and can still be
// held, resumed and hung up; while a call rings, the lost WebSocket ends it for the agent at once.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CallPage } from '../../bench/pages/call-page';
import { launchChromium } from '../support/browser';
import { openCallPage } from '../support/call-pages';
import { serveHarness, type HarnessPage } from '../support/harness-page';
import { useKamailio } from '../support/kamailio-fixture';

declare const bench: CallPage;

const USERS = { agent: 'agent-pw', '1001': 'customer-pw' };
const server = useKamailio({ auth: { kind: 'digest', users: USERS } });

let browser: Browser;
let harness: HarnessPage;
let agent: Page;
let customer: Page;
const pageErrors: string[] = [];

const openPage = (start: Parameters<typeof openCallPage>[3]) =>
  openCallPage(browser, harness, server(), start, pageErrors);

const registration = () => agent.evaluate(() => bench.view()?.registration);
const bytes = (callId: string) => agent.evaluate((id) => bench.bytesReceived(id), callId);
const status = (callId: string) =>
  agent.evaluate((id) => bench.view()?.calls.find((c) => c.callId === id)?.status, callId);

async function restartKamailio(): Promise<number> {
  await server().restart();
  const restarted = Date.now();
  await agent.waitForFunction(() => bench.view()?.registration !== 'registered', undefined, {
    timeout: 10_000,
  });
  await agent.waitForFunction(() => bench.view()?.registration === 'registered', undefined, {
    timeout: 15_000,
  });
  return Date.now() - restarted;
}

beforeAll(async () => {
  [browser, harness] = await Promise.all([
    launchChromium(),
    serveHarness(resolve(__dirname, '../../bench/pages/call-page.ts')),
  ]);
  agent = await openPage({ kind: 'softphone', user: 'agent', password: USERS.agent });
  // The customer is a softphone too: a bare SIP.js agent never reconnects, and in-dialog requests need both
  // ends back on the server.
  customer = await openPage({ kind: 'softphone', user: '1001', password: USERS['1001'] });
  await customer.evaluate(() => bench.onIncoming('answer'));
});
afterAll(async () => {
  await agent?.evaluate(() => bench.stop()).catch(() => undefined);
  await customer?.evaluate(() => bench.stop()).catch(() => undefined);
  await browser?.close();
  await harness?.close();
});

describe('Kamailio restarted under a browser agent', () => {
  test('mid-call: re-registered within 10 s, the call stays live with its audio, then holds, resumes and hangs up', async () => {
    const callId = await agent.evaluate(() => bench.dial('1001'));
    await agent.waitForTimeout(500);
    const before = await bytes(callId);
    expect(before).toBeGreaterThan(0);

    expect(await restartKamailio()).toBeLessThan(10_000);
    expect(await registration()).toBe('registered');
    const after = await bytes(callId);
    await agent.waitForTimeout(1000);
    expect(await bytes(callId)).toBeGreaterThan(after);
    expect(await status(callId)).toBe('live');

    // After the restart both ends re-INVITE at once (ICE restart): the call can still be held, resumed and
    // ended. On hold the agent no longer receives the customer's audio (the customer answered recvonly).
    const lineIs = (want: string) =>
      agent.waitForFunction(
        ([id, s]) => bench.view()?.calls.find((c) => c.callId === id)?.status === s,
        [callId, want] as const,
        { timeout: 10_000 },
      );
    await agent.evaluate((id) => bench.send({ type: 'ui.hold', callId: id }), callId);
    await lineIs('held');
    await agent.waitForTimeout(800);
    const held = await bytes(callId);
    await agent.waitForTimeout(800);
    expect((await bytes(callId)) - held).toBeLessThan(500);

    await agent.evaluate((id) => bench.send({ type: 'ui.resume', callId: id }), callId);
    await lineIs('live');
    const resumed = await bytes(callId);
    await agent.waitForTimeout(1000);
    expect((await bytes(callId)) - resumed).toBeGreaterThan(2000);

    // The BYE reaches the customer: its call ends too.
    expect(await customer.evaluate(() => bench.view()?.calls.some((c) => c.status === 'live'))).toBe(true);
    await agent.evaluate((id) => bench.send({ type: 'ui.hangup', callId: id }), callId);
    await customer.waitForFunction(
      () => (bench.view()?.calls ?? []).every((c) => c.status !== 'live'),
      undefined,
      {
        timeout: 10_000,
      },
    );
    await agent.waitForFunction(() => (bench.view()?.calls ?? []).every((c) => c.status !== 'live'));
  });

  test('while ringing: the lost WebSocket ends the ringing call for the agent at once', async () => {
    await agent.evaluate(() => bench.onIncoming('ring'));
    const ringing = agent.waitForFunction(() => bench.view()?.calls.some((c) => c.status === 'ringing'));
    const dialled = customer
      .evaluate((domain) => bench.dial(`sip:agent@${domain}`), server().domain)
      .catch(() => 'not answered');
    await ringing;

    await restartKamailio();
    // The agent is not left ringing a call that can no longer be answered. (The caller's side stays
    // "dialing" until SIP.js's INVITE transaction times out, 32 s: reported, not asserted.)
    const ended = Date.now();
    await agent.waitForFunction(
      () => (bench.view()?.calls ?? []).every((c) => c.status !== 'ringing'),
      undefined,
      {
        timeout: 10_000,
      },
    );
    expect(Date.now() - ended).toBeLessThan(10_000);
    await expect(dialled).resolves.toBe('not answered');
    expect(await registration()).toBe('registered');
    expect(pageErrors).toEqual([]);
  });
});
