// Shared steps of the browser journeys (test/e2e/journeys*.test.ts): the real softphone LWC on the
// workbench's agent pages, customers' <wb-phone>s on their own pages, the workbench's Kamailio between
// them. Helpers assert what a person would see or hear (the LWC's DOM, a customer's received audio, the
// logged Tasks). Screenshots go under test-results/ on every run, and into docs/screenshots/ (used by the
// README) only when SOFTPHONE_UPDATE_SCREENSHOTS=1, so a test run never dirties the work tree.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { packageNamespace } from '../../scripts/namespace';
import { apexPath } from '../../workbench/namespace';
import { useWorkbench, type WorkbenchFixture, type WorkbenchFixtureOptions } from './workbench-fixture';

const SHOTS =
  process.env.SOFTPHONE_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots';
const VIEWPORT = { width: 1024, height: 700 };

export interface TaskRow {
  Id: string;
  WhoId?: string;
  WhoName?: string;
  CallType?: string;
  CallDurationInSeconds?: number;
  CallDisposition?: string;
  Description?: string;
  CallObject?: string;
  Subject?: string;
}

let workbench: (() => WorkbenchFixture) | undefined;
const contexts: BrowserContext[] = [];

/** Starts the workbench for this test file; each journey's pages close after it. */
export function useJourneys(options: WorkbenchFixtureOptions = {}): () => WorkbenchFixture {
  workbench = useWorkbench(options);
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
  // Each journey's pages go away with it: an agent page left open would stay registered and ring too.
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  return workbench;
}

function fixture(): WorkbenchFixture {
  if (!workbench) throw new Error('useJourneys() first');
  return workbench();
}

/** Polls `probe` every `everyMs` until it gives a value; measurements of a resume poll more often. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  ms = 15_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, everyMs));
  }
}

/**
 * Opens a workbench page in its own browser context; `tone`: its microphone plays that tone (withTone);
 * `init`: a script run in the page before its own (to observe platform APIs).
 */
export async function open(path: string, tone?: number, init?: () => void): Promise<Page> {
  const { browser, web } = fixture();
  const context = await browser.newContext({ viewport: VIEWPORT });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw new Error(`page error on ${path}: ${e.message}`);
  });
  if (tone !== undefined) await withTone(page, tone);
  if (init) await page.addInitScript(init);
  await page.goto(`${web.url}${path}`);
  return page;
}

/** The SIP user of each workbench agent (workbench/data/sample-data.json). */
export const AGENT_SIP_USER = { 1: '1001', 2: '1002', 3: '1003' } as const;
export type AgentNumber = keyof typeof AGENT_SIP_USER;

/**
 * The emulated org's flavour (workbench/client/shell/org-flavour.ts): with Open CTI, or without it
 * (`lightning`: no call center, the call button on record pages). The launcher picks the default:
 * `SOFTPHONE_ORG=lightning npx jest test/e2e/journeys.test.ts ...` runs a journey file in an org
 * without Open CTI.
 */
export type OrgFlavour = 'opencti' | 'lightning';
export const ORG_FLAVOURS: OrgFlavour[] = ['opencti', 'lightning'];
const defaultOrg = (): OrgFlavour => (process.env.SOFTPHONE_ORG === 'lightning' ? 'lightning' : 'opencti');

/**
 * Agent 1 (Ada, SIP user 1001), 2 (Ben, 1002) or 3 (Dee, 1003, on the deskphone call center) with the phone
 * registered; the utility panel starts closed.
 */
export async function agentPage(agent: AgentNumber = 1, tone?: number, org = defaultOrg()): Promise<Page> {
  const page = await open(`/agent.html?agent=${agent}${org === 'lightning' ? '&org=lightning' : ''}`, tone);
  await page.locator('body[data-shell-ready="true"]').waitFor();
  const user = AGENT_SIP_USER[agent];
  await until(`${user} to register`, async () => (await fixture().sip.registrations()).has(user));
  return page;
}

export async function customerPage(user: string, tone?: number): Promise<Page> {
  const page = await open(`/phone.html?user=${user}`, tone);
  await page.locator('wb-phone [data-status="registered"]').waitFor({ timeout: 10_000 });
  return page;
}

export async function call(customer: Page, target: string): Promise<void> {
  await customer.getByLabel('Number').fill(target);
  await customer.getByRole('button', { name: 'Call' }).click();
}

/** Waits for the customer's phone to be in this call state (idle, calling, ringing, connected). */
export async function customerState(customer: Page, state: string, timeout = 10_000): Promise<void> {
  await customer.locator(`wb-phone [data-call-state="${state}"]`).waitFor({ timeout });
}

export const softphone = (agent: Page) => agent.locator('[data-utility-panel="softphone"] c-softphone');
export const utilityPanel = (agent: Page) => agent.locator('[data-utility-panel="softphone"]');
export const utilityButton = (agent: Page) => agent.locator('[data-utility-button="softphone"]');
/** The native button inside a lightning-button / lightning-button-icon with this data-id. */
export const button = (scope: Locator, id: string) => scope.locator(`[data-id="${id}"] button`);
export const consultation = (agent: Page) => softphone(agent).locator('[data-id="consultation"]');

/** Starts a transfer of the active call, picks its kind, and dials the target in the consultation panel. */
export async function transferTo(
  agent: Page,
  active: Locator,
  kind: 'Supervised' | 'Unsupervised',
  target: string,
): Promise<void> {
  await button(active, 'transfer').click();
  const consult = consultation(agent);
  await consult.locator('[data-id="transfer-type"]').waitFor({ timeout: 10_000 });
  await consult.getByText(new RegExp(`^${kind}:`)).click();
  const search = consult.locator('[data-id="consult-target"]');
  await search.locator('[data-id="dial-input"] input').fill(target);
  await button(search, 'dial-button').click();
}

export interface AudioStats {
  bytesReceived: number;
  bytesSent: number;
  totalAudioEnergy: number;
  totalSamplesDuration: number;
}

export async function audioStats(customer: Page): Promise<AudioStats> {
  return customer
    .locator('wb-phone')
    .evaluate((phone) => (phone as HTMLElement & { audioStats(): Promise<AudioStats> }).audioStats());
}

/**
 * When the customer hears the agent again after the agent's page went: its phone moved to the new leg once
 * its counters restart, and the audio is back once that leg receives sound (bytes and energy grow between
 * two polls 50 ms apart). `previous`: the counters taken before the page went. Resolves with Date.now().
 */
export async function audioResumed(customer: Page, previous: AudioStats): Promise<number> {
  let swapped = false;
  return until(
    'the customer to hear the agent again',
    async () => {
      const now = await audioStats(customer);
      if (now.bytesReceived < previous.bytesReceived) swapped = true;
      const sounding =
        swapped &&
        now.bytesReceived > previous.bytesReceived &&
        now.totalAudioEnergy > previous.totalAudioEnergy;
      previous = now;
      return sounding ? Date.now() : undefined;
    },
    15_000,
    50,
  );
}

/** The mean square level (0..1) of the audio the customer received over the next `ms`. */
export async function receivedLoudness(customer: Page, ms = 2000): Promise<number> {
  const before = await audioStats(customer);
  await customer.waitForTimeout(ms);
  const after = await audioStats(customer);
  const seconds = after.totalSamplesDuration - before.totalSamplesDuration;
  expect(seconds).toBeGreaterThan((ms / 1000) * 0.5);
  return (after.totalAudioEnergy - before.totalAudioEnergy) / seconds;
}

/** The customer calls agent 1 (or 2), who answers from the utility once the call rings. */
export async function connectedCall(
  customerNumber: string,
  agentNumber: 1 | 2 = 1,
): Promise<{ agent: Page; customer: Page; active: Locator }> {
  const agent = await agentPage(agentNumber);
  const customer = await customerPage(customerNumber);
  await call(customer, AGENT_SIP_USER[agentNumber]);
  const incoming = softphone(agent).locator('[data-id="incoming"]');
  await incoming.waitFor({ timeout: 15_000 });
  await button(incoming, 'answer').click();
  const active = softphone(agent).locator('[data-id="active-call"]');
  await active.waitFor({ timeout: 10_000 });
  await customerState(customer, 'connected');
  return { agent, customer, active };
}

/** The customer's audio counters grow in both directions over a second and a half. */
export async function expectAudioBothWays(customer: Page): Promise<void> {
  const before = await audioStats(customer);
  await customer.waitForTimeout(1500);
  const after = await audioStats(customer);
  expect(after.bytesReceived).toBeGreaterThan(before.bytesReceived + 1000);
  expect(after.bytesSent).toBeGreaterThan(before.bytesSent + 1000);
}

export async function tasks(page: Page): Promise<TaskRow[]> {
  return page.evaluate(async () => (await (await fetch('/api/workbench/tasks')).json()) as TaskRow[]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core on the softphone's utility panel: its serious and critical violations, one line per node. */
export async function seriousViolations(agent: Page): Promise<string[]> {
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

export async function shot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: `${SHOTS}/${name}.png` });
}

/**
 * Saves org settings as an admin does: the real softphoneSetup LWC on the workbench's admin page. `fields`
 * maps a data-field of the form to the text typed into it, or to whether its checkbox is ticked. Agent pages
 * opened afterwards use them.
 */
export async function saveAdminSettings(fields: Record<string, string | boolean>): Promise<void> {
  const admin = await open('/admin.html');
  const setup = admin.locator('c-softphone-setup');
  await setup.locator('[data-id="summary"]').waitFor({ timeout: 15_000 });
  for (const [field, value] of Object.entries(fields)) {
    const input = setup.locator(`[data-field="${field}"] input`);
    if (typeof value !== 'boolean') await input.fill(value);
    // As a person does: a click on the checkbox's label (its styled box covers the native input).
    else if ((await input.isChecked()) !== value)
      await setup.locator(`[data-field="${field}"] label`).click();
  }
  await button(setup, 'save').click();
  await admin.locator('[data-toasts] .slds-theme_success').waitFor({ timeout: 10_000 });
  await admin.context().close();
}

/** What the SIP server logged as received requests ("REQ <method> <request-uri> from ..."), oldest first. */
export function sipRequests(method: string): string[] {
  return fixture()
    .sip.logTail(2000)
    .split('\n')
    .filter((line) => line.includes(`REQ ${method} `));
}

/**
 * Fake media with a voice per page: every microphone this page opens (getUserMedia for audio) is a sine
 * tone of `frequency`, and `window.heardLevels(frequencies)` reads, in dB, what the page plays out loud
 * (the stream last given to an unmuted media element: the agent's ear, or a customer's call). Call it
 * before the page loads. The spectrum of what each page hears then tells whom it hears.
 */
export async function withTone(page: Page, frequency: number): Promise<void> {
  await page.addInitScript((hz: number) => {
    const context = new AudioContext();
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      if (!constraints?.audio || constraints.video) return original(constraints);
      await context.resume();
      const oscillator = context.createOscillator();
      oscillator.frequency.value = hz;
      // Quiet enough that five summed tones never clip (clipping creates intermodulation tones).
      const gain = context.createGain();
      gain.gain.value = 0.15;
      const destination = context.createMediaStreamDestination();
      oscillator.connect(gain).connect(destination);
      oscillator.start();
      return destination.stream;
    };
    let heard: MediaStream | undefined;
    const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
    Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
      ...srcObject,
      set(this: HTMLMediaElement, value: MediaProvider | null) {
        if (!this.muted && value instanceof MediaStream) heard = value;
        srcObject?.set?.call(this, value);
      },
    });
    // The bench (B8) times the first sound heard on this stream.
    (window as unknown as { heardStream(): MediaStream | undefined }).heardStream = () => heard;
    const analysers = new WeakMap<MediaStream, AnalyserNode>();
    (window as unknown as { heardLevels(f: number[]): Promise<number[]> }).heardLevels = async (
      frequencies,
    ) => {
      if (!heard) throw new Error('this page plays no audio');
      await context.resume();
      let analyser = analysers.get(heard);
      const windowMs = (8192 / context.sampleRate) * 1000;
      if (!analyser) {
        analyser = context.createAnalyser();
        analyser.fftSize = 8192;
        // Fresh windows only: WebAudio would blend each reading with the previous one.
        analyser.smoothingTimeConstant = 0;
        context.createMediaStreamSource(heard).connect(analyser);
        analysers.set(heard, analyser);
        await new Promise((ok) => setTimeout(ok, windowMs * 2));
      }
      const bins = new Float32Array(analyser.frequencyBinCount);
      const binHz = context.sampleRate / analyser.fftSize;
      const power = frequencies.map(() => 0);
      for (let reading = 0; reading < 4; reading++) {
        if (reading > 0) await new Promise((ok) => setTimeout(ok, windowMs));
        analyser.getFloatFrequencyData(bins);
        frequencies.forEach((f, n) => {
          const i = Math.round(f / binHz);
          const db = Math.max(...Array.from(bins.slice(Math.max(0, i - 2), i + 3)));
          power[n] = (power[n] ?? 0) + 10 ** (db / 10) / 4;
        });
      }
      return power.map((p) => 10 * Math.log10(p));
    };
  }, frequency);
}

/** What this page plays out loud, in dB at each frequency (pages set up with withTone). */
export async function heardLevels(page: Page, frequencies: number[]): Promise<number[]> {
  return page.evaluate(
    (f) => (window as unknown as { heardLevels(f: number[]): Promise<number[]> }).heardLevels(f),
    frequencies,
  );
}

/** The ringing card on an agent's softphone, once it shows. */
export async function ringingCard(agent: Page): Promise<Locator> {
  const incoming = softphone(agent).locator('[data-id="incoming"]');
  await incoming.waitFor({ timeout: 15_000 });
  return incoming;
}

/** The agent opens the softphone from the utility bar (unless open) and finds it idle (search, dial pad, lists). */
export async function openIdlePhone(agent: Page): Promise<Locator> {
  if ((await utilityButton(agent).getAttribute('aria-expanded')) !== 'true')
    await utilityButton(agent).click();
  const phone = softphone(agent);
  await phone.locator('[data-id="idle"]').waitFor({ timeout: 15_000 });
  return phone;
}

/** The data-ids of the controls a call card offers now, in display order (not the keypad's keys). */
export async function callControls(card: Locator): Promise<(string | null)[]> {
  return card
    .locator(':scope > [role="group"] > lightning-button')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-id')));
}

/**
 * The agent hangs up the active call and saves its wrap-up with the notes typed during the call; resolves
 * with the logged Task, found by those notes.
 */
export async function hangUpAndLog(agent: Page, active: Locator, notes: string): Promise<TaskRow> {
  await active.locator('[data-id="notes"] textarea').fill(notes);
  await button(active, 'hangup').click();
  const wrapUp = softphone(agent).locator('[data-id="wrap-up"]');
  await wrapUp.waitFor({ timeout: 10_000 });
  await button(wrapUp, 'save').click();
  await wrapUp.waitFor({ state: 'detached', timeout: 10_000 });
  return until('the Task', async () => (await tasks(agent)).find((t) => t.Description === notes));
}

/**
 * Picks options of the admin page's comboboxes (softphoneSetup) and saves, as an admin does: `choices` maps
 * a data-field of the form to the label of the option to pick. Agent pages opened afterwards use them.
 */
export async function saveAdminChoices(choices: Record<string, string>): Promise<void> {
  const admin = await open('/admin.html');
  const setup = admin.locator('c-softphone-setup');
  await setup.locator('[data-id="summary"]').waitFor({ timeout: 15_000 });
  for (const [field, option] of Object.entries(choices)) {
    await setup.locator(`[data-field="${field}"] button, [data-field="${field}"] input`).first().click();
    await setup.locator(`[data-field="${field}"]`).getByRole('option', { name: option }).click();
  }
  await button(setup, 'save').click();
  await admin.locator('[data-toasts] .slds-theme_success').waitFor({ timeout: 10_000 });
  await admin.context().close();
}

/** A call Task as the softphone writes it (SoftphoneCallLog.CallLogInput). */
export interface CallLogInput {
  callId: string;
  direction: 'Inbound' | 'Outbound';
  phoneNumber: string;
  whoId?: string;
  durationSeconds?: number;
}

/**
 * Calls the agent made or received before this test: written through the workbench's SoftphoneCallLog
 * Apex, as the softphone writes them (logCall for a call that connected, logMissedCall for a missed one).
 */
export async function loggedEarlier(agent: 1 | 2, method: 'logCall' | 'logMissedCall', input: CallLogInput) {
  const response = await fetch(
    `${fixture().web.url}${apexPath(packageNamespace(), 'SoftphoneCallLog', method)}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-workbench-user': String(agent) },
      body: JSON.stringify({ input }),
    },
  );
  if (!response.ok) throw new Error(`${method} refused: ${response.status} ${await response.text()}`);
}

/** The agent's Recents list of this kind (Missed, Received, Dialed), opened as the agent opens it. */
export async function recentsList(phone: Locator, kind: 'Missed' | 'Received' | 'Dialed'): Promise<Locator> {
  await phone.getByRole('tab', { name: 'Recent calls' }).click();
  const recents = phone.locator('c-softphone-recents');
  await recents.getByRole('tab', { name: kind }).click();
  const list = recents.locator(`[data-id="${kind.toLowerCase()}"]`);
  await list.waitFor({ timeout: 10_000 });
  return list;
}
