// "Incoming calls" and "Answering a Call" of the product documents, used like an agent would: the real
// softphone LWC on the workbench's agent page, a customer's <wb-phone> on its own page, the workbench's
// Kamailio between them. Each test asserts what the agent sees, what the caller's phone receives, and
// what is logged.
import {
  agentPage,
  button,
  call,
  customerPage,
  customerState,
  expectAudioBothWays,
  hangUpAndLog,
  openIdlePhone,
  recentsList,
  ringingCard,
  saveAdminChoices,
  shot,
  softphone,
  tasks,
  until,
  useJourneys,
  utilityButton,
  utilityPanel,
} from '../support/journeys';

useJourneys();
const ALICE = '003WB0000000001YAA';
const CAROL = '003WB0000000003YAA';

describe('answering a call', () => {
  test("Click on 'Reject' to reject the call: the caller's call is declined (603), and the call is kept as a missed call, not a call log", async () => {
    const agent = await agentPage();
    const customer = await customerPage('4155550101');
    const before = (await tasks(agent)).length;

    await call(customer, '1001');
    const incoming = await ringingCard(agent);
    await incoming.locator('[data-id="contact-name"]', { hasText: 'Alice Nguyen' }).waitFor();
    await button(incoming, 'reject').click();

    // The caller's phone gets the final response 603 Decline and stops calling.
    await customerState(customer, 'idle');
    await expect(customer.locator('wb-phone [role="alert"]').textContent()).resolves.toBe(
      'Call failed: 603 Decline',
    );
    await incoming.waitFor({ state: 'detached', timeout: 10_000 });
    await expect(softphone(agent).locator('[data-id="wrap-up"]').count()).resolves.toBe(0);

    // What is logged of it: one missed-call Task (README, "What is logged"), listed under Recents → Missed.
    const logged = await until('the missed-call Task', async () => {
      const all = await tasks(agent);
      return all.length > before ? all.slice(before) : undefined;
    });
    expect(logged).toEqual([
      expect.objectContaining({
        WhoId: ALICE,
        CallType: 'Inbound',
        CallDisposition: 'Missed',
        Subject: 'Missed call from Alice Nguyen',
      }),
    ]);
    const missed = await recentsList(await openIdlePhone(agent), 'Missed');
    await missed.locator('[data-id="entry-name"]', { hasText: 'Alice Nguyen' }).waitFor({ timeout: 10_000 });
    await shot(utilityPanel(agent), 'rejected-call-in-missed');
    await agent.waitForTimeout(1000);
    expect((await tasks(agent)).length).toBe(before + 1);
  });

  test('After answering the call, you can select the appropriate contact to activate call notes and other contact-specific features', async () => {
    const agent = await agentPage();
    const customer = await customerPage('4155550102');

    await call(customer, '1001');
    const incoming = await ringingCard(agent);
    await incoming.locator('[data-id="several-matches"]').waitFor({ timeout: 15_000 });
    // The agent answers before knowing who it is: no contact is chosen yet.
    await button(incoming, 'answer').click();
    const active = softphone(agent).locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    await customerState(customer, 'connected');
    await expectAudioBothWays(customer);
    await expect(active.locator('[data-id="match"]').allTextContents()).resolves.toEqual([
      expect.stringContaining('Bob Martin'),
      expect.stringContaining('Carol Diaz'),
    ]);
    await expect(active.locator('[data-id="contact-name"]').count()).resolves.toBe(0);
    await shot(utilityPanel(agent), 'pick-contact-after-answering');

    // The caller says she is Carol: the agent picks her, and Salesforce shows her record.
    await active.locator(`[data-id="pick-contact"][data-record-id="${CAROL}"] button`).click();
    await active.locator('[data-id="contact-name"]', { hasText: 'Carol Diaz' }).waitFor({ timeout: 5000 });
    await agent
      .locator('[data-screen-pops] [data-pop-kind="SOBJECT"]', { hasText: CAROL })
      .first()
      .waitFor({ timeout: 10_000 });
    await agent.locator(`[data-record-page="${CAROL}"]`).waitFor({ timeout: 10_000 });

    const logged = await hangUpAndLog(agent, active, 'Carol: order 1182 arrives Tuesday');
    expect(logged).toMatchObject({ WhoId: CAROL, WhoName: 'Carol Diaz', CallType: 'Inbound' });
  });

  test('If you have your UI set to pop a New Contact window for unknown callers, you will be able to quickly create a new contact record for new callers', async () => {
    await saveAdminChoices({ screenPop: 'A new contact form when nobody matches' });
    const agent = await agentPage();
    const customer = await customerPage('4155550177');

    await call(customer, '1001');
    const incoming = await ringingCard(agent);
    // Nobody clicked "New contact": the form pops by itself, prefilled with the caller's number.
    await incoming.locator('[data-id="creating-contact"]').waitFor({ timeout: 15_000 });
    await expect(utilityButton(agent).getAttribute('aria-expanded')).resolves.toBe('true');
    const form = agent.locator('[data-new-record="Contact"]');
    await form.waitFor({ timeout: 10_000 });
    const prefilled = await form.locator('input[name="Phone"]').inputValue();
    expect(prefilled.replace(/\D/g, '')).toMatch(/^1?4155550177$/);
    await shot(agent, 'new-contact-pop');

    // The agent saves it from the keyboard (the utility panel covers the form's buttons here).
    await form.locator('input[name="FirstName"]').fill('Fox');
    await form.locator('input[name="LastName"]').fill('Mulder');
    await form.locator('input[name="LastName"]').press('Enter');
    await incoming
      .locator('[data-id="contact-name"]', { hasText: 'Fox Mulder' })
      .waitFor({ timeout: 10_000 });
    const contactId = await agent.locator('[data-record-page]').getAttribute('data-record-page');
    expect(contactId).toMatch(/^003/);

    await button(incoming, 'answer').click();
    const active = softphone(agent).locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    const logged = await hangUpAndLog(agent, active, 'First call from a new customer');
    expect(logged).toMatchObject({ WhoId: contactId, WhoName: 'Fox Mulder', CallType: 'Inbound' });
  });
});
