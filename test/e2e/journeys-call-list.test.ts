// Issue 17: click-to-dial "usable from list views for selected records (one call at a time, the next when
// the previous ends)". The agent ticks three leads in the list view and presses the package's list button;
// the softphone calls them in the list's order, each only once the previous call ended and its wrap-up was
// saved, and the panel says who is next. In both flavours of org: the list button needs no Open CTI.
import type { Page } from 'playwright-core';
import {
  ORG_FLAVOURS,
  agentPage,
  button,
  customerPage,
  customerState,
  shot,
  softphone,
  useJourneys,
  utilityPanel,
} from '../support/journeys';

useJourneys();

const LEADS = [
  { id: '00QWB00000000012AA', name: 'Erin Walsh', user: '3125550103' },
  { id: '00QWB00000000022AA', name: 'Frank Li', user: '6465550104' },
  { id: '00QWB00000000032AA', name: 'Grace Kim', user: '4155550105' },
];

/** The customer answers, the agent hangs up and saves the wrap-up. */
async function talkAndWrapUp(agent: Page, customer: Page): Promise<void> {
  await customer.getByRole('button', { name: 'Answer' }).click();
  await customerState(customer, 'connected');
  const active = softphone(agent).locator('[data-id="active-call"]');
  await active.waitFor({ timeout: 10_000 });
  await button(active, 'hangup').click();
  await customerState(customer, 'idle');
  await softphone(agent).locator('[data-id="wrap-up"]').waitFor({ timeout: 10_000 });
}

async function saveWrapUp(agent: Page): Promise<void> {
  const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
  await button(wrapUp, 'save').click();
  await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });
}

describe.each(ORG_FLAVOURS)('a call list from a list view in an org %s', (org) => {
  test('the agent selects three leads and presses "Call selected": each is dialled in turn, the next only after the previous call ended and its wrap-up was saved', async () => {
    const customers = await Promise.all(LEADS.map((lead) => customerPage(lead.user)));
    const agent = await agentPage(1, undefined, org);
    await agent.evaluate(() => (location.hash = '#/Lead'));
    for (const lead of LEADS) await agent.locator(`[data-select-record="${lead.id}"]`).check();
    await agent.locator('[data-list-button="Softphone_Call_List"]').click();

    const card = softphone(agent).locator('c-softphone-call-list');
    const next = card.locator('[data-id="call-list-next"]');
    for (const [i, lead] of LEADS.entries()) {
      const customer = customers[i] as Page;
      await customerState(customer, 'ringing', 15_000);
      // One call at a time: nobody after this one rings yet.
      for (const later of customers.slice(i + 1)) await customerState(later, 'idle');
      const after = LEADS[i + 1];
      await expect(next.textContent()).resolves.toBe(
        after ? `Next: ${after.name}` : 'This is the last call of the list.',
      );
      if (i === 0) await shot(utilityPanel(agent), `call-list-${org}`);
      await expect(
        softphone(agent).locator('[data-id="active-call"] [data-id="contact-name"]').textContent(),
      ).resolves.toBe(lead.name);
      await talkAndWrapUp(agent, customer);
      // The wrap-up is still open: the next lead is not called yet.
      for (const later of customers.slice(i + 1)) await customerState(later, 'idle');
      await saveWrapUp(agent);
    }
    await card.waitFor({ state: 'detached', timeout: 10_000 });
  });
});
