// The MultiLine document's "Softphone Disabled → Incoming Calls", used like an admin and an agent would:
// the agent is on the deskphone call center (agent 3, Dee, in the sample data), which disables the softphone
// for them; the agent's own phone is a <wb-phone> registered for the agent's number (1003), as the MultiLine
// app on a device is,
// so the workbench's Kamailio forks each incoming call to it and to the softphone panel.
import {
  AGENT_SIP_USER,
  agentPage,
  button,
  call,
  customerPage,
  customerState,
  expectAudioBothWays,
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

test('Softphone disabled: MultiLine for Salesforce opens up automatically to notify the user of the incoming call, which rings on the agent’s own phone; the user enters notes and the call is logged', async () => {
  const agent = await agentPage(3);
  // Registered after the panel, so agentPage saw the panel's own registration.
  const ownPhone = await customerPage(AGENT_SIP_USER[3]);
  const customer = await customerPage('4155550101');
  await expect(utilityButton(agent).getAttribute('aria-expanded')).resolves.toBe('false');

  await call(customer, AGENT_SIP_USER[3]);

  // Both ring: the agent's own phone, and the panel, which opened by itself with the caller's record.
  await customerState(ownPhone, 'ringing', 15_000);
  await expect(ownPhone.locator('wb-phone [data-call-state]').textContent()).resolves.toContain('4155550101');
  const incoming = softphone(agent).locator('[data-id="incoming"]');
  await incoming.waitFor({ state: 'visible', timeout: 15_000 });
  await expect(utilityButton(agent).getAttribute('aria-expanded')).resolves.toBe('true');
  await incoming
    .locator('[data-id="contact-name"]', { hasText: 'Alice Nguyen' })
    .waitFor({ timeout: 10_000 });
  // The panel carries no audio here: the call is answered on the agent's phone, and it says so.
  await expect(incoming.locator('[data-id="answer-on-device"]').textContent()).resolves.toBe(
    'Answer on your phone.',
  );
  await expect(incoming.locator('[data-id="answer"]').count()).resolves.toBe(0);
  await shot(utilityPanel(agent), 'deskphone-incoming');
  await customerState(customer, 'calling');

  await ownPhone.getByRole('button', { name: 'Answer' }).click();
  await customerState(customer, 'connected');
  await expectAudioBothWays(customer);
  const active = softphone(agent).locator('[data-id="active-call"]');
  await active.getByText('Answered on your phone').waitFor({ timeout: 10_000 });
  await expect(active.locator('[data-id="device-controls"]').textContent()).resolves.toBe(
    'Mute, hold and the keypad are on your phone.',
  );
  await active.locator('[data-id="notes"] textarea').fill('Called in about the renewal');

  await customer.getByRole('button', { name: 'Hang up' }).click();
  await customerState(ownPhone, 'idle');
  // Wrap-up, once the panel hears the call ended on the agent's phone or the agent says so ("Call ended").
  const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
  const callEnded = button(active, 'dismiss');
  await wrapUp.or(callEnded).first().waitFor({ timeout: 10_000 });
  if (await callEnded.isVisible()) await callEnded.click();
  await wrapUp.waitFor({ timeout: 10_000 });
  await button(wrapUp, 'save').click();
  await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });
  const logged = await until('the Task', async () =>
    (await tasks(agent)).find((t) => t.Description === 'Called in about the renewal'),
  );
  expect(logged).toMatchObject({ WhoId: ALICE, CallType: 'Inbound' });
});
