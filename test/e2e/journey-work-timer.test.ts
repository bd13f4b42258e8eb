// The product documents' "Canceling the Work Timer": after a call the work timer runs, and "Click the red X
// icon to clear the Work Timer" returns the phone to idle. The real softphone LWC on the workbench's agent
// page with the real SLDS styles, a customer's <wb-phone>, the workbench's Kamailio between them.
import {
  agentPage,
  button,
  call,
  customerPage,
  customerState,
  shot,
  softphone,
  until,
  useJourneys,
  utilityPanel,
} from '../support/journeys';

useJourneys();
/** SLDS's error colour (--slds-g-color-error-base-40), which slds-icon-text-error gives an icon. */
const SLDS_ERROR_RED = 'rgb(234, 0, 30)';

describe('the work timer', () => {
  test('after a call the work timer runs; the red X clears it and the phone is idle again', async () => {
    const agent = await agentPage();
    const customer = await customerPage('4155550101');
    await call(customer, '1001');
    const incoming = softphone(agent).locator('[data-id="incoming"]');
    await incoming.waitFor({ timeout: 15_000 });
    await button(incoming, 'answer').click();
    const active = softphone(agent).locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    await customerState(customer, 'connected');
    await button(active, 'hangup').click();

    const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    const timer = wrapUp.locator('[data-id="work-timer"] [data-id="time"]');
    const first = await timer.textContent();
    await until('the work timer to run', async () => (await timer.textContent()) !== first, 3000);
    // Found by its accessible name, as a screen reader user finds it; red as the documents describe it.
    const redX = wrapUp.getByRole('button', { name: 'Clear the work timer' });
    await expect(redX.count()).resolves.toBe(1);
    await expect(redX.locator('svg').evaluate((icon) => getComputedStyle(icon).fill)).resolves.toBe(
      SLDS_ERROR_RED,
    );
    await shot(utilityPanel(agent), 'work-timer-red-x');

    await redX.click();

    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });
    await softphone(agent).locator('c-softphone-idle').waitFor({ timeout: 10_000 });
  });
});
