// The product documents' "Canceling the Work Timer": after a call the work timer runs, and "Click the red X
// icon to clear the Work Timer" returns the phone to idle. The real softphone LWC on the workbench's agent
// page with the real SLDS styles, a customer's <wb-phone>, the workbench's Kamailio between them.
import {
  button,
  connectedCall,
  shot,
  softphone,
  until,
  useJourneys,
  utilityPanel,
} from '../support/journeys';

useJourneys();
/** Red as the eye sees it: SLDS's error colours (rgb(234, 0, 30), rgb(186, 5, 23) in its newer styling hooks). */
function isRed(colour: string): boolean {
  const [r = 0, g = 255, b = 255] = (colour.match(/\d+/g) ?? []).map(Number);
  return r >= 150 && g <= 60 && b <= 60;
}

describe('the work timer', () => {
  test('after a call the work timer runs; the red X clears it and the phone is idle again', async () => {
    const { agent, active } = await connectedCall('4155550101');
    await button(active, 'hangup').click();

    const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    const timer = wrapUp.locator('[data-id="work-timer"] [data-id="time"]');
    const first = await timer.textContent();
    await until('the work timer to run', async () => (await timer.textContent()) !== first, 3000);
    // Found by its accessible name, as a screen reader user finds it; red as the documents describe it.
    const redX = wrapUp.getByRole('button', { name: 'Clear the work timer' });
    await expect(redX.count()).resolves.toBe(1);
    const fill = await redX.locator('svg').evaluate((icon) => getComputedStyle(icon).fill);
    expect({ fill, red: isRed(fill) }).toEqual({ fill, red: true });
    await shot(utilityPanel(agent), 'work-timer-red-x');

    await redX.click();

    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });
    await softphone(agent).locator('c-softphone-idle').waitFor({ timeout: 10_000 });
  });
});
