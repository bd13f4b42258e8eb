// The product documents' journeys, used like an agent would: the real softphone LWC on the workbench's
// agent page, a customer's <wb-phone> on its own page, the workbench's Kamailio between them. Each test
// asserts what a person would see or hear (the LWC's DOM, the customer's received audio, the logged Task,
// the screen pop) and saves a screenshot of its key state (test/support/journeys.ts says where).
import {
  agentPage,
  button,
  call,
  connectedCall,
  customerPage,
  expectAudioBothWays,
  receivedLoudness,
  seriousViolations,
  shot,
  softphone,
  tasks,
  until,
  useJourneys,
  utilityButton,
  utilityPanel,
} from '../support/journeys';

useJourneys();

describe('journeys', () => {
  test('a known caller rings with one match; the agent answers, talks with audio both ways, takes notes, hangs up, and Save logs a Task related to the contact with the notes, duration and disposition, after a screen pop to the contact', async () => {
    const agent = await agentPage();
    const customer = await customerPage('4155550101');
    const taskCount = (await tasks(agent)).length;

    await call(customer, '1001');
    const phone = softphone(agent);
    const incoming = phone.locator('[data-id="incoming"]');
    await incoming.waitFor({ timeout: 15_000 });
    // The utility opens itself (or at least highlights) for the ringing call.
    await expect(utilityPanel(agent).isVisible()).resolves.toBe(true);
    await expect(utilityButton(agent).getAttribute('aria-expanded')).resolves.toBe('true');
    await incoming.locator('[data-id="contact-name"]').waitFor();
    await expect(incoming.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Alice Nguyen');
    await expect(incoming.locator('[data-id="match"]').count()).resolves.toBe(0);
    await expect(incoming.locator('[data-id="caller-name"]').textContent()).resolves.toContain(
      'Alice Nguyen',
    );

    await button(incoming, 'answer').click();
    const active = phone.locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    await customer.locator('wb-phone [data-call-state="connected"]').waitFor({ timeout: 10_000 });
    await expectAudioBothWays(customer);
    // The screen pop to the contact, in the pane and in the workspace.
    const pop = agent.locator('[data-screen-pops] [data-pop-kind="SOBJECT"]', {
      hasText: '003WB0000000001YAA',
    });
    await pop.first().waitFor({ timeout: 10_000 });
    await agent.locator('[data-record-page="003WB0000000001YAA"]').waitFor();

    await active.locator('[data-id="notes"] textarea').fill('Wants the new price list by Friday');
    await shot(utilityPanel(agent), 'known-caller-connected');
    await button(active, 'hangup').click();
    await customer.locator('wb-phone [data-call-state="idle"]').waitFor({ timeout: 10_000 });

    const wrapUp = phone.locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    await expect(wrapUp.locator('[data-id="notes"] textarea').inputValue()).resolves.toBe(
      'Wants the new price list by Friday',
    );
    await expect(wrapUp.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Alice Nguyen');
    const timer = wrapUp.locator('[data-id="work-timer"] [data-id="time"]');
    const first = await timer.textContent();
    await until('the work timer to run', async () => (await timer.textContent()) !== first, 3000);

    await wrapUp.locator('[data-id="disposition"] button, [data-id="disposition"] input').first().click();
    await wrapUp.getByRole('option', { name: 'Resolved' }).click();
    await shot(utilityPanel(agent), 'known-caller-wrap-up');
    await button(wrapUp, 'save').click();
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

    const logged = await until('the Task', async () => {
      const all = await tasks(agent);
      return all.length > taskCount ? all.find((t) => t.WhoId === '003WB0000000001YAA') : undefined;
    });
    expect(logged).toMatchObject({
      WhoId: '003WB0000000001YAA',
      CallType: 'Inbound',
      CallDisposition: 'Resolved',
      Description: 'Wants the new price list by Friday',
    });
    expect(logged.CallDurationInSeconds).toBeGreaterThanOrEqual(1);
    const row = agent.locator(`[data-tasks-pane] [data-task-id="${logged.Id}"]`);
    await row.waitFor({ timeout: 5000 });
    await expect(row.textContent()).resolves.toMatch(/Alice Nguyen.*Resolved.*Wants the new price list/);
    await shot(agent, 'known-caller');
  });

  test('a number two contacts share shows both; the agent picks one and the Task relates to that one', async () => {
    const agent = await agentPage();
    const customer = await customerPage('4155550102');

    await call(customer, '1001');
    const phone = softphone(agent);
    const incoming = phone.locator('[data-id="incoming"]');
    await incoming.locator('[data-id="several-matches"]').waitFor({ timeout: 15_000 });
    const matches = incoming.locator('[data-id="match"]');
    await expect(matches.count()).resolves.toBe(2);
    await expect(matches.allTextContents()).resolves.toEqual([
      expect.stringContaining('Bob Martin'),
      expect.stringContaining('Carol Diaz'),
    ]);
    await incoming.locator('[data-id="pick-contact"][data-record-id="003WB0000000003YAA"] button').click();
    await incoming.locator('[data-id="contact-name"]', { hasText: 'Carol Diaz' }).waitFor({ timeout: 5000 });
    await shot(utilityPanel(agent), 'shared-number');

    await button(incoming, 'answer').click();
    const active = phone.locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    await customer.locator('wb-phone [data-call-state="connected"]').waitFor({ timeout: 10_000 });
    await expect(active.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Carol Diaz');
    await active.locator('[data-id="notes"] textarea').fill('Order query');
    await button(active, 'hangup').click();
    const wrapUp = phone.locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    await expect(wrapUp.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Carol Diaz');
    await button(wrapUp, 'save').click();
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

    const logged = await until('the Task', async () =>
      (await tasks(agent)).find((t) => t.Description === 'Order query'),
    );
    expect(logged).toMatchObject({ WhoId: '003WB0000000003YAA', WhoName: 'Carol Diaz', CallType: 'Inbound' });
  });

  test('an unknown caller: "New contact" opens a new-record form prefilled with the number', async () => {
    const agent = await agentPage();
    const customer = await customerPage('4155550199');

    await call(customer, '1001');
    const phone = softphone(agent);
    const incoming = phone.locator('[data-id="incoming"]');
    await incoming.locator('[data-id="no-match"]').waitFor({ timeout: 15_000 });
    await button(incoming, 'new-contact').click();

    // A new-record pop: NEW_RECORD_MODAL through Open CTI, NEW_RECORD through lightning/navigation.
    const pop = agent.locator('[data-screen-pops] [data-pop-kind^="NEW_RECORD"]');
    await pop
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(async (e: unknown) => {
        throw new Error(
          `${String(e)}\npops: ${await agent.locator('[data-screen-pops]').innerText()}\nlog: ${await agent.locator('[data-emulation-log]').innerText()}\nutility: ${await softphone(agent).innerText()}`,
        );
      });
    await expect(pop.first().textContent()).resolves.toMatch(/New Contact .*Phone=/);
    const form = agent.locator('[data-new-record="Contact"]');
    await form.waitFor({ timeout: 5000 });
    const prefilled = await form.locator('input[name="Phone"]').inputValue();
    expect(prefilled.replace(/\D/g, '')).toMatch(/^1?4155550199$/);
    await shot(agent, 'unknown-caller');
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customer.locator('wb-phone [data-call-state="idle"]').waitFor({ timeout: 10_000 });
  });

  test('mute: the customer hears silence while the agent is muted, and the agent again after unmute', async () => {
    const { agent, customer, active } = await connectedCall('4155550101');
    // Chromium's fake microphone beeps; let the jitter buffer fill before measuring.
    await customer.waitForTimeout(1000);
    const talking = await receivedLoudness(customer);
    expect(talking).toBeGreaterThan(1e-4);

    await button(active, 'mute').click();
    await button(active, 'unmute').waitFor({ timeout: 5000 });
    await shot(utilityPanel(agent), 'mute');
    await customer.waitForTimeout(500);
    const muted = await receivedLoudness(customer);
    expect(muted).toBeLessThan(talking / 1000);

    await button(active, 'unmute').click();
    await button(active, 'mute').waitFor({ timeout: 5000 });
    await customer.waitForTimeout(500);
    const unmuted = await receivedLoudness(customer);
    expect(unmuted).toBeGreaterThan(talking / 10);

    await button(active, 'hangup').click();
    await customer.locator('wb-phone [data-call-state="idle"]').waitFor({ timeout: 10_000 });
  });

  test('reject with a text reply: the caller receives the text and the call is refused', async () => {
    const agent = await agentPage();
    const customer = await customerPage('4155550101');
    await call(customer, '1001');
    const incoming = softphone(agent).locator('[data-id="incoming"]');
    await incoming.waitFor({ timeout: 15_000 });

    await button(incoming, 'reply-text').click();
    const reply = incoming.locator('[data-id="text-reply"]');
    await reply.waitFor();
    await shot(utilityPanel(agent), 'reject-with-text');
    await reply
      .locator('[data-id="reply-custom"] textarea')
      .fill('In a meeting until 3, I will call you back.');
    await button(reply, 'reply-send').click();

    const received = customer.locator('wb-phone [data-message]');
    await received.first().waitFor({ timeout: 10_000 });
    await expect(received.allTextContents()).resolves.toEqual([
      'In a meeting until 3, I will call you back.',
    ]);
    await customer.locator('wb-phone [data-call-state="idle"]').waitFor({ timeout: 10_000 });
    await incoming.waitFor({ state: 'detached', timeout: 10_000 });
    await shot(customer, 'reject-with-text-customer');
  });

  test('the softphone utility passes axe-core with no serious or critical violations when idle, ringing, connected and wrapping up', async () => {
    const agent = await agentPage();
    await utilityButton(agent).click();
    await softphone(agent).locator('c-softphone-idle').waitFor({ timeout: 10_000 });
    const idle = await seriousViolations(agent);

    const customer = await customerPage('4155550102');
    await call(customer, '1001');
    const incoming = softphone(agent).locator('[data-id="incoming"]');
    await incoming.locator('[data-id="several-matches"]').waitFor({ timeout: 15_000 });
    const ringing = await seriousViolations(agent);

    await button(incoming, 'answer').click();
    const active = softphone(agent).locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    const connected = await seriousViolations(agent);
    await button(active, 'hangup').click();
    const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    const wrappingUp = await seriousViolations(agent);
    await button(wrapUp, 'save').click();
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

    expect({ idle, ringing, connected, wrappingUp }).toEqual({
      idle: [],
      ringing: [],
      connected: [],
      wrappingUp: [],
    });
  });
});
