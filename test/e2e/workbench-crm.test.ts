// The emulated org behind the real softphone: an incoming call from the number two sample contacts share
// makes the softphone's Apex search (emulated SoftphoneContactSearch) return both; a Task logged through
// the emulated SoftphoneCallLog shows in the agent page's Tasks list and survives a server restart.
import type { Page } from 'playwright-core';
import { packageNamespace } from '../../scripts/namespace';
import { apexPath } from '../../workbench/namespace';
import { useWorkbench } from '../support/workbench-fixture';

const workbench = useWorkbench();

async function registered(user: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await workbench().sip.registrations()).has(user)) {
    if (Date.now() > deadline) throw new Error(`${user} did not register`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

async function open(path: string): Promise<Page> {
  const { browser, web } = workbench();
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => {
    throw new Error(`page error on ${path}: ${e.message}`);
  });
  await page.goto(`${web.url}${path}`);
  return page;
}

describe('workbench emulated org', () => {
  test('a call from a number two contacts share: the Apex search returns both contacts', async () => {
    const agent = await open('/agent.html?agent=1');
    await registered('1001');
    const customer = await open('/phone.html?user=4155550102');
    await customer.locator('wb-phone [data-status="registered"]').waitFor({ timeout: 10_000 });
    const searched = agent.waitForResponse(
      (r) => r.url().endsWith(apexPath(packageNamespace(), 'SoftphoneContactSearch', 'searchByPhone')),
      {
        timeout: 15_000,
      },
    );

    await customer.getByLabel('Number').fill('1001');
    await customer.getByRole('button', { name: 'Call' }).click();
    const response = await searched;
    const request = JSON.parse(response.request().postData() ?? '{}') as {
      phone: string;
      variants: string[];
    };
    expect(request.variants).toEqual(expect.arrayContaining(['+14155550102', '(415) 555-0102']));
    const { result } = (await response.json()) as { result: { name: string; phone: string }[] };
    expect(result.map((m) => [m.name, m.phone])).toEqual([
      ['Bob Martin', '(415) 555-0102'],
      ['Carol Diaz', '415-555-0102'],
    ]);
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customer.locator('wb-phone [data-call-state="idle"]').waitFor({ timeout: 10_000 });
  });

  test('a Task logged through SoftphoneCallLog shows in the Tasks list and survives a restart', async () => {
    const agent = await open('/agent.html?agent=1');
    await agent.locator('body[data-shell-ready="true"]').waitFor();
    const input = {
      callId: 'e2e-task-1@softphone.test',
      direction: 'Inbound',
      phoneNumber: '4155550101',
      displayName: 'Alice Nguyen',
      durationSeconds: 95,
      disposition: 'Resolved',
      notes: 'Asked for the new price list',
      whoId: '003WB0000000001YAA',
      whatId: '001WB0000000001YAA',
    };
    // The call the softphone's CrmPort makes (an @salesforce/apex import), as agent 1.
    const result = await agent.evaluate(
      async ({ body, path }) => {
        const res = await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-workbench-user': '1' },
          body: JSON.stringify({ input: body }),
        });
        return (await res.json()) as { result: { taskId: string; created: boolean } };
      },
      { body: input, path: apexPath(packageNamespace(), 'SoftphoneCallLog', 'logCall') },
    );
    expect(result.result.created).toBe(true);
    const row = (page: Page) => page.locator(`[data-tasks-pane] [data-task-id="${result.result.taskId}"]`);
    await row(agent).waitFor({ timeout: 5000 });
    await expect(row(agent).textContent()).resolves.toMatch(
      /Inbound call from Alice Nguyen.*Alice Nguyen.*Acme Corporation.*95 s.*Resolved.*Asked for the new price list.*Ada Agent/,
    );

    const web = await workbench().restartWeb();
    await agent.goto(`${web.url}/agent.html?agent=1#/record/003WB0000000001YAA`);
    await row(agent).waitFor({ timeout: 5000 });
    await agent.locator(`[data-record-page] [data-task-id="${result.result.taskId}"]`).waitFor();
    await agent.screenshot({ path: 'test-results/workbench-tasks.png' });
  });
});
