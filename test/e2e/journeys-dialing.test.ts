// Journeys 4 and 5 of the product documents, with org settings an admin saved on the workbench's admin
// page first (this file's own workbench and data, so other journeys keep the sample settings): an outside
// line prefix "9" and long-distance "1" (the workbench's Kamailio maps "914155550101" back to the customer
// phone registered as 4155550101, scripts/sip-server/kamailio.cfg route OUTSIDE_LINE), and a maximum hold
// time of a few seconds.
import {
  agentPage,
  button,
  connectedCall,
  customerPage,
  customerState,
  expectAudioBothWays,
  receivedLoudness,
  saveAdminSettings,
  shot,
  sipRequests,
  softphone,
  useJourneys,
  utilityButton,
  utilityPanel,
} from '../support/journeys';

useJourneys();
const MAX_HOLD_SECONDS = 4;
const ALICE = '003WB0000000001YAA';

beforeAll(async () => {
  await saveAdminSettings({
    outsidePrefix: '9',
    longDistancePrefix: '1',
    maxHoldSeconds: String(MAX_HOLD_SECONDS),
    // The admin turned hold music off here, so a held customer hears nothing at all (the music itself is
    // proven by journeys-hold-music.test.ts).
    holdMusic: false,
  });
});

describe('journeys with dialing prefixes and a short maximum hold time', () => {
  test('click-to-dial from a record page dials with the outside-line prefix; the customer answers and hears the keypad digits the agent presses', async () => {
    const customer = await customerPage('4155550101');
    const agent = await agentPage();
    await agent.evaluate((id) => (location.hash = `#/record/${id}`), ALICE);
    const record = agent.locator(`[data-record-page="${ALICE}"]`);
    await expect(utilityButton(agent).getAttribute('aria-expanded')).resolves.toBe('false');
    await record.locator('[data-click-to-dial="(415) 555-0101"]').first().click();

    await customerState(customer, 'ringing', 15_000);
    // Nobody opens the softphone: the click opened its panel, showing the new call to Alice.
    await softphone(agent).locator('[data-id="active-call"]').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(utilityButton(agent).getAttribute('aria-expanded')).resolves.toBe('true');
    // On the wire: the admin's prefixes in front of the national number.
    expect(sipRequests('INVITE').some((line) => line.includes('INVITE sip:914155550101@'))).toBe(true);
    await customer.getByRole('button', { name: 'Answer' }).click();
    await customerState(customer, 'connected');
    const active = softphone(agent).locator('[data-id="active-call"]');
    await active.locator('[data-id="timer"]').waitFor({ timeout: 10_000 });
    await expect(active.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Alice Nguyen');

    // Like a person, the agent keys in once the two can hear each other.
    await expectAudioBothWays(customer);
    await button(active, 'keypad').click();
    const keypad = active.locator('[data-id="dialpad"]');
    for (const digit of ['1', '5', '9', '#']) {
      await keypad.locator(`[data-digit="${digit}"] button`).click();
      await agent.waitForTimeout(400);
    }
    await customer.waitForTimeout(1500);
    await expect(customer.locator('wb-phone [data-dtmf-received]').textContent()).resolves.toBe('159#');
    await shot(utilityPanel(agent), 'click-to-dial-keypad');
    await button(active, 'hangup').click();
    await customerState(customer, 'idle');
  });

  test('click-to-dial in a tab that does not hold the phone: the holding tab dials, and the panel opens in the tab where the agent clicked', async () => {
    const customer = await customerPage('4155550101');
    const holder = await agentPage();
    const clicked = await holder.context().newPage();
    clicked.on('pageerror', (e) => {
      throw new Error(`page error in the second tab: ${e.message}`);
    });
    await clicked.goto(`${new URL(holder.url()).origin}/agent.html?agent=1#/record/${ALICE}`);
    await softphone(clicked)
      .locator('[data-id="session"]')
      .getByText('Your phone runs in another tab')
      .waitFor({ state: 'attached', timeout: 15_000 });
    await clicked.locator('body[data-click-to-dial="true"]').waitFor({ timeout: 15_000 });

    await clicked
      .locator(`[data-record-page="${ALICE}"] [data-click-to-dial="(415) 555-0101"]`)
      .first()
      .click();

    await customerState(customer, 'ringing', 15_000);
    await softphone(clicked)
      .locator('[data-id="active-call"]')
      .waitFor({ state: 'visible', timeout: 10_000 });
    await expect(utilityButton(clicked).getAttribute('aria-expanded')).resolves.toBe('true');
    // The tab holding the phone carries the call but is not where the agent looks: its panel stays closed.
    await softphone(holder).locator('[data-id="active-call"]').waitFor({ state: 'attached' });
    await expect(utilityButton(holder).getAttribute('aria-expanded')).resolves.toBe('false');
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customerState(customer, 'idle');
  });

  test('a call held past the maximum hold time rings back; answering the recall resumes the audio', async () => {
    const { agent, customer, active } = await connectedCall('4155550101');
    await customer.waitForTimeout(1000);
    const talking = await receivedLoudness(customer);
    expect(talking).toBeGreaterThan(1e-4);

    await button(active, 'hold').click();
    await button(active, 'resume').waitFor({ timeout: 5000 });
    await customer.waitForTimeout(500);
    const held = await receivedLoudness(customer, 1500);
    expect(held).toBeLessThan(talking / 1000);

    // The recall: an alert on the call and Answer offered, MAX_HOLD_SECONDS after the hold.
    const recall = active.locator('[data-id="hold-recall"]');
    await recall.waitFor({ timeout: MAX_HOLD_SECONDS * 1000 + 5000 });
    await button(active, 'answer').waitFor();
    await shot(utilityPanel(agent), 'hold-recall');
    await customerState(customer, 'connected');

    await button(active, 'answer').click();
    await recall.waitFor({ state: 'detached', timeout: 5000 });
    await button(active, 'hold').waitFor({ timeout: 5000 });
    await customer.waitForTimeout(500);
    const resumed = await receivedLoudness(customer);
    expect(resumed).toBeGreaterThan(talking / 10);

    await button(active, 'hangup').click();
    await customerState(customer, 'idle');
  });
});
