// A conference of real SIP calls in Chromium: the agent's SipPhone calls each party through Kamailio and
// mixes them with the host's CallConference (mix-minus). Every page's microphone is a tone of its own,
// so the measured spectrum of what each one hears shows it hears everyone else and not itself.
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { serveHarness, type HarnessPage } from '../support/harness-page';
import { useKamailio } from '../support/kamailio-fixture';
import { AGENT_HZ, AUDIBLE_DB, expectMixMinus, PARTY_HZ, type HeardLevels } from '../support/mix-minus';
import type { SipPhoneHarness } from './harness/sip-phone-harness';

declare const harness: SipPhoneHarness;

const users = { agent: 'agent-pw', bob: 'bob-pw', carol: 'carol-pw', dave: 'dave-pw', erin: 'erin-pw' };
type User = keyof typeof users;
const server = useKamailio({ auth: { kind: 'digest', users } });

// Tones of its own, free of intermodulation: with 440, 570, 770, 1010 and 1230 Hz, 440 + 570 = 1010 Hz put
// codec products on dave's own tone, and a loaded clean run read his own-voice margin under the 30 dB.
const tones: Record<User, number> = {
  agent: AGENT_HZ,
  bob: PARTY_HZ[0],
  carol: PARTY_HZ[1],
  dave: PARTY_HZ[2],
  erin: PARTY_HZ[3],
};
/** Near carol's tone, and no tone, harmonic or 2nd/3rd-order product of the others once she left is within
 * 40 Hz of it (the nearest is 1580 − 440 = 1140 Hz). */
const NOBODY_HZ = 1100;
/** How far apart the codec noise of two nearby frequencies can read (four averaged windows each). */
const NOISE_SPREAD_DB = 6;

let browser: Browser;
let page: HarnessPage;
const contexts: BrowserContext[] = [];
let agent: Page;
/** Each party's page and the Call-ID of its call with the agent, on both sides. */
const parties = new Map<User, { page: Page; callId: string; agentCallId: string }>();

async function openPhone(user: User, autoAnswer: boolean): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const p = await context.newPage();
  await p.goto(page.url);
  await p.waitForFunction(() => document.title === 'ready');
  const { wsUrl, domain } = server();
  await p.evaluate((s) => harness.start(s), {
    server: wsUrl,
    domain,
    user,
    password: users[user],
    frequency: tones[user],
    autoAnswer,
  });
  return p;
}

async function addParty(user: User): Promise<void> {
  const party = await openPhone(user, true);
  const { callId: agentCallId } = await agent.evaluate((u) => harness.dial(u), user);
  const callId = await party.evaluate(() => harness.incoming());
  await agent.evaluate((id) => harness.join(id), agentCallId);
  parties.set(user, { page: party, callId, agentCallId });
}

async function removeParty(user: User): Promise<void> {
  const party = parties.get(user)!;
  await agent.evaluate((id) => harness.leave(id), party.agentCallId);
  await agent.evaluate((id) => harness.hangUp(id), party.agentCallId);
  parties.delete(user);
}

/** For each listener (agent and parties), its level in dB at every participant's tone. */
async function spectrum(): Promise<HeardLevels> {
  await agent.waitForTimeout(2500);
  const everyone: User[] = ['agent', ...parties.keys()];
  const frequencies = everyone.map((u) => tones[u]);
  const table: HeardLevels = {};
  const row = (levels: number[]) => Object.fromEntries(everyone.map((u, i) => [u, levels[i]!]));
  table.agent = row(await agent.evaluate((f) => harness.agentLevels(f), frequencies));
  for (const [user, party] of parties) {
    table[user] = row(
      await party.page.evaluate(([id, f]) => harness.levels(id, f), [party.callId, frequencies] as const),
    );
  }
  return table;
}

beforeAll(async () => {
  [browser, page] = await Promise.all([
    launchChromium(),
    serveHarness(resolve(__dirname, 'harness/sip-phone-harness.ts')),
  ]);
  agent = await openPhone('agent', false);
});
afterAll(async () => {
  for (const context of contexts) {
    await Promise.all(context.pages().map((p) => p.evaluate(() => harness.stop()).catch(() => undefined)));
  }
  await browser?.close();
  await page?.close();
});

describe('conference of real SIP calls, mixed in the agent’s browser', () => {
  test('3 people: the agent and two callees each hear the other two and not themselves', async () => {
    await addParty('bob');
    await addParty('carol');
    const heard = await spectrum();
    process.stdout.write(`3-party spectrum (dB):\n${JSON.stringify(heard)}\n`);
    expect(Object.keys(heard)).toEqual(['agent', 'bob', 'carol']);
    expectMixMinus(heard);
  });

  test('5 people: with two more callees, everyone hears the other four and not themselves', async () => {
    await addParty('dave');
    await addParty('erin');
    const heard = await spectrum();
    process.stdout.write(`5-party spectrum (dB):\n${JSON.stringify(heard)}\n`);
    expect(Object.keys(heard)).toEqual(['agent', 'bob', 'carol', 'dave', 'erin']);
    expectMixMinus(heard);
  });

  test('removing one party leaves the others connected and hearing each other', async () => {
    await removeParty('carol');
    const heard = await spectrum();
    expect(Object.keys(heard)).toEqual(['agent', 'bob', 'dave', 'erin']);
    expectMixMinus(heard);
    expect(await agent.evaluate(() => harness.callIds().length)).toBe(3);
  });

  // This once measured carol at -38 dB after she left: not a leak but the analyser's smoothing, which
  // blends each reading with the previous one (-6 dB per reading whatever the time between). The harness
  // now reads fresh windows only. What a party receives is Opus-coded: at a frequency nobody plays it
  // still carries the codec's noise (about -70 dB next to three tones), so "not heard" means no louder
  // than that noise at a nearby frequency no tone or intermodulation product of the others falls on.
  test('the party that left is heard by nobody any more: her tone is down to the noise of a frequency nobody plays', async () => {
    await agent.waitForTimeout(1000);
    const frequencies = [tones.carol, NOBODY_HZ];
    const heard: Record<string, { carol: number; nobody: number }> = {};
    const record = (listener: string, [carol, nobody]: number[]) => {
      heard[listener] = { carol: carol!, nobody: nobody! };
    };
    record('agent', await agent.evaluate((f) => harness.agentLevels(f), frequencies));
    for (const [user, party] of parties) {
      record(
        user,
        await party.page.evaluate(([id, f]) => harness.levels(id, f), [party.callId, frequencies] as const),
      );
    }
    process.stdout.write(
      `carol's tone after she left, and the noise at ${NOBODY_HZ} Hz (dB): ${JSON.stringify(heard)}\n`,
    );
    for (const [listener, { carol, nobody }] of Object.entries(heard)) {
      expect({ listener, heardCarol: carol > nobody + NOISE_SPREAD_DB || carol > AUDIBLE_DB }).toEqual({
        listener,
        heardCarol: false,
      });
    }
  });
});
