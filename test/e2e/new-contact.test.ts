// An unknown caller, end to end: "New contact" opens the prefilled new-record form, the agent saves it, and
// the softphone takes the saved record as the caller, checked by a search on the caller's number; the
// call's Task relates to the new contact. In both flavours of org: with Open CTI the record page the agent
// lands on reaches the phone as onNavigationChange through the real bridge, without it as the utility's
// CurrentPageReference (lightning/navigation).
import {
  ORG_FLAVOURS,
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
// One unknown number per flavour: the contact saved in the first is a known caller in the second.
const UNKNOWN = { opencti: '4155550199', lightning: '4155550198' };

test.each(ORG_FLAVOURS)(
  'an unknown caller in an org %s: the agent saves the prefilled new contact, the call takes it as its contact, and the Task relates to it',
  async (org) => {
    const agent = await agentPage(1, undefined, org);
    const customer = await customerPage(UNKNOWN[org]);
    const notes = `New customer, wants a quote (${org})`;

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
    const prefilled = await form.locator('input[name="Phone"]').inputValue();
    expect(prefilled.replace(/\D/g, '')).toMatch(new RegExp(`^1?${UNKNOWN[org]}$`));
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
    await incoming
      .locator('[data-id="contact-name"]', { hasText: 'Dana Scully' })
      .waitFor({ timeout: 10_000 });
    await expect(incoming.locator('[data-id="creating-contact"]').count()).resolves.toBe(0);

    await button(incoming, 'answer').click();
    const active = phone.locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    await active.locator('[data-id="notes"] textarea').fill(notes);
    await button(active, 'hangup').click();
    const wrapUp = phone.locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    await button(wrapUp, 'save').click();
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

    const logged = await until('the Task', async () =>
      (await tasks(agent)).find((t) => t.Description === notes),
    );
    expect(logged).toMatchObject({ WhoId: contactId, WhoName: 'Dana Scully' });
  },
);
