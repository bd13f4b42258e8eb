// Issue 17: the product documents' click-to-dial and screen-pop journeys in both flavours of org the
// workbench emulates: with Open CTI (a call center, the bridge relays clicks on phone fields) and without it (`?org=lightning`, as a new Agentforce Service org: no call center, no bridge;
// the softphone opens records with lightning/navigation and the call button on record pages sends the
// clicks). Each journey asserts what the agent sees and the path it took (the screen-pop pane says which
// API opened the page: lightning/navigation in both flavours since ADR 0007, which retired Open CTI's
// screenPop so that nothing but clicks crosses from Visualforce).
import type { Locator, Page } from 'playwright-core';
import {
  ORG_FLAVOURS,
  agentPage,
  open,
  button,
  call,
  customerPage,
  customerState,
  saveAdminSettings,
  shot,
  sipRequests,
  softphone,
  tasks,
  until,
  useJourneys,
  utilityButton,
  utilityPanel,
  type OrgFlavour,
} from '../support/journeys';

useJourneys();
const ALICE = '003WB0000000001YAA';
const CAROL = '003WB0000000003YAA';
const ERIN = '00QWB00000000012AA';
const invitesTo = (number: string) =>
  sipRequests('INVITE').filter((line) => line.includes(`REQ INVITE sip:`) && line.includes(number));
const POP_SOURCE: Record<OrgFlavour, string> = {
  opencti: 'lightning/navigation',
  lightning: 'lightning/navigation',
};

beforeAll(async () => {
  await saveAdminSettings({ outsidePrefix: '9', longDistancePrefix: '1' });
});

/** The agent clicks to dial the record's phone number: a phone field (Open CTI) or the call button. */
async function clickToDial(agent: Page, org: OrgFlavour, recordId: string, number: string, field = 'Phone') {
  // The agent looks at the record: the softphone's panel, if open, is minimised (a click reopens it).
  if ((await utilityButton(agent).getAttribute('aria-expanded')) === 'true')
    await utilityButton(agent).click();
  await agent.evaluate((id) => (location.hash = `#/record/${id}`), recordId);
  const record = agent.locator(`[data-record-page="${recordId}"]`);
  if (org === 'opencti') {
    await agent.locator('body[data-click-to-dial="true"]').waitFor({ timeout: 15_000 });
    await record.locator(`[data-click-to-dial="${number}"]`).first().click();
    return;
  }
  const callButton = record.locator('c-softphone-call-button');
  await callButton.locator(`[data-id="phone-field"][data-field="${field}"]`).waitFor({ timeout: 10_000 });
  await button(callButton.locator(`[data-id="phone-field"][data-field="${field}"]`), 'call').click();
}

/** An admin picks an option of a combobox in Softphone Setup (the real softphoneSetup LWC) and saves. */
async function chooseInSetup(combobox: string, option: string): Promise<Page> {
  const admin = await open('/admin.html');
  const setup = admin.locator('c-softphone-setup');
  await setup.locator('[data-id="summary"]').waitFor({ timeout: 15_000 });
  await setup.locator(`${combobox} button, ${combobox} input`).first().click();
  await setup.getByRole('option', { name: option }).click();
  await button(setup, 'save').click();
  await admin.locator('[data-toasts] .slds-theme_success').waitFor({ timeout: 10_000 });
  return admin;
}

/** A pop of `kind` in the pane, opened through the flavour's API. */
function popOf(agent: Page, org: OrgFlavour, kind: string, text?: string): Locator {
  return agent
    .locator(`[data-screen-pops] [data-pop-kind^="${kind}"][data-pop-source="${POP_SOURCE[org]}"]`, {
      ...(text ? { hasText: text } : {}),
    })
    .first();
}

/** The customer calls agent 1; the incoming card shows. */
async function ringing(org: OrgFlavour, number: string) {
  const agent = await agentPage(1, undefined, org);
  const customer = await customerPage(number);
  await call(customer, '1001');
  const incoming = softphone(agent).locator('[data-id="incoming"]');
  await incoming.waitFor({ timeout: 15_000 });
  return { agent, customer, incoming };
}

async function hangUpAndSave(agent: Page, customer: Page, active: Locator) {
  await button(active, 'hangup').click();
  await customerState(customer, 'idle');
  const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
  await wrapUp.waitFor({ timeout: 10_000 });
  await button(wrapUp, 'save').click();
  await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });
}

describe.each(ORG_FLAVOURS)('click-to-dial and screen pop in an org %s', (org) => {
  test('the org shows its own path: the Open CTI utility and clickable phone fields, or neither and the call button', async () => {
    const agent = await agentPage(1, undefined, org);
    await agent.evaluate((id) => (location.hash = `#/record/${id}`), ALICE);
    const record = agent.locator(`[data-record-page="${ALICE}"]`);
    await record.waitFor();
    const openCtiItems = agent.locator('[data-utility-button="opencti"]');
    const callButton = record.locator('c-softphone-call-button');
    if (org === 'opencti') {
      await expect(openCtiItems.count()).resolves.toBe(1);
      await expect(record.locator('[data-click-to-dial]').count()).resolves.toBeGreaterThan(0);
      await expect(callButton.count()).resolves.toBe(0);
      return;
    }
    await expect(openCtiItems.count()).resolves.toBe(0);
    await expect(agent.locator('iframe[data-opencti-frame]').count()).resolves.toBe(0);
    await expect(record.locator('[data-click-to-dial]').count()).resolves.toBe(0);
    // The call button lists Alice's two phone fields, with a Call button each.
    const fields = callButton.locator('[data-id="phone-field"]');
    await fields.first().waitFor({ timeout: 10_000 });
    await expect(
      fields.evaluateAll((all) => all.map((f) => (f as HTMLElement).dataset.field)),
    ).resolves.toEqual(['Phone', 'MobilePhone']);
    await expect(callButton.locator('[data-id="call"] button').count()).resolves.toBe(2);
    await shot(record, 'call-button-record-page');
  });

  test('a known caller: the contact pops when the agent answers, and the Task relates to it', async () => {
    const { agent, customer, incoming } = await ringing(org, '4155550101');
    await incoming.locator('[data-id="contact-name"]', { hasText: 'Alice Nguyen' }).waitFor();

    await button(incoming, 'answer').click();
    const active = softphone(agent).locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    await popOf(agent, org, 'SOBJECT', ALICE).waitFor({ timeout: 10_000 });
    await agent.locator(`[data-record-page="${ALICE}"]`).waitFor();
    await active.locator('[data-id="notes"] textarea').fill(`known caller, ${org}`);
    await hangUpAndSave(agent, customer, active);

    const logged = await until('the Task', async () =>
      (await tasks(agent)).find((t) => t.Description === `known caller, ${org}`),
    );
    expect(logged).toMatchObject({ WhoId: ALICE, CallType: 'Inbound' });
  });

  test('several matches: both contacts are listed, the agent picks one, it pops and the Task relates to it', async () => {
    const { agent, customer, incoming } = await ringing(org, '4155550102');
    await incoming.locator('[data-id="several-matches"]').waitFor({ timeout: 15_000 });
    await expect(incoming.locator('[data-id="match"]').count()).resolves.toBe(2);

    await incoming.locator(`[data-id="pick-contact"][data-record-id="${CAROL}"] button`).click();
    await popOf(agent, org, 'SOBJECT', CAROL).waitFor({ timeout: 10_000 });
    await button(incoming, 'answer').click();
    const active = softphone(agent).locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    await active.locator('[data-id="notes"] textarea').fill(`several matches, ${org}`);
    await hangUpAndSave(agent, customer, active);

    const logged = await until('the Task', async () =>
      (await tasks(agent)).find((t) => t.Description === `several matches, ${org}`),
    );
    expect(logged).toMatchObject({ WhoId: CAROL, WhoName: 'Carol Diaz' });
  });

  test('an unknown caller: "New contact" opens the new-contact form with the number prefilled', async () => {
    const { agent, customer, incoming } = await ringing(org, '4155550199');
    await incoming.locator('[data-id="no-match"]').waitFor({ timeout: 15_000 });

    await button(incoming, 'new-contact').click();
    const pop = popOf(agent, org, 'NEW_RECORD');
    await pop.waitFor({ timeout: 10_000 });
    await expect(pop.textContent()).resolves.toMatch(/New Contact .*Phone=/);
    const form = agent.locator('[data-new-record="Contact"]');
    await form.waitFor({ timeout: 5000 });
    expect((await form.locator('input[name="Phone"]').inputValue()).replace(/\D/g, '')).toMatch(
      /^1?4155550199$/,
    );
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customerState(customer, 'idle');
  });

  test('click-to-dial from a record dials with the admin prefixes and opens the panel on the call to the record', async () => {
    const customer = await customerPage('4155550101');
    const agent = await agentPage(1, undefined, org);
    await expect(utilityButton(agent).getAttribute('aria-expanded')).resolves.toBe('false');

    await clickToDial(agent, org, ALICE, '(415) 555-0101');

    await customerState(customer, 'ringing', 15_000);
    const active = softphone(agent).locator('[data-id="active-call"]');
    await active.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(utilityButton(agent).getAttribute('aria-expanded')).resolves.toBe('true');
    expect(sipRequests('INVITE').some((line) => line.includes('INVITE sip:914155550101@'))).toBe(true);
    await customer.getByRole('button', { name: 'Answer' }).click();
    await customerState(customer, 'connected');
    await expect(active.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Alice Nguyen');
    await shot(utilityPanel(agent), `click-to-dial-${org}`);
    await button(active, 'hangup').click();
    await customerState(customer, 'idle');
  });

  test('conference by click: during a call the agent adds a lead by clicking to dial its number, then merges', async () => {
    const { agent, customer, incoming } = await ringing(org, '4155550101');
    const erin = await customerPage('3125550103');
    await button(incoming, 'answer').click();
    const phone = softphone(agent);
    await phone.locator('[data-id="active-call"]').waitFor({ timeout: 10_000 });
    await customerState(customer, 'connected');

    await button(phone.locator('[data-id="active-call"]'), 'conference').click();
    const consultation = phone.locator('[data-id="consultation"]');
    await consultation.locator('[data-id="consult-target"]').waitFor({ timeout: 10_000 });
    await clickToDial(agent, org, ERIN, '(312) 555-0103');
    // While a call is held the click asks first (the "ask while on a call" rule), in both flavours.
    const card = phone.locator('c-softphone-click-to-dial');
    await card.locator('[data-id="click-to-dial-title"]').waitFor({ timeout: 10_000 });
    await button(card, 'click-to-dial-call').click();

    await customerState(erin, 'ringing', 15_000);
    expect(sipRequests('INVITE').some((line) => line.includes('INVITE sip:913125550103@'))).toBe(true);
    await erin.getByRole('button', { name: 'Answer' }).click();
    await customerState(erin, 'connected');
    await button(consultation, 'merge').click();
    const conference = phone.locator('[data-id="conference"]');
    await until('two participants', async () =>
      (await conference.locator('[data-id="participant"]').count()) === 2 ? true : undefined,
    );
    await button(conference, 'leave-conference').click();
    await customerState(customer, 'idle');
    await customerState(erin, 'idle');
  });

  test('redirect "using the Click-to-dial function": with a call ringing and Redirect chosen, clicking a number on a record redirects the call there: the caller keeps hearing ringing, the clicked number rings, and the agent places no call', async () => {
    const { agent, customer, incoming } = await ringing(org, '4155550101');
    const erin = await customerPage('3125550103');
    await button(incoming, 'redirect').click();
    await incoming.locator('[data-id="redirect-panel"]').waitFor();

    // Earlier journeys of this file called Erin too: only the INVITEs from now on count.
    const earlier = invitesTo('3125550103').length;
    await clickToDial(agent, org, ERIN, '(312) 555-0103');

    await customerState(erin, 'ringing', 15_000);
    // The caller never stopped calling: still "calling", never idle or connected in between.
    await customerState(customer, 'calling');
    await incoming.waitFor({ state: 'detached', timeout: 10_000 });
    await expect(softphone(agent).locator('[data-id="active-call"]').count()).resolves.toBe(0);
    await expect(softphone(agent).locator('c-softphone-click-to-dial').count()).resolves.toBe(0);
    // The agent opens the panel again: nothing rings there any more.
    await utilityButton(agent).click();
    await expect(softphone(agent).locator('[data-id="incoming"]').count()).resolves.toBe(0);
    if (org === 'opencti') await shot(utilityPanel(agent), 'redirect-by-click-to-dial');
    // Every INVITE to Erin's number came over the caller's own connection, after the redirect: none from the agent.
    const source = (line: string | undefined) => / from (\S+)$/.exec(line?.trim() ?? '')?.[1];
    const callers = invitesTo('sip:1001@').map(source);
    expect(callers.length).toBeGreaterThan(0);
    const toErin = invitesTo('3125550103').slice(earlier).map(source);
    expect(toErin.length).toBeGreaterThan(0);
    expect(new Set(toErin)).toEqual(new Set([callers.at(-1)]));

    await erin.getByRole('button', { name: 'Answer' }).click();
    await customerState(customer, 'connected');
    await customerState(erin, 'connected');
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customerState(erin, 'idle');
  });

  test("with the screen pop set to Search, answering opens the search page for the caller's number", async () => {
    await (await chooseInSetup('[data-field="screenPop"]', 'Search')).context().close();
    try {
      const { agent, customer, incoming } = await ringing(org, '4155550102');
      await incoming.locator('[data-id="several-matches"]').waitFor({ timeout: 15_000 });
      await button(incoming, 'answer').click();

      const pop = popOf(agent, org, 'SEARCH');
      await pop.waitFor({ timeout: 10_000 });
      await expect(pop.textContent()).resolves.toMatch(/Search ".*4155550102"/);
      // Search replaces the record pop: nothing else opens.
      await expect(agent.locator('[data-screen-pops] [data-pop-kind="SOBJECT"]').count()).resolves.toBe(0);
      await customer.getByRole('button', { name: 'Hang up' }).click();
      await customerState(customer, 'idle');
    } finally {
      await (await chooseInSetup('[data-field="screenPop"]', 'Record')).context().close();
    }
  });
});

test('an admin forces the Lightning path in an org with Open CTI: Softphone Setup says which path is live, and records pop through lightning/navigation', async () => {
  const admin = await chooseInSetup('[data-id="crm-path-choice"]', 'Lightning (the Softphone Call Button');
  // The admin page has no Open CTI utility: nothing answers the probe, so Lightning is the live path there.
  const live = admin.locator('c-softphone-setup-crm-path [data-id="crm-path-live"]');
  await live.and(admin.locator('[data-path="Lightning"]')).waitFor({ timeout: 10_000 });
  await expect(live.textContent()).resolves.toMatch(/^Live now: Lightning\./);
  await admin.context().close();
  try {
    const { agent, customer, incoming } = await ringing('opencti', '4155550101');
    await agent.locator('body[data-open-cti-ready="true"]').waitFor({ timeout: 15_000 });
    await button(incoming, 'answer').click();
    await popOf(agent, 'lightning', 'SOBJECT', ALICE).waitFor({ timeout: 10_000 });
    await expect(agent.locator('[data-pop-source="Open CTI screenPop"]').count()).resolves.toBe(0);
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customerState(customer, 'idle');
  } finally {
    await (await chooseInSetup('[data-id="crm-path-choice"]', 'Automatic')).context().close();
  }
});
