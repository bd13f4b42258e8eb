// The product documents' "Canceling the Work Timer": after a call the work timer runs, and "Click the red X
// icon to clear the Work Timer" or saving the call notes with the wrap-up action returns the phone to idle. The real softphone LWC on the workbench's agent
// page with the real SLDS styles, a customer's <wb-phone>, the workbench's Kamailio between them.
import type { Locator, Page } from 'playwright-core';
import {
  button,
  connectedCall,
  shot,
  softphone,
  tasks,
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

/** The agent hangs up; wrap-up shows with its work timer counting down. */
async function runningWorkTimer(agent: Page, active: Locator): Promise<Locator> {
  await button(active, 'hangup').click();
  const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
  await wrapUp.waitFor({ timeout: 10_000 });
  const timer = wrapUp.locator('[data-id="work-timer"] [data-id="time"]');
  const first = await timer.textContent();
  await until('the work timer to run', async () => (await timer.textContent()) !== first, 3000);
  return wrapUp;
}

describe('the work timer', () => {
  test('after a call the work timer runs; the red X clears it and the phone is idle again', async () => {
    const { agent, active } = await connectedCall('4155550101');
    const wrapUp = await runningWorkTimer(agent, active);
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

  test('Use the Wrap-up actions to automatically cancel the Work Timer when saving Call Notes', async () => {
    const { agent, active } = await connectedCall('4155550101');
    const before = (await tasks(agent)).length;
    await active.locator('[data-id="notes"] textarea').fill('Quote sent');
    const wrapUp = await runningWorkTimer(agent, active);
    const notes = wrapUp.locator('[data-id="notes"] textarea');
    await notes.fill('Quote sent; follow up on Monday');

    await button(wrapUp, 'save').click();

    // The timer is gone well before it would have run out (60 s): the phone is free for the next call.
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });
    await softphone(agent).locator('c-softphone-idle').waitFor({ timeout: 10_000 });
    const logged = await until('the Task', async () =>
      (await tasks(agent)).find((t) => t.Description === 'Quote sent; follow up on Monday'),
    );
    expect(logged).toMatchObject({ WhoId: '003WB0000000001YAA', CallType: 'Inbound' });
    await agent.waitForTimeout(1000);
    expect((await tasks(agent)).length).toBe(before + 1);
  });
});
