// Favorites in the workbench (real LWC, emulated SoftphoneFavorites Apex on the local data file): the agent
// stars people found by the search, puts them in their own order, finds that order again after a reload,
// and calls one from the list.
import type { Locator } from 'playwright-core';
import {
  agentPage,
  customerPage,
  customerState,
  softphone,
  useJourneys,
  utilityButton,
} from '../support/journeys';

useJourneys();

const favorites = (phone: Locator) => phone.locator('c-softphone-favorites');
const names = (list: Locator) => list.locator('[data-id="entry-name"]').allTextContents();

async function star(phone: Locator, term: string, name: string): Promise<void> {
  await phone.locator('[data-id="dial-input"] input').fill(term);
  const results = phone.locator('c-softphone-search c-softphone-number-list');
  await results.locator('[data-id="entry-name"]', { hasText: name }).first().waitFor({ timeout: 10_000 });
  await results
    .getByRole('button', { name: `Add ${name} to favorites` })
    .first()
    .click();
  await favorites(phone).locator('[data-id="entry-name"]', { hasText: name }).waitFor({ timeout: 10_000 });
}

test('the agent stars two people, moves the second up, finds that order after a reload, and calls a favorite', async () => {
  const agent = await agentPage();
  await utilityButton(agent).click();
  const phone = softphone(agent);
  await phone.locator('[data-id="idle"]').waitFor({ timeout: 15_000 });
  await star(phone, 'Alice', 'Alice Nguyen');
  await star(phone, 'Erin', 'Erin Walsh');
  await expect(names(favorites(phone))).resolves.toEqual(['Alice Nguyen', 'Erin Walsh']);

  await favorites(phone).getByRole('button', { name: 'Move Erin Walsh up' }).click();
  await expect(names(favorites(phone))).resolves.toEqual(['Erin Walsh', 'Alice Nguyen']);

  await agent.reload();
  await agent.locator('body[data-shell-ready="true"]').waitFor();
  await utilityButton(agent).click();
  await favorites(phone).locator('[data-id="entry-name"]').first().waitFor({ timeout: 15_000 });
  await expect(names(favorites(phone))).resolves.toEqual(['Erin Walsh', 'Alice Nguyen']);

  const customer = await customerPage('4155550101');
  await favorites(phone)
    .getByRole('button', { name: /^Call Alice Nguyen at / })
    .click();
  await customerState(customer, 'ringing', 15_000);
});
