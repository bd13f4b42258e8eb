// Journeys 6, 8, 9 and 11 of the product documents: handing a customer to the second agent (Ben, SIP user
// 1002, on /agent.html?agent=2) by redirect, unsupervised and supervised transfer, and the customer hanging
// up during a consultation. The customer's <wb-phone> behaves as a desk phone: it follows a 302 and a REFER.
import type { Locator, Page } from 'playwright-core';
import {
  agentPage,
  audioStats,
  button,
  call,
  connectedCall,
  consultation,
  customerPage,
  customerState,
  expectAudioBothWays,
  receivedLoudness,
  shot,
  softphone,
  tasks,
  transferTo,
  until,
  useJourneys,
  utilityPanel,
} from '../support/journeys';

useJourneys();
const ALICE = '003WB0000000001YAA';

/** The ringing card on an agent's softphone, once it shows. */
async function ringing(agent: Page): Promise<Locator> {
  const incoming = softphone(agent).locator('[data-id="incoming"]');
  await incoming.waitFor({ timeout: 15_000 });
  return incoming;
}

describe('journeys handing a customer to the second agent', () => {
  test('redirect of a ringing call to the second agent: the caller keeps hearing ringing, the second agent rings, and no Task is logged for the redirect', async () => {
    const ada = await agentPage(1);
    const ben = await agentPage(2);
    const customer = await customerPage('4155550101');
    const taskCount = (await tasks(ada)).length;

    await call(customer, '1001');
    const incoming = await ringing(ada);
    await button(incoming, 'redirect').click();
    const redirect = incoming.locator('[data-id="redirect-panel"]');
    await redirect.locator('[data-id="dial-input"] input').fill('1002');
    await shot(utilityPanel(ada), 'redirect');
    await button(redirect, 'dial-button').click();

    const atBen = await ringing(ben);
    await expect(atBen.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Alice Nguyen');
    // The caller never stopped calling: still "calling", never idle or connected in between.
    await customerState(customer, 'calling');
    await incoming.waitFor({ state: 'detached', timeout: 10_000 });
    await expect(softphone(ada).locator('[data-id="wrap-up"]').count()).resolves.toBe(0);
    await shot(utilityPanel(ben), 'redirect-second-agent-rings');

    await button(atBen, 'answer').click();
    await customerState(customer, 'connected');
    await expectAudioBothWays(customer);
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customerState(customer, 'idle');
    await ada.waitForTimeout(1000);
    expect((await tasks(ada)).length).toBe(taskCount);
  });

  test('unsupervised transfer to the second agent: the customer rings there with the record the agent picked, and talks with them once answered', async () => {
    // A number two contacts share: Ada picks Carol, and the transfer tells Ben so (no list to choose from).
    const ada = await agentPage(1);
    const ben = await agentPage(2);
    const customer = await customerPage('4155550102');
    await call(customer, '1001');
    const incoming = await ringing(ada);
    await incoming.locator('[data-id="pick-contact"][data-record-id="003WB0000000003YAA"] button').click();
    await button(incoming, 'answer').click();
    const active = softphone(ada).locator('[data-id="active-call"]');
    await active.locator('[data-id="contact-name"]', { hasText: 'Carol Diaz' }).waitFor({ timeout: 10_000 });
    await customerState(customer, 'connected');

    await transferTo(ada, active, 'Unsupervised', '1002');
    const atBen = await ringing(ben);
    // Without the context Ben would have two matches and no name until he picked one.
    await expect(atBen.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Carol Diaz');
    await button(atBen, 'answer').click();
    await softphone(ben).locator('[data-id="active-call"]').waitFor({ timeout: 10_000 });
    await customerState(customer, 'connected');
    // Ada is out of the call: her softphone wraps up.
    await softphone(ada).locator('[data-id="wrap-up"]').waitFor({ timeout: 10_000 });
    await expectAudioBothWays(customer);
    expect(await receivedLoudness(customer)).toBeGreaterThan(1e-4);
    await shot(utilityPanel(ben), 'unsupervised-transfer');
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customerState(customer, 'idle');
  });

  test('unsupervised transfer to an unreachable number comes back to the agent as a ringing call, and answering it resumes the call', async () => {
    const { agent: ada, customer, active } = await connectedCall('4155550101');

    await transferTo(ada, active, 'Unsupervised', '1009');
    const recall = active.locator('[data-id="hold-recall"]');
    await recall.waitFor({ timeout: 20_000 });
    await button(active, 'answer').waitFor();
    await shot(utilityPanel(ada), 'unsupervised-transfer-failed');
    await customerState(customer, 'connected');

    await button(active, 'answer').click();
    await recall.waitFor({ state: 'detached', timeout: 5000 });
    await customer.waitForTimeout(500);
    expect(await receivedLoudness(customer)).toBeGreaterThan(1e-4);
    await button(active, 'hangup').click();
    await customerState(customer, 'idle');
  });

  test('supervised transfer: the agent consults the second agent, completes, the customer and the second agent talk, and the second agent sees and logs to the customer’s record', async () => {
    const { agent: ada, customer, active } = await connectedCall('4155550101');
    const ben = await agentPage(2);

    await transferTo(ada, active, 'Supervised', '1002');
    const atBen = await ringing(ben);
    // The consult call carries the customer's context: Ben sees Alice, not Ada.
    await expect(atBen.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Alice Nguyen');
    await button(atBen, 'answer').click();
    const benCall = softphone(ben).locator('[data-id="active-call"]');
    await benCall.waitFor({ timeout: 10_000 });
    const complete = button(consultation(ada), 'complete-transfer');
    await complete.waitFor({ timeout: 10_000 });
    await shot(utilityPanel(ada), 'supervised-transfer-consult');
    await complete.click();

    await softphone(ada)
      .locator('[data-id="wrap-up"]', { hasText: 'Alice Nguyen' })
      .waitFor({ timeout: 15_000 });
    await customerState(customer, 'connected');
    // Customer and Ben talk: audio flows both ways and the customer hears Ben's microphone.
    await until('the customer to receive audio from the second agent', async () => {
      const before = await audioStats(customer);
      await customer.waitForTimeout(1000);
      return (await audioStats(customer)).bytesReceived > before.bytesReceived + 1000;
    });
    await expectAudioBothWays(customer);
    expect(await receivedLoudness(customer)).toBeGreaterThan(1e-4);

    const benActive = softphone(ben).locator('[data-id="active-call"]');
    await expect(benActive.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Alice Nguyen');
    await benActive.locator('[data-id="notes"] textarea').fill('Took over from Ada: refund approved');
    await shot(utilityPanel(ben), 'supervised-transfer-second-agent');
    await button(benActive, 'hangup').click();
    await customerState(customer, 'idle');
    const wrapUp = softphone(ben).locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    await button(wrapUp, 'save').click();
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });
    const logged = await until('the second agent’s Task', async () =>
      (await tasks(ben)).find((t) => t.Description === 'Took over from Ada: refund approved'),
    );
    expect(logged.WhoId).toBe(ALICE);
  });

  test('the customer hangs up during a consultation: only disconnect is offered until the consult call connects', async () => {
    const { agent: ada, customer, active } = await connectedCall('4155550101');
    const ben = await agentPage(2);

    await transferTo(ada, active, 'Supervised', '1002');
    const atBen = await ringing(ben);
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customerState(customer, 'idle');

    const consult = consultation(ada);
    await consult.locator('[data-id="held-party-gone"]').waitFor({ timeout: 10_000 });
    await expect(consult.locator('[data-id="complete-transfer"]').count()).resolves.toBe(0);
    await expect(consult.locator('[data-id="merge"]').count()).resolves.toBe(0);
    await expect(consult.locator('[data-id="cancel-consult"]').count()).resolves.toBe(0);
    // The consult call's card: hang up is its only control.
    const consultCard = softphone(ada).locator('[data-id="active-call"]', { hasNotText: 'Alice' });
    const controls = await consultCard
      .locator('[role="group"] lightning-button')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(controls).toEqual(['hangup']);
    await shot(utilityPanel(ada), 'held-party-gone');

    await button(atBen, 'answer').click();
    await consult.waitFor({ state: 'detached', timeout: 10_000 });
    await consultCard.locator('[data-id="timer"]').waitFor({ timeout: 10_000 });
    // Connected to the third party: still only Hang up (no hold, conference, transfer or dial pad).
    await ada.waitForTimeout(500);
    const connectedControls = await consultCard
      .locator('[role="group"] lightning-button')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(connectedControls).toEqual(['hangup']);
    await shot(utilityPanel(ada), 'held-party-gone-connected');
    await button(consultCard, 'hangup').click();
    // Then wrap-up as usual.
    await softphone(ada).locator('[data-id="wrap-up"]').first().waitFor({ timeout: 10_000 });
  });
});
