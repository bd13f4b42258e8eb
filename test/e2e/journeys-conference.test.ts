// Journey 10 of the product documents: a conference of five (the agent and four customers) built from the
// softphone LWC, its mix-minus measured as test/e2e/sip-conference.test.ts does (every page's microphone
// is a tone of its own, so the spectrum of what each page plays says whom it hears), mute in the
// conference, and one participant removed while the others go on.
import type { Page } from 'playwright-core';
import {
  agentPage,
  button,
  call,
  customerPage,
  customerState,
  heardLevels,
  saveAdminSettings,
  seriousViolations,
  shot,
  softphone,
  until,
  useJourneys,
  utilityPanel,
} from '../support/journeys';
import {
  AGENT_HZ,
  AUDIBLE_DB,
  expectMixMinus,
  MARGIN_DB,
  PARTY_HZ,
  type HeardLevels,
} from '../support/mix-minus';

useJourneys();
// Four customers on four lines (the sample org allows two): the most an admin may set.
beforeAll(() => saveAdminSettings({ maxLines: '4' }));

/** The customers: SIP user (their number) and their tone. */
const CUSTOMERS = (['4155550101', '4155550102', '3125550103', '4155550110'] as const).map(
  (number, i) => [number, PARTY_HZ[i]!] as const,
);

/** For each listener, its level in dB at each participant's tone. */
async function spectrum(
  agent: Page,
  customers: Map<string, Page>,
  tones: Map<string, number>,
): Promise<HeardLevels> {
  const names = ['agent', ...customers.keys()];
  const frequencies = names.map((n) => (n === 'agent' ? AGENT_HZ : tones.get(n)!));
  const row = (levels: number[]) => Object.fromEntries(names.map((n, i) => [n, levels[i]!]));
  const heard: HeardLevels = { agent: row(await heardLevels(agent, frequencies)) };
  for (const [name, page] of customers) heard[name] = row(await heardLevels(page, frequencies));
  return heard;
}

describe('conference journey', () => {
  test('a conference of five: everyone hears the other four and not themselves; mute silences the agent in the mix; one participant is removed and the rest go on', async () => {
    const agent = await agentPage(1, AGENT_HZ);
    const customers = new Map<string, Page>();
    const tones = new Map(CUSTOMERS);
    for (const [number, tone] of CUSTOMERS) customers.set(number, await customerPage(number, tone));
    const phone = softphone(agent);
    const consultation = phone.locator('[data-id="consultation"]');
    const conference = phone.locator('[data-id="conference"]');

    // The first customer calls in; the agent answers.
    const [first, ...others] = CUSTOMERS.map(([n]) => n);
    await call(customers.get(first!)!, '1001');
    const incoming = phone.locator('[data-id="incoming"]');
    await incoming.waitFor({ timeout: 15_000 });
    await button(incoming, 'answer').click();
    await customerState(customers.get(first!)!, 'connected');

    // Each other customer: Conference (or Add) → dial → they answer → Merge.
    for (const [n, number] of others.entries()) {
      if (n === 0) await button(phone.locator('[data-id="active-call"]'), 'conference').click();
      else await button(conference, 'add-participant').click();
      const target = consultation.locator('[data-id="consult-target"]');
      await target.locator('[data-id="dial-input"] input').fill(number!);
      await button(target, 'dial-button').click();
      const customer = customers.get(number!)!;
      await customerState(customer, 'ringing', 15_000);
      await customer.getByRole('button', { name: 'Answer' }).click();
      await customerState(customer, 'connected');
      await button(consultation, 'merge').click();
      await consultation.waitFor({ state: 'detached', timeout: 10_000 });
      await expect(conference.locator('[data-id="participant"]').count()).resolves.toBe(n + 2);
    }
    await shot(utilityPanel(agent), 'conference-of-five');
    expect(await seriousViolations(agent)).toEqual([]);

    await agent.waitForTimeout(2000);
    const five = await spectrum(agent, customers, tones);
    process.stdout.write(`conference of five through the workbench (dB):\n${JSON.stringify(five)}\n`);
    expectMixMinus(five);

    // Mute: no customer hears the agent any more, and they still hear each other.
    await button(conference, 'mute-conference').click();
    await button(conference, 'unmute-conference').waitFor({ timeout: 5000 });
    await agent.waitForTimeout(1000);
    const muted = await spectrum(agent, customers, tones);
    for (const [listener, levels] of Object.entries(muted)) {
      if (listener === 'agent') continue;
      const weakestCustomer = Math.min(
        ...Object.entries(levels)
          .filter(([speaker]) => speaker !== listener && speaker !== 'agent')
          .map(([, level]) => level),
      );
      expect({ listener, hearsAgent: levels.agent! > weakestCustomer - MARGIN_DB }).toEqual({
        listener,
        hearsAgent: false,
      });
      expect(weakestCustomer).toBeGreaterThan(AUDIBLE_DB);
    }
    await button(conference, 'unmute-conference').click();
    await button(conference, 'mute-conference').waitFor({ timeout: 5000 });
    // Measure once the agent's voice is back at every phone (jitter buffers refill at their own pace).
    await until('every customer to hear the agent again', async () =>
      Object.entries(await spectrum(agent, customers, tones)).every(
        ([listener, levels]) => listener === 'agent' || levels.agent! > AUDIBLE_DB,
      ),
    );
    await agent.waitForTimeout(500);
    expectMixMinus(await spectrum(agent, customers, tones));

    // Remove the second participant: that phone hangs up; the other four still hear each other.
    await button(conference.locator('[data-id="participant"]').nth(1), 'remove-participant').click();
    const idle = async (page: Page) => (await page.locator('wb-phone [data-call-state="idle"]').count()) > 0;
    const gone = await until('a removed customer to hang up', async () => {
      for (const [number, page] of customers) if (await idle(page)) return number;
      return undefined;
    });
    await expect(conference.locator('[data-id="participant"]').count()).resolves.toBe(3);
    customers.delete(gone);
    for (const page of customers.values()) expect(await idle(page)).toBe(false);
    await agent.waitForTimeout(2000);
    expectMixMinus(await spectrum(agent, customers, tones));
    await shot(utilityPanel(agent), 'conference-participant-removed');

    await button(conference, 'leave-conference').click();
    for (const customer of customers.values()) await customerState(customer, 'idle');
  });
});
