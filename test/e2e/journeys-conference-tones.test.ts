// OfficeConnect, "Adding a participant before they answer": "All participants hear ringing until the call is
// answered" and "All participants hear a busy signal". Measured on the customer's page as the other
// conference journeys measure (every page's microphone is a tone of its own): ringback is 440 + 480 Hz,
// busy 480 + 620 Hz, and no page's own tone is near either (the agent is not on AGENT_HZ, 440 Hz, here).
import type { Page } from 'playwright-core';
import {
  agentPage,
  button,
  call,
  customerPage,
  customerState,
  heardLevels,
  saveAdminSettings,
  softphone,
  until,
  useJourneys,
} from '../support/journeys';
import { AUDIBLE_DB, expectMixMinus, PARTY_HZ, type HeardLevels } from '../support/mix-minus';

useJourneys();
// Four customers on the agent's lines (the sample org allows two); the held customer hears silence, so
// the hold melody's B4 (494 Hz) never reads as ringback's 480 Hz.
beforeAll(() => saveAdminSettings({ maxLines: '4', holdMusic: false }));

const RINGBACK_HZ = [440, 480];
const BUSY_HZ = [480, 620];
const [CUSTOMER_HZ, PARTICIPANT_HZ, AGENT_TONE_HZ] = PARTY_HZ;
const CUSTOMER = '4155550101';
const PARTICIPANT = '4155550102';

/** Whether every one of these frequencies is audible on the page now. */
async function hears(page: Page, frequencies: number[]): Promise<number[] | undefined> {
  const levels = await heardLevels(page, frequencies);
  return levels.every((db) => db > AUDIBLE_DB) ? levels : undefined;
}

/** The loudest reading at these frequencies over `ms` (a tone off for the whole time reads below AUDIBLE_DB). */
async function loudestOver(page: Page, frequencies: number[], ms: number): Promise<number> {
  let loudest = -Infinity;
  for (const end = Date.now() + ms; Date.now() < end;) {
    loudest = Math.max(loudest, ...(await heardLevels(page, frequencies)));
  }
  return loudest;
}

/** The customer calls the agent, who answers, clicks Conference and dials the participant. */
async function conferenceDialling(agent: Page, customer: Page, number: string): Promise<void> {
  const phone = softphone(agent);
  await call(customer, '1001');
  const incoming = phone.locator('[data-id="incoming"]');
  await incoming.waitFor({ timeout: 15_000 });
  await button(incoming, 'answer').click();
  await customerState(customer, 'connected');
  await button(phone.locator('[data-id="active-call"]'), 'conference').click();
  await dialInConsultation(agent, number);
}

async function dialInConsultation(agent: Page, number: string): Promise<void> {
  const target = softphone(agent).locator('[data-id="consultation"] [data-id="consult-target"]');
  await target.locator('[data-id="dial-input"] input').fill(number);
  await button(target, 'dial-button').click();
}

async function merge(agent: Page): Promise<void> {
  const consultation = softphone(agent).locator('[data-id="consultation"]');
  await button(consultation, 'merge').click();
  await consultation.waitFor({ state: 'detached', timeout: 10_000 });
}

/** For each listener, its level in dB at each party's tone. */
async function spectrum(pages: Record<string, [Page, number]>): Promise<HeardLevels> {
  const names = Object.keys(pages);
  const frequencies = names.map((n) => pages[n]![1]);
  const heard: HeardLevels = {};
  for (const [listener, [page]] of Object.entries(pages)) {
    const levels = await heardLevels(page, frequencies);
    heard[listener] = Object.fromEntries(names.map((n, i) => [n, levels[i]!]));
  }
  return heard;
}

describe('adding a participant before they answer', () => {
  test("all participants hear ringing until the call is answered: ringback on the customer's and the agent's pages, gone once the participant answers and is heard", async () => {
    const agent = await agentPage(1, AGENT_TONE_HZ);
    const customer = await customerPage(CUSTOMER, CUSTOMER_HZ);
    const participant = await customerPage(PARTICIPANT, PARTICIPANT_HZ);
    await conferenceDialling(agent, customer, PARTICIPANT);
    await customerState(participant, 'ringing', 15_000);
    // "You can click the Conference icon at any time, even before the new participant answers."
    await merge(agent);

    const ringback = await until('the customer to hear ringback', () => hears(customer, RINGBACK_HZ), 15_000);
    const agentRingback = await until('the agent to hear ringback', () => hears(agent, RINGBACK_HZ), 15_000);
    process.stdout.write(`ringback 440/480 Hz (dB): customer ${ringback}, agent ${agentRingback}\n`);

    await participant.getByRole('button', { name: 'Answer' }).click();
    await customerState(participant, 'connected');
    // The answer reaches the agent's phone through the SIP server, and the customer hears the mix through
    // the codec and a jitter buffer, each reading spanning 0.7 s of audio: a clean run under load still read
    // the ring's last second (-39.6 dB) just after the participant's page said connected. So: the ring stops
    // within 3 s of the answer, then stays off for longer than one ringback period (2 s on, 4 s off), when a
    // ring still playing would have come round again.
    await until(
      'the ringback to stop after the answer',
      async () => (await heardLevels(customer, RINGBACK_HZ)).every((db) => db < AUDIBLE_DB) || undefined,
      3_000,
    );
    const after = await loudestOver(customer, RINGBACK_HZ, 7_000);
    process.stdout.write(`440/480 Hz on the customer's page after the answer, loudest in 7 s: ${after} dB\n`);
    expect(after).toBeLessThan(AUDIBLE_DB);
    const heard = await spectrum({
      agent: [agent, AGENT_TONE_HZ],
      customer: [customer, CUSTOMER_HZ],
      participant: [participant, PARTICIPANT_HZ],
    });
    process.stdout.write(`three-party conference after the answer (dB): ${JSON.stringify(heard)}\n`);
    expectMixMinus(heard);
  });

  test('all participants hear a busy signal when the new participant is on another call; it stops and the conference goes on', async () => {
    const agent = await agentPage(1, AGENT_TONE_HZ);
    const customer = await customerPage(CUSTOMER, CUSTOMER_HZ);
    const participant = await customerPage(PARTICIPANT, PARTICIPANT_HZ);
    // A third customer is on the phone with a fourth: their phone answers a new call 486 Busy Here.
    const [busyNumber, otherNumber] = ['3125550103', '4155550110'];
    const busy = await customerPage(busyNumber);
    const other = await customerPage(otherNumber);
    await conferenceDialling(agent, customer, PARTICIPANT);
    await customerState(participant, 'ringing', 15_000);
    await participant.getByRole('button', { name: 'Answer' }).click();
    await customerState(participant, 'connected');
    await merge(agent);
    await call(busy, otherNumber);
    await customerState(other, 'ringing', 15_000);
    await other.getByRole('button', { name: 'Answer' }).click();
    await customerState(busy, 'connected');

    const conference = softphone(agent).locator('[data-id="conference"]');
    await button(conference, 'add-participant').click();
    await dialInConsultation(agent, busyNumber);
    const started = Date.now();
    const signal = await until('the customer to hear the busy signal', () => hears(customer, BUSY_HZ), 5_000);
    process.stdout.write(`busy 480/620 Hz on the customer's page (dB): ${signal}\n`);
    await until(
      'the busy signal to stop',
      async () => (await loudestOver(customer, BUSY_HZ, 1_200)) < AUDIBLE_DB,
      15_000,
      0,
    );
    const stoppedAfter = Date.now() - started;
    process.stdout.write(`the busy signal stopped within ${stoppedAfter} ms of the dial\n`);
    expect(await loudestOver(customer, BUSY_HZ, 2_000)).toBeLessThan(AUDIBLE_DB);
    // The conference goes on: the customer, the first participant and the agent still hear each other.
    expect(await busy.locator('wb-phone [data-call-state="connected"]').count()).toBe(1);
    expectMixMinus(
      await spectrum({
        agent: [agent, AGENT_TONE_HZ],
        customer: [customer, CUSTOMER_HZ],
        participant: [participant, PARTICIPANT_HZ],
      }),
    );
  });
});
