// Journey 13, "Softphone disabled: click-to-dial rings the agent's device first", used like an admin and
// an agent would: the admin assigned the agent to the deskphone call center (agent 3, Dee, in the sample
// data), which disables the softphone for them; the agent sets their own phone in the real softphone LWC; a click on a record's phone number rings
// that phone (a <wb-phone> page playing the agent's desk phone) first; the customer's phone rings only
// after a key pressed on the desk phone, sent as in-band tones and decoded by the panel. Screenshot under
// test-results/ on every run, into docs/screenshots/ only when SOFTPHONE_UPDATE_SCREENSHOTS=1.
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { useWorkbench } from '../support/workbench-fixture';

const workbench = useWorkbench();
const SHOTS =
  process.env.SOFTPHONE_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
const VIEWPORT = { width: 1024, height: 700 };
/** Alice Nguyen, a sample contact whose phone is (415) 555-0101. */
const ALICE = '003WB0000000001YAA';
const ALICE_PHONE = '4155550101';
/** Agent 3 (Dee, extension 1003)'s own desk phone. */
const DESK_PHONE = '2101';

interface TaskRow {
  CallType?: string;
  CallObject?: string;
  Description?: string;
}

const contexts: BrowserContext[] = [];

beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

async function open(path: string, init?: () => void): Promise<Page> {
  const { browser, web } = workbench();
  const context = await browser.newContext({ viewport: VIEWPORT });
  contexts.push(context);
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  page.on('pageerror', (e) => {
    throw new Error(`page error on ${path}: ${e.message}`);
  });
  await page.goto(`${web.url}${path}`);
  return page;
}

async function phonePage(user: string): Promise<Page> {
  const page = await open(`/phone.html?user=${user}`);
  await page.locator('wb-phone [data-status="registered"]').waitFor({ timeout: 10_000 });
  return page;
}

const softphone = (agent: Page) => agent.locator('[data-utility-panel="softphone"] c-softphone');
const utilityPanel = (agent: Page) => agent.locator('[data-utility-panel="softphone"]');
const utilityButton = (agent: Page) => agent.locator('[data-utility-button="softphone"]');
const button = (scope: Locator, id: string) => scope.locator(`[data-id="${id}"] button`);
const callState = (phone: Page) => phone.locator('wb-phone [data-call-state]');

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

describe('journey 13', () => {
  test('Softphone disabled: click-to-dial rings the agent’s device first', async () => {
    const desk = await phonePage(DESK_PHONE);
    const customer = await phonePage(ALICE_PHONE);
    // The panel never asks for the agent's microphone: a deskphone agent may have none.
    const agent = await open(`/agent.html?agent=3#/record/${ALICE}`, () => {
      const counter = window as unknown as { microphoneAsked: number };
      const devices = navigator.mediaDevices;
      const open = devices.getUserMedia.bind(devices);
      counter.microphoneAsked = 0;
      devices.getUserMedia = (constraints) => {
        counter.microphoneAsked += 1;
        return open(constraints);
      };
    });
    await agent.locator('body[data-shell-ready="true"]').waitFor();
    await until('1003 to register', async () => (await workbench().sip.registrations()).has('1003'));
    await utilityButton(agent).click();

    // The agent sets their own phone in the panel; it is checked and saved for them.
    const device = softphone(agent).locator('c-softphone-device');
    await device.locator('[data-id="device-missing"]').waitFor({ timeout: 15_000 });
    await device.locator('[data-id="device-number"] input').fill('desk phone');
    await button(device, 'device-save').click();
    await device.locator('[data-id="device-error"]').waitFor();
    await device.locator('[data-id="device-number"] input').fill(DESK_PHONE);
    await button(device, 'device-save').click();
    await device.locator('[data-id="device-missing"]').waitFor({ state: 'detached' });
    await device.locator('[data-id="device-error"]').waitFor({ state: 'detached' });

    // Click-to-dial on Alice's record (the utility minimised so the record shows): the panel calls the
    // agent's desk phone, not Alice.
    await utilityButton(agent).click();
    await agent.locator('body[data-click-to-dial="true"]').waitFor({ timeout: 15_000 });
    await agent.locator(`[data-record-page="${ALICE}"] [data-click-to-dial="(415) 555-0101"]`).click();
    // The panel opens by itself on the new call. (This line used to click the utility button when the panel
    // was not open yet; when the panel opened just after that check, the click closed it again.)
    await utilityPanel(agent).waitFor({ state: 'visible', timeout: 10_000 });
    const active = softphone(agent).locator('[data-id="active-call"]');
    const status = active.locator('[data-id="call-status"]');
    await status.getByText('Calling your phone…').waitFor({ timeout: 15_000 });
    await desk.locator('wb-phone [data-call-state="ringing"]').waitFor({ timeout: 10_000 });
    await expect(callState(desk).textContent()).resolves.toContain('1003');
    await expect(callState(customer).getAttribute('data-call-state')).resolves.toBe('idle');

    // The agent answers on the desk phone: the panel asks for a key; Alice is still not called.
    await desk.getByRole('button', { name: 'Answer' }).click();
    await status
      .getByText('Press any key on your phone to connect your call to Alice Nguyen')
      .waitFor({ timeout: 10_000 });
    await shot(utilityPanel(agent), 'deskphone-press-a-key');
    await desk.waitForTimeout(1000);
    await expect(callState(customer).getAttribute('data-call-state')).resolves.toBe('idle');

    // A key on the desk phone (in-band tones): the desk phone calls Alice.
    await desk.getByRole('button', { name: 'Key 5' }).click();
    await customer.locator('wb-phone [data-call-state="ringing"]').waitFor({ timeout: 15_000 });
    await expect(callState(customer).textContent()).resolves.toContain(DESK_PHONE);
    await status.getByText('Ringing Alice Nguyen…').waitFor({ timeout: 10_000 });

    await customer.getByRole('button', { name: 'Answer' }).click();
    await status.getByText('Answered on your phone').waitFor({ timeout: 10_000 });
    await expect(active.locator('[data-id="device-controls"]').textContent()).resolves.toBe(
      'Mute, hold and the keypad are on your phone.',
    );
    await expect(active.locator('[data-id="mute"]').count()).resolves.toBe(0);
    await active.locator('[data-id="notes"] textarea').fill('Called from the desk phone');
    await shot(utilityPanel(agent), 'deskphone-answered-on-your-phone');

    // "Call ended", then wrap-up saves the Task.
    await button(active, 'dismiss').click();
    const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    await button(wrapUp, 'save').click();
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });
    const logged = await until('the Task', async () => {
      const rows = (await agent.evaluate(
        async () => (await (await fetch('/api/workbench/tasks')).json()) as TaskRow[],
      )) as TaskRow[];
      return rows.find((row) => row.Description === 'Called from the desk phone');
    });
    expect(logged.CallType).toBe('Outbound');
    await expect(
      agent.evaluate(() => (window as unknown as { microphoneAsked: number }).microphoneAsked),
    ).resolves.toBe(0);
  });
});

async function shot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: `${SHOTS}/${name}.png` });
}
