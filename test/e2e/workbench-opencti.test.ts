// Click-to-dial and screen pops through the workbench's emulated Open CTI: a click on a sample record's
// phone number reaches the REAL bridge bundle as Salesforce's onClickToDial call, the bridge posts a valid
// clickToDial to the agent page from the Visualforce origin (ADR 0007), and the real softphone dials the customer.
// Screen pops from Open CTI and from lightning/navigation show in the agent page's screen-pop pane.
import type { Frame, Page } from 'playwright-core';
import { validateMessage } from '../../src/protocol';
import { useWorkbench } from '../support/workbench-fixture';

const workbench = useWorkbench();
const ALICE = '003WB0000000001YAA';

async function agentPage(): Promise<Page> {
  const { browser, web } = workbench();
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => {
    throw new Error(`agent page error: ${e.message}`);
  });
  await page.goto(`${web.url}/agent.html?agent=1`);
  // The bridge enabled click-to-dial through the emulated Open CTI.
  await page.locator('body[data-click-to-dial="true"]').waitFor({ timeout: 15_000 });
  return page;
}

function openCtiFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/opencti-bridge.html'));
  if (!frame) throw new Error('no Open CTI frame');
  return frame;
}

describe('workbench Open CTI emulation', () => {
  test('a click on a record phone number becomes a valid clickToDial from the real bridge, and the softphone dials', async () => {
    const { browser, web } = workbench();
    const customer = await (await browser.newContext()).newPage();
    await customer.goto(`${web.url}/phone.html?user=4155550101`);
    await customer.locator('wb-phone [data-status="registered"]').waitFor({ timeout: 10_000 });
    const page = await agentPage();
    await openCtiFrame(page)
      .locator('softphone-bridge-status')
      .getByText('click-to-dial enabled')
      .waitFor({ state: 'attached' });

    await page.goto(`${web.url}/agent.html?agent=1#/record/${ALICE}`);
    await page.locator('body[data-click-to-dial="true"]').waitFor({ timeout: 15_000 });
    await page.locator(`[data-record-page="${ALICE}"] [data-click-to-dial="(415) 555-0101"]`).click();

    const logged = page.locator('[data-log="post"][data-lms-type="clickToDial"]').first();
    await logged.waitFor({ timeout: 5000 });
    await expect(logged.getAttribute('data-valid')).resolves.toBe('true');
    const message: unknown = JSON.parse((await logged.locator('[data-message]').textContent()) ?? '');
    const checked = validateMessage(message);
    expect(checked.ok && checked.value.type === 'clickToDial' && checked.value.payload).toEqual({
      number: '(415) 555-0101',
      recordId: ALICE,
      recordName: 'Alice Nguyen',
      objectType: 'Contact',
    });
    await page.locator('[data-opencti-method="onClickToDial (listener called)"]').first().waitFor();

    // The real softphone took the click: the customer's phone rings with the agent's extension.
    await customer.locator('wb-phone [data-call-state="ringing"]').waitFor({ timeout: 15_000 });
    await expect(customer.locator('wb-phone [data-call-state]').textContent()).resolves.toContain('1001');
    await page.screenshot({ path: 'test-results/workbench-click-to-dial.png' });
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customer.locator('wb-phone [data-call-state="idle"]').waitFor({ timeout: 10_000 });
  });

  test('screen pops from Open CTI and from lightning/navigation show in the pane and open in the workspace', async () => {
    const page = await agentPage();
    await openCtiFrame(page).evaluate(
      () =>
        new Promise<void>((resolve) =>
          (
            window as unknown as {
              sforce: { opencti: { screenPop(args: Record<string, unknown>): void } };
            }
          ).sforce.opencti.screenPop({
            type: 'newRecord',
            params: { entityName: 'Contact' },
            defaultFieldValues: { Phone: '4155550199' },
            callback: () => resolve(),
          }),
        ),
    );
    await page.locator('[data-pop-source="Open CTI screenPop"][data-pop-kind="NEW_RECORD_MODAL"]').waitFor();
    await expect(page.locator('[data-new-record="Contact"] input[name="Phone"]').inputValue()).resolves.toBe(
      '4155550199',
    );

    await page.evaluate((recordId) => {
      window.dispatchEvent(
        new CustomEvent('workbench:navigate', {
          detail: {
            pageReference: { type: 'standard__recordPage', attributes: { recordId, actionName: 'view' } },
          },
        }),
      );
    }, ALICE);
    await page.locator('[data-pop-source="lightning/navigation"][data-pop-kind="SOBJECT"]').waitFor();
    await page.locator(`[data-record-page="${ALICE}"]`).waitFor();
  });
});
