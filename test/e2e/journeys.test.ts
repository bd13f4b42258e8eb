// The product documents' journeys, used like an agent would: the real softphone LWC on the workbench's
// agent page, a customer's <wb-phone> on its own page, the workbench's Kamailio between them. Each test
// asserts what a person would see or hear (the LWC's DOM, the customer's received audio, the logged Task,
// the screen pop) and saves a screenshot of its key state: under test-results/ on every run, and into
// docs/screenshots/ (used by the README) only when SOFTPHONE_UPDATE_SCREENSHOTS=1, so a test run never
// dirties the work tree.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { useWorkbench } from '../support/workbench-fixture';

const workbench = useWorkbench();
const SHOTS =
  process.env.SOFTPHONE_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
const VIEWPORT = { width: 1024, height: 700 };

interface TaskRow {
  Id: string;
  WhoId?: string;
  WhoName?: string;
  CallType?: string;
  CallDurationInSeconds?: number;
  CallDisposition?: string;
  Description?: string;
  CallObject?: string;
}

const contexts: BrowserContext[] = [];

beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
// Each journey's pages go away with it: an agent page left open would stay registered and ring too.
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
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

async function open(path: string): Promise<Page> {
  const { browser, web } = workbench();
  const context = await browser.newContext({ viewport: VIEWPORT });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw new Error(`page error on ${path}: ${e.message}`);
  });
  await page.goto(`${web.url}${path}`);
  return page;
}

/** Agent 1 (Ada, SIP user 1001) with the softphone registered; the utility panel starts closed. */
async function agentPage(): Promise<Page> {
  const page = await open('/agent.html?agent=1');
  await page.locator('body[data-shell-ready="true"]').waitFor();
  await until('1001 to register', async () => (await workbench().sip.registrations()).has('1001'));
  return page;
}

async function customerPage(user: string): Promise<Page> {
  const page = await open(`/phone.html?user=${user}`);
  await page.locator('wb-phone [data-status="registered"]').waitFor({ timeout: 10_000 });
  return page;
}

async function call(customer: Page, target: string): Promise<void> {
  await customer.getByLabel('Number').fill(target);
  await customer.getByRole('button', { name: 'Call' }).click();
}

const softphone = (agent: Page) => agent.locator('[data-utility-panel="softphone"] c-softphone');
const utilityPanel = (agent: Page) => agent.locator('[data-utility-panel="softphone"]');
const utilityButton = (agent: Page) => agent.locator('[data-utility-button="softphone"]');
/** The native button inside a lightning-button / lightning-button-icon with this data-id. */
const button = (scope: Locator, id: string) => scope.locator(`[data-id="${id}"] button`);

interface AudioStats {
  bytesReceived: number;
  bytesSent: number;
  totalAudioEnergy: number;
  totalSamplesDuration: number;
}

async function audioStats(customer: Page): Promise<AudioStats> {
  return customer
    .locator('wb-phone')
    .evaluate((phone) => (phone as HTMLElement & { audioStats(): Promise<AudioStats> }).audioStats());
}

/** The mean square level (0..1) of the audio the customer received over the next `ms`. */
async function receivedLoudness(customer: Page, ms = 2000): Promise<number> {
  const before = await audioStats(customer);
  await customer.waitForTimeout(ms);
  const after = await audioStats(customer);
  const seconds = after.totalSamplesDuration - before.totalSamplesDuration;
  expect(seconds).toBeGreaterThan((ms / 1000) * 0.5);
  return (after.totalAudioEnergy - before.totalAudioEnergy) / seconds;
}

/** The customer calls agent 1, who answers from the utility once the call rings. */
async function connectedCall(
  customerNumber: string,
): Promise<{ agent: Page; customer: Page; active: Locator }> {
  const agent = await agentPage();
  const customer = await customerPage(customerNumber);
  await call(customer, '1001');
  const incoming = softphone(agent).locator('[data-id="incoming"]');
  await incoming.waitFor({ timeout: 15_000 });
  await button(incoming, 'answer').click();
  const active = softphone(agent).locator('[data-id="active-call"]');
  await active.waitFor({ timeout: 10_000 });
  await customer.locator('wb-phone [data-call-state="connected"]').waitFor({ timeout: 10_000 });
  return { agent, customer, active };
}

/** The customer's audio counters grow in both directions over a second and a half. */
async function expectAudioBothWays(customer: Page): Promise<void> {
  const before = await audioStats(customer);
  await customer.waitForTimeout(1500);
  const after = await audioStats(customer);
  expect(after.bytesReceived).toBeGreaterThan(before.bytesReceived + 1000);
  expect(after.bytesSent).toBeGreaterThan(before.bytesSent + 1000);
}

async function tasks(agent: Page): Promise<TaskRow[]> {
  return agent.evaluate(async () => (await (await fetch('/api/workbench/tasks')).json()) as TaskRow[]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core on the softphone's utility panel: its serious and critical violations, one line per node. */
async function seriousViolations(agent: Page): Promise<string[]> {
  await agent.addScriptTag({ path: createRequire(__filename).resolve('axe-core/axe.min.js') });
  const { violations, buttonsChecked } = await agent.evaluate(async () => {
    type Results = { violations: AxeViolation[]; passes: AxeViolation[] };
    const axe = (window as unknown as { axe: { run(c: unknown): Promise<Results> } }).axe;
    const results = await axe.run({ include: [['[data-utility-panel="softphone"]']] });
    const named = results.passes.find((p) => p.id === 'button-name');
    return { violations: results.violations, buttonsChecked: named?.nodes.length ?? 0 };
  });
  // The scan reached into the LWC's shadow trees (its buttons were checked), not just the empty host.
  expect(buttonsChecked).toBeGreaterThan(0);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${JSON.stringify(n.target)}`));
}

async function shot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: `${SHOTS}/${name}.png` });
}

describe('journeys', () => {
  test('a known caller rings with one match; the agent answers, talks with audio both ways, takes notes, hangs up, and Save logs a Task related to the contact with the notes, duration and disposition, after a screen pop to the contact', async () => {
    const agent = await agentPage();
    const customer = await customerPage('4155550101');
    const taskCount = (await tasks(agent)).length;

    await call(customer, '1001');
    const phone = softphone(agent);
    const incoming = phone.locator('[data-id="incoming"]');
    await incoming.waitFor({ timeout: 15_000 });
    // The utility opens itself (or at least highlights) for the ringing call.
    await expect(utilityPanel(agent).isVisible()).resolves.toBe(true);
    await expect(utilityButton(agent).getAttribute('aria-expanded')).resolves.toBe('true');
    await incoming.locator('[data-id="contact-name"]').waitFor();
    await expect(incoming.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Alice Nguyen');
    await expect(incoming.locator('[data-id="match"]').count()).resolves.toBe(0);
    await expect(incoming.locator('[data-id="caller-name"]').textContent()).resolves.toContain(
      'Alice Nguyen',
    );

    await button(incoming, 'answer').click();
    const active = phone.locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    await customer.locator('wb-phone [data-call-state="connected"]').waitFor({ timeout: 10_000 });
    await expectAudioBothWays(customer);
    // The screen pop to the contact, in the pane and in the workspace.
    const pop = agent.locator('[data-screen-pops] [data-pop-kind="SOBJECT"]', {
      hasText: '003WB0000000001YAA',
    });
    await pop.first().waitFor({ timeout: 10_000 });
    await agent.locator('[data-record-page="003WB0000000001YAA"]').waitFor();

    await active.locator('[data-id="notes"] textarea').fill('Wants the new price list by Friday');
    await shot(utilityPanel(agent), 'known-caller-connected');
    await button(active, 'hangup').click();
    await customer.locator('wb-phone [data-call-state="idle"]').waitFor({ timeout: 10_000 });

    const wrapUp = phone.locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    await expect(wrapUp.locator('[data-id="notes"] textarea').inputValue()).resolves.toBe(
      'Wants the new price list by Friday',
    );
    await expect(wrapUp.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Alice Nguyen');
    const timer = wrapUp.locator('[data-id="work-timer"] [data-id="time"]');
    const first = await timer.textContent();
    await until('the work timer to run', async () => (await timer.textContent()) !== first, 3000);

    await wrapUp.locator('[data-id="disposition"] button, [data-id="disposition"] input').first().click();
    await wrapUp.getByRole('option', { name: 'Resolved' }).click();
    await shot(utilityPanel(agent), 'known-caller-wrap-up');
    await button(wrapUp, 'save').click();
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

    const logged = await until('the Task', async () => {
      const all = await tasks(agent);
      return all.length > taskCount ? all.find((t) => t.WhoId === '003WB0000000001YAA') : undefined;
    });
    expect(logged).toMatchObject({
      WhoId: '003WB0000000001YAA',
      CallType: 'Inbound',
      CallDisposition: 'Resolved',
      Description: 'Wants the new price list by Friday',
    });
    expect(logged.CallDurationInSeconds).toBeGreaterThanOrEqual(1);
    const row = agent.locator(`[data-tasks-pane] [data-task-id="${logged.Id}"]`);
    await row.waitFor({ timeout: 5000 });
    await expect(row.textContent()).resolves.toMatch(/Alice Nguyen.*Resolved.*Wants the new price list/);
    await shot(agent, 'known-caller');
  });

  test('a number two contacts share shows both; the agent picks one and the Task relates to that one', async () => {
    const agent = await agentPage();
    const customer = await customerPage('4155550102');

    await call(customer, '1001');
    const phone = softphone(agent);
    const incoming = phone.locator('[data-id="incoming"]');
    await incoming.locator('[data-id="several-matches"]').waitFor({ timeout: 15_000 });
    const matches = incoming.locator('[data-id="match"]');
    await expect(matches.count()).resolves.toBe(2);
    await expect(matches.allTextContents()).resolves.toEqual([
      expect.stringContaining('Bob Martin'),
      expect.stringContaining('Carol Diaz'),
    ]);
    await incoming.locator('[data-id="pick-contact"][data-record-id="003WB0000000003YAA"] button').click();
    await incoming.locator('[data-id="contact-name"]', { hasText: 'Carol Diaz' }).waitFor({ timeout: 5000 });
    await shot(utilityPanel(agent), 'shared-number');

    await button(incoming, 'answer').click();
    const active = phone.locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    await customer.locator('wb-phone [data-call-state="connected"]').waitFor({ timeout: 10_000 });
    await expect(active.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Carol Diaz');
    await active.locator('[data-id="notes"] textarea').fill('Order query');
    await button(active, 'hangup').click();
    const wrapUp = phone.locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    await expect(wrapUp.locator('[data-id="contact-name"]').textContent()).resolves.toBe('Carol Diaz');
    await button(wrapUp, 'save').click();
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

    const logged = await until('the Task', async () =>
      (await tasks(agent)).find((t) => t.Description === 'Order query'),
    );
    expect(logged).toMatchObject({ WhoId: '003WB0000000003YAA', WhoName: 'Carol Diaz', CallType: 'Inbound' });
  });

  test('an unknown caller: "New contact" opens a new-record form prefilled with the number', async () => {
    const agent = await agentPage();
    const customer = await customerPage('4155550199');

    await call(customer, '1001');
    const phone = softphone(agent);
    const incoming = phone.locator('[data-id="incoming"]');
    await incoming.locator('[data-id="no-match"]').waitFor({ timeout: 15_000 });
    await button(incoming, 'new-contact').click();

    // A new-record pop: NEW_RECORD_MODAL through Open CTI, NEW_RECORD through lightning/navigation.
    const pop = agent.locator('[data-screen-pops] [data-pop-kind^="NEW_RECORD"]');
    await pop
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(async (e: unknown) => {
        throw new Error(
          `${String(e)}\npops: ${await agent.locator('[data-screen-pops]').innerText()}\nlog: ${await agent.locator('[data-emulation-log]').innerText()}\nutility: ${await softphone(agent).innerText()}`,
        );
      });
    await expect(pop.first().textContent()).resolves.toMatch(/New Contact .*Phone=/);
    const form = agent.locator('[data-new-record="Contact"]');
    await form.waitFor({ timeout: 5000 });
    const prefilled = await form.locator('input[name="Phone"]').inputValue();
    expect(prefilled.replace(/\D/g, '')).toMatch(/^1?4155550199$/);
    await shot(agent, 'unknown-caller');
    await customer.getByRole('button', { name: 'Hang up' }).click();
    await customer.locator('wb-phone [data-call-state="idle"]').waitFor({ timeout: 10_000 });
  });

  test('mute: the customer hears silence while the agent is muted, and the agent again after unmute', async () => {
    const { agent, customer, active } = await connectedCall('4155550101');
    // Chromium's fake microphone beeps; let the jitter buffer fill before measuring.
    await customer.waitForTimeout(1000);
    const talking = await receivedLoudness(customer);
    expect(talking).toBeGreaterThan(1e-4);

    await button(active, 'mute').click();
    await button(active, 'unmute').waitFor({ timeout: 5000 });
    await shot(utilityPanel(agent), 'mute');
    await customer.waitForTimeout(500);
    const muted = await receivedLoudness(customer);
    expect(muted).toBeLessThan(talking / 1000);

    await button(active, 'unmute').click();
    await button(active, 'mute').waitFor({ timeout: 5000 });
    await customer.waitForTimeout(500);
    const unmuted = await receivedLoudness(customer);
    expect(unmuted).toBeGreaterThan(talking / 10);

    await button(active, 'hangup').click();
    await customer.locator('wb-phone [data-call-state="idle"]').waitFor({ timeout: 10_000 });
  });

  test('reject with a text reply: the caller receives the text and the call is refused', async () => {
    const agent = await agentPage();
    const customer = await customerPage('4155550101');
    await call(customer, '1001');
    const incoming = softphone(agent).locator('[data-id="incoming"]');
    await incoming.waitFor({ timeout: 15_000 });

    await button(incoming, 'reply-text').click();
    const reply = incoming.locator('[data-id="text-reply"]');
    await reply.waitFor();
    await shot(utilityPanel(agent), 'reject-with-text');
    await reply
      .locator('[data-id="reply-custom"] textarea')
      .fill('In a meeting until 3, I will call you back.');
    await button(reply, 'reply-send').click();

    const received = customer.locator('wb-phone [data-message]');
    await received.first().waitFor({ timeout: 10_000 });
    await expect(received.allTextContents()).resolves.toEqual([
      'In a meeting until 3, I will call you back.',
    ]);
    await customer.locator('wb-phone [data-call-state="idle"]').waitFor({ timeout: 10_000 });
    await incoming.waitFor({ state: 'detached', timeout: 10_000 });
    await shot(customer, 'reject-with-text-customer');
  });

  test('the softphone utility passes axe-core with no serious or critical violations when idle, ringing, connected and wrapping up', async () => {
    const agent = await agentPage();
    await utilityButton(agent).click();
    await softphone(agent).locator('c-softphone-idle').waitFor({ timeout: 10_000 });
    const idle = await seriousViolations(agent);

    const customer = await customerPage('4155550102');
    await call(customer, '1001');
    const incoming = softphone(agent).locator('[data-id="incoming"]');
    await incoming.locator('[data-id="several-matches"]').waitFor({ timeout: 15_000 });
    const ringing = await seriousViolations(agent);

    await button(incoming, 'answer').click();
    const active = softphone(agent).locator('[data-id="active-call"]');
    await active.waitFor({ timeout: 10_000 });
    const connected = await seriousViolations(agent);
    await button(active, 'hangup').click();
    const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
    await wrapUp.waitFor({ timeout: 10_000 });
    const wrappingUp = await seriousViolations(agent);
    await button(wrapUp, 'save').click();
    await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });

    expect({ idle, ringing, connected, wrappingUp }).toEqual({
      idle: [],
      ringing: [],
      connected: [],
      wrappingUp: [],
    });
  });
});
