// Conference members' notes (OfficeConnect: "When another … user receives a request to join a conference,
// the called person is also able to use call notes if their Call Notes option is enabled and if the caller
// is also a Salesforce contact"): Ada (1001) runs a conference with Alice (a contact) and Erin (a lead); her
// notes go to Alice's record once; Ben (1002), added as a further participant, gets Alice's record popped
// and logs his notes against it, unless the admin turned notes on transferred and conferenced calls off.
import type { Locator, Page } from 'playwright-core';
import {
  agentPage,
  button,
  connectedCall,
  consultation,
  customerPage,
  customerState,
  hangUpAndLog,
  ringingCard,
  saveAdminSettings,
  seriousViolations,
  shot,
  softphone,
  tasks,
  until,
  useJourneys,
  utilityPanel,
  type TaskRow,
} from '../support/journeys';

useJourneys();
// Alice, Erin and Ben on Ada's lines at once (the sample org allows two).
beforeAll(() => saveAdminSettings({ maxLines: '3' }));

const ALICE = '003WB0000000001YAA';
const ERIN = '3125550103';

// The panel, not the call card's Conference button (whose data-id is the same).
const conferencePanel = (agent: Page) => softphone(agent).locator('c-softphone-conference > section');

/** Conference (from the call card, or Add from the conference) → the number dialled in the consultation. */
async function dialIntoConference(agent: Page, number: string): Promise<void> {
  const running = (await conferencePanel(agent).count()) > 0;
  if (running) await button(conferencePanel(agent), 'add-participant').click();
  else await button(softphone(agent).locator('[data-id="active-call"]'), 'conference').click();
  const target = consultation(agent).locator('[data-id="consult-target"]');
  await target.locator('[data-id="dial-input"] input').fill(number);
  await button(target, 'dial-button').click();
}

/** Merge once the new party answered: `parties` are then listed in the conference. */
async function merge(agent: Page, parties: number): Promise<void> {
  await button(consultation(agent), 'merge').click();
  await consultation(agent).waitFor({ state: 'detached', timeout: 10_000 });
  await until(`${parties} parties in the conference`, async () => {
    return (await conferencePanel(agent).locator('[data-id="participant"]').count()) === parties;
  });
}

/** Ada talks with Alice (her record popped) and has Erin merged into a conference with her. */
async function conferenceWithAliceAndErin(): Promise<{
  ada: Page;
  alice: Page;
  erin: Page;
  active: Locator;
}> {
  const erin = await customerPage(ERIN);
  const { agent: ada, customer: alice, active } = await connectedCall('4155550101');
  await active.locator('[data-id="contact-name"]', { hasText: 'Alice Nguyen' }).waitFor({ timeout: 10_000 });
  return { ada, alice, erin, active };
}

async function addErin(ada: Page, erin: Page): Promise<void> {
  await dialIntoConference(ada, ERIN);
  await customerState(erin, 'ringing', 15_000);
  await erin.getByRole('button', { name: 'Answer' }).click();
  await customerState(erin, 'connected');
  await merge(ada, 2);
}

/** Ben is dialled into Ada's running conference, rings, answers, and is merged; resolves with his call card. */
async function addBen(ada: Page, ben: Page): Promise<Locator> {
  await dialIntoConference(ada, '1002');
  const ringing = await ringingCard(ben);
  // Ben's softphone pops the customer's record, not Ada (the caller) nor a list to choose from.
  await expect(ringing.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Alice Nguyen');
  await button(ringing, 'answer').click();
  const benCall = softphone(ben).locator('[data-id="active-call"]');
  await benCall.waitFor({ timeout: 10_000 });
  await merge(ada, 3);
  return benCall;
}

/** Saves every wrap-up card the agent has, one after the other. */
async function saveEveryWrapUp(agent: Page, expected: number): Promise<void> {
  const wrapUps = softphone(agent).locator('[data-id="wrap-up"]');
  await until(`${expected} wrap-ups`, async () => (await wrapUps.count()) === expected);
  for (let left = expected; left > 0; left--) {
    await button(wrapUps.first(), 'save').click();
    await until(`${left - 1} wrap-ups left`, async () => (await wrapUps.count()) === left - 1);
  }
}

describe("conference members' notes", () => {
  test("the agent who runs a conference keeps writing notes against the customer's record throughout it, and they are logged there exactly once", async () => {
    const { ada, alice, erin, active } = await conferenceWithAliceAndErin();
    await active.locator('[data-id="notes"] textarea').fill('Wants a refund.');
    await addErin(ada, erin);

    // The notes typed before the conference are there, in a field that says whose record they go to.
    const field = conferencePanel(ada).locator('[data-id="conference-notes"]');
    await expect(field.locator('label').textContent()).resolves.toContain('Notes for Alice Nguyen');
    const notes = field.locator('[data-id="notes"] textarea');
    await expect(notes.inputValue()).resolves.toBe('Wants a refund.');
    const written = 'Wants a refund. Erin (billing) confirmed order 4411; refund approved.';
    await notes.fill(written);
    await shot(utilityPanel(ada), 'conference-notes');
    expect(await seriousViolations(ada)).toEqual([]);

    await button(conferencePanel(ada), 'leave-conference').click();
    await customerState(alice, 'idle');
    await customerState(erin, 'idle');
    // The customer's call and Erin's each wrap up; Alice's keeps the notes written in the conference.
    const aliceWrapUp = softphone(ada).locator('[data-id="wrap-up"]', { hasText: 'Alice Nguyen' });
    await expect(aliceWrapUp.locator('[data-id="notes"] textarea').inputValue()).resolves.toBe(written);
    await saveEveryWrapUp(ada, 2);

    const logged = await until('the customer’s Task', async () =>
      (await tasks(ada)).find((t) => t.WhoId === ALICE && t.Description === written),
    );
    expect(logged).toMatchObject({ CallType: 'Inbound', WhoName: 'Alice Nguyen' });
    // Never doubled: a late retry or Erin's log would show up as a second Task with these words.
    await ada.waitForTimeout(1500);
    const withNotes = (await tasks(ada)).filter((t) => t.Description?.includes('order 4411'));
    expect(withNotes.map((t) => t.Id)).toEqual([logged.Id]);
  });

  test("a second agent added to a conference gets the customer's record popped and logs notes against it", async () => {
    const ben = await agentPage(2);
    const { ada, alice, erin } = await conferenceWithAliceAndErin();
    await addErin(ada, erin);
    const benCall = await addBen(ada, ben);

    await expect(benCall.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Alice Nguyen');
    await shot(utilityPanel(ben), 'conference-second-agent-notes');
    const notes = 'Joined Ada’s conference: refund of order 4411 approved by billing';
    const logged = (await hangUpAndLog(ben, benCall, notes)) as TaskRow & { OwnerName?: string };
    expect(logged).toMatchObject({
      WhoId: ALICE,
      WhoName: 'Alice Nguyen',
      CallType: 'Inbound',
      OwnerName: 'Ben Agent',
      Description: notes,
    });

    // Ben left; Ada's conference goes on with Alice and Erin until she ends it.
    await until('Ben to leave the conference', async () => {
      return (await conferencePanel(ada).locator('[data-id="participant"]').count()) === 2;
    });
    await button(conferencePanel(ada), 'leave-conference').click();
    await customerState(alice, 'idle');
    await customerState(erin, 'idle');
  });

  test('with notes on transferred and conferenced calls off, the agent who joins a conference has no notes field during it and the log has no notes', async () => {
    await saveAdminSettings({ callNotesOnTransfers: false });
    const ben = await agentPage(2);
    const { ada, alice, erin } = await conferenceWithAliceAndErin();
    await addErin(ada, erin);
    const benCall = await addBen(ada, ben);
    const before = new Set((await tasks(ben)).map((t) => t.Id));

    await expect(benCall.locator('[data-id="notes"]').count()).resolves.toBe(0);
    await button(benCall, 'hangup').click();
    const wrapUp = softphone(ben).locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    await expect(wrapUp.locator('[data-id="notes"]').count()).resolves.toBe(0);
    await shot(utilityPanel(ben), 'conference-notes-off-second-agent');
    await button(wrapUp, 'save').click();
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

    const logged = await until('the second agent’s Task', async () =>
      (await tasks(ben)).find((t: TaskRow & { OwnerName?: string }) => {
        return !before.has(t.Id) && t.OwnerName === 'Ben Agent';
      }),
    );
    expect(logged).toMatchObject({ CallType: 'Inbound', WhoId: ALICE });
    expect(logged.Description ?? '').toBe('');

    await button(conferencePanel(ada), 'leave-conference').click();
    await customerState(alice, 'idle');
    await customerState(erin, 'idle');
  });
});
