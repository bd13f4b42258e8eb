// "Placing a call" of the product documents, each way it names, and the controls of a call in progress
// ("Using the keypad", "Holding a call"), used like an agent would: the real softphone LWC on the
// workbench's agent page, customers' <wb-phone>s on their own pages, the workbench's Kamailio between
// them. Each test asserts what the agent sees and what the customer's phone receives.
import type { Page } from 'playwright-core';
import {
  agentPage,
  button,
  callControls,
  connectedCall,
  customerPage,
  customerState,
  expectAudioBothWays,
  hangUpAndLog,
  loggedEarlier,
  openIdlePhone,
  recentsList,
  shot,
  sipRequests,
  softphone,
  until,
  useJourneys,
  utilityPanel,
} from '../support/journeys';

useJourneys();
const BOB = '003WB0000000002YAA';
const ERIN = '00QWB00000000012AA';
const FRANK = '00QWB00000000022AA';

/** The customer's phone rings with a call from agent 1 (extension 1001). */
async function ringsFromTheAgent(customer: Page): Promise<void> {
  await customerState(customer, 'ringing', 15_000);
  await expect(customer.locator('wb-phone [data-call-state]').textContent()).resolves.toContain('1001');
}

describe('placing a call', () => {
  beforeAll(async () => {
    // Agent 1's recent calls: Erin's call was missed, Alice's received, Frank was dialled.
    await loggedEarlier(1, 'logMissedCall', {
      callId: 'earlier-missed',
      direction: 'Inbound',
      phoneNumber: '(312) 555-0103',
      whoId: ERIN,
    });
    await loggedEarlier(1, 'logCall', {
      callId: 'earlier-received',
      direction: 'Inbound',
      phoneNumber: '(415) 555-0101',
      whoId: '003WB0000000001YAA',
      durationSeconds: 95,
    });
    await loggedEarlier(1, 'logCall', {
      callId: 'earlier-dialed',
      direction: 'Outbound',
      phoneNumber: '(646) 555-0104',
      whoId: FRANK,
      durationSeconds: 40,
    });
  });

  test('Enter a name or number in the search field, select one of the matching results, and click the contact phone number or the Call icon', async () => {
    const customer = await customerPage('4155550102');
    const agent = await agentPage();
    const phone = await openIdlePhone(agent);

    await phone.locator('[data-id="dial-input"] input').fill('Bob');
    const results = phone.locator('c-softphone-search c-softphone-number-list');
    const call = results.getByRole('button', { name: /^Call Bob Martin at / });
    await call.waitFor({ timeout: 10_000 });
    await shot(utilityPanel(agent), 'search-field-results');
    await call.click();

    await ringsFromTheAgent(customer);
    const active = phone.locator('[data-id="active-call"]');
    await expect(active.locator('[data-id="call-title"]').textContent()).resolves.toBe('Bob Martin');
    await customer.getByRole('button', { name: 'Answer' }).click();
    await customerState(customer, 'connected');
    await expectAudioBothWays(customer);
    // The call placed from the search result is about that result: its Task relates to Bob.
    const logged = await hangUpAndLog(agent, active, 'Called Bob from the search field');
    expect(logged).toMatchObject({ WhoId: BOB, CallType: 'Outbound' });
  });

  test.each([
    ['Missed', 'Erin Walsh', '3125550103'],
    ['Received', 'Alice Nguyen', '4155550101'],
    ['Dialed', 'Frank Li', '6465550104'],
  ] as const)(
    'Select an entry from the Missed, Received, or Dialed recent history lists, and click the Call icon: the %s list',
    async (kind, name, number) => {
      const customer = await customerPage(number);
      const agent = await agentPage();
      const list = await recentsList(await openIdlePhone(agent), kind);

      await list.getByRole('button', { name: new RegExp(`^Call ${name} at `) }).click();

      await ringsFromTheAgent(customer);
      const active = softphone(agent).locator('[data-id="active-call"]');
      await expect(active.locator('[data-id="call-title"]').textContent()).resolves.toBe(name);
      await shot(utilityPanel(agent), `recents-${kind.toLowerCase()}-call`);
      await button(active, 'hangup').click();
      await customerState(customer, 'idle');
    },
  );

  test('Click the dialpad icon, and dial the number using the mouse', async () => {
    const customer = await customerPage('4155550101');
    const agent = await agentPage();
    const phone = await openIdlePhone(agent);

    await button(phone, 'dialpad-toggle').click();
    const dialpad = phone.locator('c-softphone-idle [data-id="dialpad"]');
    for (const digit of '4155550101') await dialpad.locator(`[data-digit="${digit}"] button`).click();
    await expect(phone.locator('[data-id="dial-input"] input').inputValue()).resolves.toBe('4155550101');
    await shot(utilityPanel(agent), 'dial-pad-by-mouse');
    await button(phone, 'dial-button').click();

    await ringsFromTheAgent(customer);
    expect(sipRequests('INVITE').some((line) => line.includes('INVITE sip:4155550101@'))).toBe(true);
    await customer.getByRole('button', { name: 'Answer' }).click();
    await customerState(customer, 'connected');
    const active = phone.locator('[data-id="active-call"]');
    await expect(active.locator('[data-id="call-title"]').textContent()).resolves.toBe('Alice Nguyen');
    await button(active, 'hangup').click();
    await customerState(customer, 'idle');
  });
});

describe('a call in progress', () => {
  test('Press the Keypad icon to turn the dial pad display on or off during a call: turned off again, the keypad is gone and the call controls are all there', async () => {
    const { agent, customer, active } = await connectedCall('4155550101');
    const offered = await callControls(active);
    expect(offered).toEqual(['mute', 'hold', 'keypad', 'transfer', 'conference', 'hangup']);

    await button(active, 'keypad').click();
    const keypad = active.locator('[data-id="dialpad"]');
    await keypad.waitFor({ timeout: 5000 });
    await expect(button(active, 'keypad').getAttribute('aria-expanded')).resolves.toBe('true');
    await expectAudioBothWays(customer);
    await keypad.locator('[data-digit="7"] button').click();
    await customer.locator('wb-phone [data-dtmf-received]', { hasText: '7' }).waitFor({ timeout: 5000 });

    await button(active, 'keypad').click();
    await keypad.waitFor({ state: 'detached', timeout: 5000 });
    await expect(button(active, 'keypad').getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(callControls(active)).resolves.toEqual(offered);
    await shot(utilityPanel(agent), 'keypad-turned-off');
    await button(active, 'hangup').click();
    await customerState(customer, 'idle');
  });

  test('You cannot forward or conference a call that is in a hard-hold state', async () => {
    const { agent, customer, active } = await connectedCall('4155550101');
    await expect(callControls(active)).resolves.toEqual(expect.arrayContaining(['transfer', 'conference']));

    await button(active, 'hold').click();
    await button(active, 'resume').waitFor({ timeout: 5000 });
    // "Putting on hold…" until the far end has accepted the hold, then "On hold".
    const status = active.locator('[data-id="call-status"]');
    await until('the call to be on hold', async () => (await status.textContent()) === 'On hold', 5000);
    const held = await callControls(active);
    expect(held).not.toContain('transfer');
    expect(held).not.toContain('conference');
    expect(held).toEqual(expect.arrayContaining(['resume', 'hangup']));
    await shot(utilityPanel(agent), 'hard-hold');
    // The customer is still there, on hold, and nothing was sent their way.
    await customerState(customer, 'connected');
    expect(sipRequests('REFER')).toEqual([]);

    await button(active, 'resume').click();
    await button(active, 'transfer').waitFor({ timeout: 5000 });
    await expect(callControls(active)).resolves.toEqual(expect.arrayContaining(['transfer', 'conference']));
    await button(active, 'hangup').click();
    await customerState(customer, 'idle');
  });
});
