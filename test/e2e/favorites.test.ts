// Favorites in the workbench (real LWC, emulated SoftphoneFavorites Apex on the local data file): the agent
// stars people found by the search, puts them in their own order, finds that order again after a reload,
// and calls one from the list.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { useWorkbench } from '../support/workbench-fixture';

const workbench = useWorkbench();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

async function open(path: string): Promise<Page> {
  const context = await workbench().browser.newContext({ viewport: { width: 1024, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw new Error(`page error on ${path}: ${e.message}`);
  });
  await page.goto(`${workbench().web.url}${path}`);
  return page;
}

async function softphone(): Promise<{ agent: Page; phone: Locator }> {
  const agent = await open('/agent.html?agent=1');
  await agent.locator('body[data-shell-ready="true"]').waitFor();
  await agent.locator('[data-utility-button="softphone"]').click();
  const phone = agent.locator('[data-utility-panel="softphone"] c-softphone');
  await phone.locator('[data-id="idle"]').waitFor({ timeout: 15_000 });
  return { agent, phone };
}

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
  const { agent, phone } = await softphone();
  await star(phone, 'Alice', 'Alice Nguyen');
  await star(phone, 'Erin', 'Erin Walsh');
  await expect(names(favorites(phone))).resolves.toEqual(['Alice Nguyen', 'Erin Walsh']);

  await favorites(phone).getByRole('button', { name: 'Move Erin Walsh up' }).click();
  await expect(names(favorites(phone))).resolves.toEqual(['Erin Walsh', 'Alice Nguyen']);

  await agent.reload();
  await agent.locator('body[data-shell-ready="true"]').waitFor();
  await agent.locator('[data-utility-button="softphone"]').click();
  await favorites(phone).locator('[data-id="entry-name"]').first().waitFor({ timeout: 15_000 });
  await expect(names(favorites(phone))).resolves.toEqual(['Erin Walsh', 'Alice Nguyen']);

  const customer = await open('/phone.html?user=4155550101');
  await customer.locator('wb-phone [data-status="registered"]').waitFor({ timeout: 10_000 });
  await until('1001 to register', async () => (await workbench().sip.registrations()).has('1001'));
  await favorites(phone)
    .getByRole('button', { name: /^Call Alice Nguyen at / })
    .click();
  await customer.locator('wb-phone [data-call-state="ringing"]').waitFor({ timeout: 15_000 });
  await customer
    .getByRole('button', { name: 'Decline' })
    .click()
    .catch(() => undefined);
});

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}
