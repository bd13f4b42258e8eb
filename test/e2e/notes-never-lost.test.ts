// Issue 8, "notes never lost": the real softphone LWC on the workbench's agent page saves its call log
// through the emulated Apex, which a TEST-ONLY fault switch (workbench/emulation/apex-faults.ts) makes fail
// the first times. The agent sees that the save will be retried, reloads the page during wrap-up, finds the
// notes again, and the Task is saved once, with the notes: repeated saves of one call never make two Tasks.
import type { Page } from 'playwright-core';
import { button, open, softphone, tasks, until, useJourneys, utilityButton } from '../support/journeys';

const workbench = useJourneys();
const NOTES = 'Customer disputes invoice 42; send a credit note';

afterEach(() => workbench().web.emulation.apex.faults.clear());

async function openUtility(agent: Page): Promise<void> {
  const utility = utilityButton(agent);
  if ((await utility.getAttribute('aria-expanded')) !== 'true') await utility.click();
}

test('the save fails twice (an Apex error, then the network): the agent is told it will be retried, a reload during wrap-up restores the notes, and the Task is saved once with them', async () => {
  const { emulation } = workbench().web;
  const agent = await open('/agent.html?agent=1');
  await agent.locator('body[data-shell-ready="true"]').waitFor();
  await until('1001 to register', async () => (await workbench().sip.registrations()).has('1001'));
  const customer = await open('/phone.html?user=4155550101');
  await customer.locator('wb-phone [data-status="registered"]').waitFor({ timeout: 10_000 });
  const taskCount = (await tasks(agent)).length;

  await customer.getByLabel('Number').fill('1001');
  await customer.getByRole('button', { name: 'Call' }).click();
  const incoming = softphone(agent).locator('[data-id="incoming"]');
  await incoming.waitFor({ timeout: 15_000 });
  await button(incoming, 'answer').click();
  const active = softphone(agent).locator('[data-id="active-call"]');
  await active.waitFor({ timeout: 10_000 });

  // A first save during the call creates the Task (keyed by the call's id).
  await active.locator('[data-id="notes"] textarea').fill('Customer disputes invoice 42');
  await button(active, 'save-notes').click();
  const created = await until('the Task of the call', async () => {
    const all = await tasks(agent);
    return all.length > taskCount ? all[0] : undefined;
  });
  expect(created.Description).toBe('Customer disputes invoice 42');

  // From now on the save fails: an Apex error first; the agent finishes the notes and hangs up.
  emulation.apex.faults.failNext('SoftphoneCallLog', 'logCall', 1, 'apex-error');
  await active.locator('[data-id="notes"] textarea').fill(NOTES);
  await button(active, 'hangup').click();
  let wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
  await wrapUp.waitFor({ timeout: 10_000 });
  await button(wrapUp, 'save').click();
  const saveError = wrapUp.locator('[data-id="save-error"]');
  await saveError.waitFor({ timeout: 10_000 });
  await expect(saveError.textContent()).resolves.toMatch(
    /could not be saved: .*UNABLE_TO_LOCK_ROW.*Your notes are kept and saving is retried/,
  );
  await expect(wrapUp.locator('[data-id="notes"] textarea').inputValue()).resolves.toBe(NOTES);
  expect(emulation.apex.faults.failed.get('SoftphoneCallLog.logCall')).toBe(1);

  // The agent reloads during wrap-up: the call comes back in wrap-up with the notes.
  await agent.reload();
  await agent.locator('body[data-shell-ready="true"]').waitFor();
  await openUtility(agent);
  wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
  await wrapUp.waitFor({ timeout: 10_000 });
  await expect(wrapUp.locator('[data-id="notes"] textarea').inputValue()).resolves.toBe(NOTES);

  // Saving fails once more (the connection this time), then the retry after the backoff goes through.
  emulation.apex.faults.failNext('SoftphoneCallLog', 'logCall', 1, 'network');
  await button(wrapUp, 'save').click();
  await wrapUp.locator('[data-id="save-error"]').waitFor({ timeout: 10_000 });
  await wrapUp.waitFor({ state: 'detached', timeout: 30_000 });
  expect(emulation.apex.faults.failed.get('SoftphoneCallLog.logCall')).toBe(2);

  const all = await tasks(agent);
  expect(all).toHaveLength(taskCount + 1);
  const mine = all.filter((t) => t.CallObject === created.CallObject);
  expect(mine).toEqual([expect.objectContaining({ Id: created.Id, Description: NOTES })]);
  // Nothing is left to restore: another reload shows no call.
  await agent.reload();
  await agent.locator('body[data-shell-ready="true"]').waitFor();
  await openUtility(agent);
  await softphone(agent).locator('c-softphone-idle').waitFor({ timeout: 10_000 });
  await expect(softphone(agent).locator('[data-id="wrap-up"]').count()).resolves.toBe(0);
  const drafts = await agent.evaluate(
    (prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)),
    workbench().outside.storageKey('softphone.draft:'),
  );
  expect(drafts).toEqual([]);
});
