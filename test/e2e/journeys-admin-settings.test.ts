// The admin's options the product documents name, met as an agent meets them on the workbench: the real
// softphoneSetup LWC saves them, the real softphone LWC and bridge act on them, customers' <wb-phone>s and
// Kamailio's log show what the other party receives, the logged Tasks what Salesforce keeps.
import type { Locator, Page } from 'playwright-core';
import {
  agentPage,
  button,
  call,
  customerPage,
  customerState,
  open,
  openIdlePhone,
  saveAdminSettings,
  seriousViolations,
  shot,
  sipRequests,
  softphone,
  tasks,
  until,
  useJourneys,
  utilityButton,
  utilityPanel,
} from '../support/journeys';
import { publishClickOnChannel } from '../support/channel-click';

const fixture = useJourneys();

const ALICE = '003WB0000000001YAA';
const ERIN_LEAD = '00QWB00000000012AA';

const invitesTo = (number: string) =>
  sipRequests('INVITE').filter((line) => line.includes(`REQ INVITE sip:`) && line.includes(number));

/** Another component of the org (a record page's call button) asks the softphone to dial on its channel. */
async function publishClick(agent: Page, number: string): Promise<void> {
  const click = { number, recordId: ALICE, recordName: 'Alice Nguyen', objectType: 'Contact' };
  const channelName = fixture().outside.messageChannel('Softphone__c');
  await publishClickOnChannel(agent, channelName, click, 'admin-switch');
}

/** Seconds left on the wrap-up card's work timer ("m:ss"). */
async function workTimerLeft(wrapUp: Locator): Promise<number> {
  const text = (await wrapUp.locator('[data-id="work-timer"] [data-id="time"]').textContent()) ?? '';
  const [minutes = NaN, seconds = NaN] = text.trim().split(':').map(Number);
  return minutes * 60 + seconds;
}

async function openPanel(agent: Page): Promise<void> {
  if ((await utilityButton(agent).getAttribute('aria-expanded')) !== 'true')
    await utilityButton(agent).click();
}

describe('click-to-dial "has to be specifically enabled by your Salesforce system administrator"', () => {
  test('switched off by the admin, clicking a number on a record places no call: the customer’s phone never rings, and a dial request from any component is refused in words', async () => {
    await saveAdminSettings({ clickToDialEnabled: false });
    const customer = await customerPage('4155550101');
    const agent = await agentPage();
    await agent.locator('body[data-open-cti-ready="true"]').waitFor({ timeout: 15_000 });
    // The bridge told Open CTI to turn click-to-dial off: Salesforce shows the numbers as plain text.
    await agent.locator('body[data-click-to-dial="false"]').waitFor({ timeout: 5000 });
    await agent.evaluate((id) => (location.hash = `#/record/${id}`), ALICE);
    const before = invitesTo('4155550101').length;

    await agent
      .locator(`[data-record-page="${ALICE}"] [data-click-to-dial="(415) 555-0101"]`)
      .first()
      .click();
    await publishClick(agent, '(415) 555-0101');

    await openPanel(agent);
    const refusal = softphone(agent)
      .locator('c-softphone-error-panel')
      .getByText(/Click-to-dial is turned off by your Salesforce administrator/);
    await refusal.waitFor({ timeout: 10_000 });
    await customer.waitForTimeout(2000);
    await customerState(customer, 'idle');
    expect(invitesTo('4155550101').length).toBe(before);
    await expect(softphone(agent).locator('[data-id="active-call"]').count()).resolves.toBe(0);
    expect(await seriousViolations(agent)).toEqual([]);
    await shot(utilityPanel(agent), 'click-to-dial-off');
  });

  test('switched on by the admin, the same click rings the customer', async () => {
    await saveAdminSettings({ clickToDialEnabled: true });
    const customer = await customerPage('4155550101');
    const agent = await agentPage();
    await agent.locator('body[data-click-to-dial="true"]').waitFor({ timeout: 15_000 });
    await agent.evaluate((id) => (location.hash = `#/record/${id}`), ALICE);
    await agent
      .locator(`[data-record-page="${ALICE}"] [data-click-to-dial="(415) 555-0101"]`)
      .first()
      .click();
    await customerState(customer, 'ringing', 15_000);
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customerState(customer, 'idle');
  });
});

// Lightning serves a cacheable Apex method from its persistent client cache for as long as it likes (the
// workbench emulates that): read that way, an agent would keep the mode they had until the cache expired.
// The agent works in an org without Open CTI, so no call center decides their mode: Softphone Setup does.
describe('settings an admin changes reach an agent at their next page load', () => {
  async function chooseMode(label: 'Softphone enabled' | 'Softphone disabled'): Promise<void> {
    const admin = await open('/admin.html');
    const setup = admin.locator('c-softphone-setup');
    await setup.locator('[data-id="summary"]').waitFor({ timeout: 15_000 });
    await setup.locator('[data-field="mode"]').getByText(label, { exact: false }).click();
    await button(setup, 'save').click();
    await admin.locator('[data-toasts] .slds-theme_success').waitFor({ timeout: 10_000 });
  }

  test('switched to softphone disabled while an agent works, the agent’s next page load asks for their own phone', async () => {
    await chooseMode('Softphone enabled');
    const agent = await agentPage(1, undefined, 'lightning');
    expect(await (await openIdlePhone(agent)).locator('c-softphone-device').count()).toBe(0);

    await chooseMode('Softphone disabled');
    try {
      await agent.reload();
      await agent.locator('body[data-shell-ready="true"]').waitFor();
      await openPanel(agent);
      await softphone(agent)
        .locator('c-softphone-device [data-id="device-missing"]')
        .waitFor({ timeout: 15_000 });
    } finally {
      await chooseMode('Softphone enabled');
    }
  });
});

describe('the call center an agent is assigned to decides the mode, Softphone Setup otherwise', () => {
  test('with the softphone enabled for the org, an agent on the deskphone call center is asked for their own phone and an agent on the softphone call center is not', async () => {
    const onDeskphoneCallCenter = await agentPage(3);
    await (
      await openIdlePhone(onDeskphoneCallCenter)
    )
      .locator('c-softphone-device [data-id="device-missing"]')
      .waitFor({ timeout: 15_000 });

    const onSoftphoneCallCenter = await agentPage(1);
    expect(await (await openIdlePhone(onSoftphoneCallCenter)).locator('c-softphone-device').count()).toBe(0);
  });
});

describe('call notes "if their Call Notes option is enabled"', () => {
  test('with call notes off, the agent sees no notes field during the call or in wrap-up, and the logged Task carries no notes', async () => {
    await saveAdminSettings({ clickToDialEnabled: true, callNotesEnabled: false });
    const agent = await agentPage();
    const customer = await customerPage('4155550101');
    await call(customer, '1001');
    const incoming = softphone(agent).locator('[data-id="incoming"]');
    await incoming.waitFor({ timeout: 15_000 });
    await button(incoming, 'answer').click();
    const active = softphone(agent).locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    await customerState(customer, 'connected');
    await expect(active.locator('[data-id="notes"]').count()).resolves.toBe(0);
    const taskCount = (await tasks(agent)).length;

    await button(active, 'hangup').click();
    await customerState(customer, 'idle');
    const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    await expect(wrapUp.locator('[data-id="notes"]').count()).resolves.toBe(0);
    await wrapUp.locator('[data-id="disposition"] button, [data-id="disposition"] input').first().click();
    await wrapUp.getByRole('option', { name: 'Resolved' }).click();
    await shot(utilityPanel(agent), 'call-notes-off-wrap-up');
    await button(wrapUp, 'save').click();
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

    const logged = await until('the Task', async () => {
      const all = await tasks(agent);
      return all.length > taskCount ? all.find((t) => t.WhoId === ALICE) : undefined;
    });
    expect(logged).toMatchObject({ WhoId: ALICE, CallType: 'Inbound', CallDisposition: 'Resolved' });
    expect(logged.Description ?? '').toBe('');
  });
});

describe('the work timer "depending on … the properties of the caller"', () => {
  test('an outgoing call to a lead and an incoming call from an unknown caller get the wrap-up times the admin set for them', async () => {
    await saveAdminSettings({
      clickToDialEnabled: true,
      callNotesEnabled: true,
      workTimerSeconds: '60',
      workTimerLeadSeconds: '300',
      workTimerUnknownSeconds: '20',
    });
    const agent = await agentPage();
    const erin = await customerPage('3125550103');
    await agent.evaluate((id) => (location.hash = `#/record/${id}`), ERIN_LEAD);
    await agent
      .locator(`[data-record-page="${ERIN_LEAD}"] [data-click-to-dial="(312) 555-0103"]`)
      .first()
      .click();
    await customerState(erin, 'ringing', 15_000);
    await erin.getByRole('button', { name: 'Answer' }).click();
    await customerState(erin, 'connected');
    const active = softphone(agent).locator('[data-id="active-call"]');
    await button(active, 'hangup').click();
    const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    const afterLead = await workTimerLeft(wrapUp);
    expect(afterLead).toBeGreaterThan(240);
    expect(afterLead).toBeLessThanOrEqual(300);
    await shot(utilityPanel(agent), 'work-timer-lead');
    await wrapUp.getByRole('button', { name: 'Clear the work timer' }).click();
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

    const unknown = await customerPage('4155550199');
    await call(unknown, '1001');
    const incoming = softphone(agent).locator('[data-id="incoming"]');
    await incoming.waitFor({ timeout: 15_000 });
    await button(incoming, 'answer').click();
    await customerState(unknown, 'connected');
    await button(softphone(agent).locator('[data-id="active-call"]'), 'hangup').click();
    await wrapUp.waitFor({ timeout: 10_000 });
    const afterUnknown = await workTimerLeft(wrapUp);
    expect(afterUnknown).toBeGreaterThan(0);
    expect(afterUnknown).toBeLessThanOrEqual(20);
    await shot(utilityPanel(agent), 'work-timer-unknown-caller');
  });
});
