// Issue 13, "nothing lost" when Salesforce says no for good: the real softphone LWC on the workbench's agent
// page saves its call log through the emulated Apex, which a TEST-ONLY switch (workbench/emulation/apex/
// call-log-switch.ts) makes refuse every save, as a deleted related record or a validation rule would. The
// agent reads why, gets out of wrap-up (saving without the record, or copying the notes and closing), and the
// phone takes the next call.
import type { Page } from 'playwright-core';
import { button, open, softphone, tasks, until, useJourneys } from '../support/journeys';

const workbench = useJourneys();

afterEach(() => workbench().web.emulation.context.callLog.clear());

async function agentAndCustomer(): Promise<{ agent: Page; customer: Page }> {
  const agent = await open('/agent.html?agent=1');
  await agent
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: workbench().web.url });
  await agent.locator('body[data-shell-ready="true"]').waitFor();
  await until('1001 to register', async () => (await workbench().sip.registrations()).has('1001'));
  const customer = await open('/phone.html?user=4155550101');
  await customer.locator('wb-phone [data-status="registered"]').waitFor({ timeout: 10_000 });
  return { agent, customer };
}

/** The customer calls, the agent answers, types notes and hangs up: the wrap-up of the call. */
async function wrapUpWithNotes(agent: Page, customer: Page, notes: string) {
  await customer.getByLabel('Number').fill('1001');
  await customer.getByRole('button', { name: 'Call' }).click();
  const incoming = softphone(agent).locator('[data-id="incoming"]');
  await incoming.waitFor({ timeout: 15_000 });
  await button(incoming, 'answer').click();
  const active = softphone(agent).locator('[data-id="active-call"]');
  await active.waitFor({ timeout: 10_000 });
  await active.locator('[data-id="notes"] textarea').fill(notes);
  await button(active, 'hangup').click();
  const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
  await wrapUp.waitFor({ timeout: 10_000 });
  return wrapUp;
}

/** The next call reaches the agent: the phone is out of wrap-up. */
async function takesTheNextCall(agent: Page, customer: Page): Promise<void> {
  await customer.getByLabel('Number').fill('1001');
  await customer.getByRole('button', { name: 'Call' }).click();
  await softphone(agent).locator('[data-id="incoming"]').waitFor({ timeout: 15_000 });
}

test('the contact was deleted: the agent reads why, saves without it, and the Task keeps the notes', async () => {
  const { callLog } = workbench().web.emulation.context;
  const { agent, customer } = await agentAndCustomer();
  const before = (await tasks(agent)).length;
  callLog.refuse('deleted-record');
  const notes = 'Wants a refund of order 42';
  const wrapUp = await wrapUpWithNotes(agent, customer, notes);

  await button(wrapUp, 'save').click();
  const refusal = wrapUp.locator('[data-id="refusal"]');
  await refusal.waitFor({ timeout: 10_000 });
  await expect(wrapUp.locator('[data-id="save-error"]').textContent()).resolves.toMatch(
    /Salesforce won't save this call log: This call can't be logged: the contact, lead or record it is related to was deleted\./,
  );
  await expect(wrapUp.locator('[data-id="notes"] textarea').inputValue()).resolves.toBe(notes);
  // No retry behind the agent's back: the refusal stays until the agent chooses.
  await agent.waitForTimeout(1500);
  expect(await tasks(agent)).toHaveLength(before);

  await button(refusal, 'save-without-record').click();
  await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

  const all = await tasks(agent);
  expect(all).toHaveLength(before + 1);
  expect(all[0]).toMatchObject({ Description: notes });
  expect(all[0]?.WhoId).toBeUndefined();
  await takesTheNextCall(agent, customer);
});

test('a validation rule refuses every save: the agent copies the notes to the clipboard and closes the call', async () => {
  const { callLog } = workbench().web.emulation.context;
  const { agent, customer } = await agentAndCustomer();
  const before = (await tasks(agent)).length;
  callLog.refuse('validation-rule');
  const notes = 'Called about the invoice; promised a call back';
  const wrapUp = await wrapUpWithNotes(agent, customer, notes);

  await button(wrapUp, 'save').click();
  const refusal = wrapUp.locator('[data-id="refusal"]');
  await refusal.waitFor({ timeout: 10_000 });
  await expect(wrapUp.locator('[data-id="save-error"]').textContent()).resolves.toMatch(
    /Salesforce won't save this call log: .*Notes must name the order number/,
  );
  await expect(refusal.locator('[data-id="save-without-record"]').count()).resolves.toBe(0);
  await expect(wrapUp.locator('[data-id="notes"] textarea').inputValue()).resolves.toBe(notes);

  await button(refusal, 'copy-and-close').click();
  await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

  await expect(agent.evaluate(() => navigator.clipboard.readText())).resolves.toBe(notes);
  expect(await tasks(agent)).toHaveLength(before);
  await takesTheNextCall(agent, customer);
});
