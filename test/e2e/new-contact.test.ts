// An unknown caller, end to end: "New contact" opens the prefilled new-record form, the agent saves it, and
// the softphone takes the saved record as the caller (Lightning's onNavigationChange through the real
// bridge, checked by a search on the caller's number); the call's Task relates to the new contact.
import {
  agentPage,
  button,
  call,
  customerPage,
  softphone,
  tasks,
  until,
  useJourneys,
} from '../support/journeys';

useJourneys();

test('an unknown caller: the agent saves the prefilled new contact, the call takes it as its contact, and the Task relates to it', async () => {
  const agent = await agentPage();
  const customer = await customerPage('4155550199');

  await call(customer, '1001');
  const phone = softphone(agent);
  const incoming = phone.locator('[data-id="incoming"]');
  await incoming.locator('[data-id="no-match"]').waitFor({ timeout: 15_000 });
  await button(incoming, 'new-contact').click();
  await incoming.locator('[data-id="creating-contact"]').waitFor({ timeout: 5000 });

  const form = agent.locator('[data-new-record="Contact"]');
  await form.waitFor({ timeout: 10_000 });
  await form.locator('input[name="LastName"]').fill('Scully');
  await form.locator('input[name="FirstName"]').fill('Dana');
  // Salesforce refuses a Contact without a last name; so does the emulated form, and nothing is linked.
  // The utility panel covers the form's buttons here, so the agent saves from the keyboard.
  await form.locator('input[name="LastName"]').fill('');
  await form.locator('input[name="LastName"]').press('Enter');
  await form.locator('[data-new-record-error]', { hasText: 'Last Name' }).waitFor({ timeout: 5000 });
  await form.locator('input[name="LastName"]').fill('Scully');
  await form.locator('input[name="LastName"]').press('Enter');

  const page = agent.locator('[data-record-page]');
  await page.waitFor({ timeout: 10_000 });
  const contactId = await page.getAttribute('data-record-page');
  expect(contactId).toMatch(/^003/);
  await incoming.locator('[data-id="contact-name"]', { hasText: 'Dana Scully' }).waitFor({ timeout: 10_000 });
  await expect(incoming.locator('[data-id="creating-contact"]').count()).resolves.toBe(0);

  await button(incoming, 'answer').click();
  const active = phone.locator('[data-id="active-call"]');
  await active.waitFor({ timeout: 10_000 });
  await active.locator('[data-id="notes"] textarea').fill('New customer, wants a quote');
  await button(active, 'hangup').click();
  const wrapUp = phone.locator('[data-id="wrap-up"]');
  await wrapUp.waitFor({ timeout: 10_000 });
  await button(wrapUp, 'save').click();
  await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

  const logged = await until('the Task', async () =>
    (await tasks(agent)).find((t) => t.Description === 'New customer, wants a quote'),
  );
  expect(logged).toMatchObject({ WhoId: contactId, WhoName: 'Dana Scully' });
});
