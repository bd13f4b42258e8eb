// "Clicking the Hold icon temporarily parks the call, and the held party hears music and waits for you to
// return to the call" (OfficeConnect): the real softphone LWC on the workbench's agent page, a customer's
// <wb-phone> on its own page. Each page's microphone is a tone of its own (withTone), so the spectrum of what
// the customer hears tells the agent's voice, the built-in melody and an admin's recording apart; the agent's
// page is measured the same way and must hear none of the music.
import type { Locator, Page } from 'playwright-core';
import { HOLD_MELODY_NOTES } from '../../src/media/hold-melody';
import {
  agentPage,
  button,
  call,
  customerPage,
  customerState,
  heardLevels,
  open,
  saveAdminSettings,
  shot,
  softphone,
  transferTo,
  useJourneys,
  utilityPanel,
} from '../support/journeys';
import { AUDIBLE_DB, MARGIN_DB } from '../support/mix-minus';

useJourneys();

/** Apart from every melody note (and from each other) by more than the analyser's reach. */
const AGENT_HZ = 300;
const CUSTOMER_HZ = 1390;
/** The tone of the admin's own recording in the recording journey. */
const RECORDING_HZ = 1000;
const NOTES = [...new Set(HOLD_MELODY_NOTES)];

/** The loudest melody note a page hears over a few readings (a melody moves from note to note). */
async function melodyLevel(page: Page): Promise<number> {
  let loudest = -Infinity;
  for (let reading = 0; reading < 4; reading++) {
    loudest = Math.max(loudest, ...(await heardLevels(page, NOTES)));
  }
  return loudest;
}

async function levelAt(page: Page, frequency: number): Promise<number> {
  const [level] = await heardLevels(page, [frequency]);
  return level!;
}

/** Reads `read` until it passes `settled` (the jitter buffer fades out over ~1–2 s), or after 5 s. */
async function settled(
  read: () => Promise<number>,
  settledWhen: (level: number) => boolean,
): Promise<number> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const level = await read();
    if (settledWhen(level) || Date.now() > deadline) return level;
    await new Promise((ok) => setTimeout(ok, 250));
  }
}
const heard = (level: number) => level > AUDIBLE_DB;
const silent = (level: number) => level < AUDIBLE_DB - MARGIN_DB;

/** The customer calls agent 1, who answers; both pages play their own tone. */
async function talking(): Promise<{ agent: Page; customer: Page; active: Locator }> {
  const agent = await agentPage(1, AGENT_HZ);
  const customer = await customerPage('4155550101', CUSTOMER_HZ);
  await call(customer, '1001');
  const incoming = softphone(agent).locator('[data-id="incoming"]');
  await incoming.waitFor({ timeout: 15_000 });
  await button(incoming, 'answer').click();
  const active = softphone(agent).locator('[data-id="active-call"]');
  await active.waitFor({ timeout: 10_000 });
  await customerState(customer, 'connected');
  expect(await settled(() => levelAt(customer, AGENT_HZ), heard)).toBeGreaterThan(AUDIBLE_DB);
  return { agent, customer, active };
}

async function hold(active: Locator): Promise<void> {
  await button(active, 'hold').click();
  await button(active, 'resume').waitFor({ timeout: 10_000 });
}

/** Turns hold music on or off as an admin does, on the Softphone Setup tab. */
async function setHoldMusic(on: boolean): Promise<void> {
  const admin = await open('/admin.html');
  const setup = admin.locator('c-softphone-setup');
  await setup.locator('[data-id="summary"]').waitFor({ timeout: 15_000 });
  // The admin clicks the checkbox's label (SLDS draws the box over the input).
  const box = setup.locator('[data-field="holdMusic"]');
  if ((await box.locator('input').isChecked()) !== on) await box.locator('label').click();
  await expect(box.locator('input').isChecked()).resolves.toBe(on);
  await button(setup, 'save').click();
  await admin.locator('[data-toasts] .slds-theme_success').waitFor({ timeout: 10_000 });
  await admin.context().close();
}

/** A WAV file (16-bit mono) of a steady tone: the admin's "recording", served as a static resource. */
function toneWav(frequency: number, seconds = 2, rate = 16_000): Buffer {
  const samples = seconds * rate;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    wav.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * frequency * i) / rate)), 44 + i * 2);
  }
  return wav;
}

describe('hold music', () => {
  test('clicking the Hold icon parks the call and the held party hears music; the agent hears nothing of it; Retrieve brings the agent back, still muted if they were', async () => {
    const { agent, customer, active } = await talking();

    await hold(active);
    const music = await settled(() => melodyLevel(customer), heard);
    const agentVoice = await settled(() => levelAt(customer, AGENT_HZ), silent);
    const agentHearsMusic = await melodyLevel(agent);
    process.stdout.write(
      `hold music: the customer hears the melody at ${music.toFixed(1)} dB and the agent at ` +
        `${agentVoice.toFixed(1)} dB; the agent hears the melody at ${agentHearsMusic.toFixed(1)} dB\n`,
    );
    expect(music).toBeGreaterThan(AUDIBLE_DB);
    expect(agentVoice).toBeLessThan(AUDIBLE_DB - MARGIN_DB);
    expect(agentHearsMusic).toBeLessThan(AUDIBLE_DB - MARGIN_DB);
    await shot(utilityPanel(agent), 'hold-music');

    await button(active, 'resume').click();
    await button(active, 'hold').waitFor({ timeout: 10_000 });
    expect(await settled(() => melodyLevel(customer), silent)).toBeLessThan(AUDIBLE_DB - MARGIN_DB);
    expect(await settled(() => levelAt(customer, AGENT_HZ), heard)).toBeGreaterThan(AUDIBLE_DB);

    // Muted before the hold: Retrieve puts the microphone back muted; Unmute brings the voice back.
    await button(active, 'mute').click();
    await hold(active);
    expect(await settled(() => melodyLevel(customer), heard)).toBeGreaterThan(AUDIBLE_DB);
    await button(active, 'resume').click();
    await button(active, 'hold').waitFor({ timeout: 10_000 });
    expect(await settled(() => melodyLevel(customer), silent)).toBeLessThan(AUDIBLE_DB - MARGIN_DB);
    expect(await settled(() => levelAt(customer, AGENT_HZ), silent)).toBeLessThan(AUDIBLE_DB - MARGIN_DB);
    await button(active, 'unmute').click();
    expect(await settled(() => levelAt(customer, AGENT_HZ), heard)).toBeGreaterThan(AUDIBLE_DB);
    await button(active, 'hangup').click();
  });

  test('the customer held for a consultation hears music while the agent talks to the third party, who hears the agent and no music', async () => {
    const { agent, customer, active } = await talking();
    const ben = await agentPage(2, CUSTOMER_HZ + 200);

    await transferTo(agent, active, 'Supervised', '1002');
    const atBen = softphone(ben).locator('[data-id="incoming"]');
    await atBen.waitFor({ timeout: 15_000 });
    await button(atBen, 'answer').click();
    await softphone(ben).locator('[data-id="active-call"]').waitFor({ timeout: 10_000 });

    expect(await settled(() => melodyLevel(customer), heard)).toBeGreaterThan(AUDIBLE_DB);
    expect(await settled(() => levelAt(customer, AGENT_HZ), silent)).toBeLessThan(AUDIBLE_DB - MARGIN_DB);
    const music = await melodyLevel(customer);
    expect(await settled(() => levelAt(ben, AGENT_HZ), heard)).toBeGreaterThan(AUDIBLE_DB);
    // Only the codec's overtones of the agent's voice near the notes: far below the music.
    expect(await melodyLevel(ben)).toBeLessThan(music - MARGIN_DB);
    await shot(utilityPanel(agent), 'hold-music-consultation');
  });

  test("an admin's own recording plays on hold; one that cannot be loaded falls back to the melody with a warning", async () => {
    await saveAdminSettings({ holdMusicResource: 'Lobby_Music' });
    const { agent, customer, active } = await talking();
    await agent.route('**/resources/Lobby_Music', (route) =>
      route.fulfill({ status: 200, contentType: 'audio/wav', body: toneWav(RECORDING_HZ) }),
    );
    await hold(active);
    const recording = await settled(() => levelAt(customer, RECORDING_HZ), heard);
    expect(recording).toBeGreaterThan(AUDIBLE_DB);
    expect(await melodyLevel(customer)).toBeLessThan(recording - MARGIN_DB);
    await button(active, 'resume').click();
    await button(active, 'hangup').click();
    await customerState(customer, 'idle');
    // The next agent page registers afresh: this one must not ring too.
    await agent.context().close();
    await customer.context().close();

    await saveAdminSettings({ holdMusicResource: 'Missing_Music' });
    const again = await talking();
    const warnings: string[] = [];
    again.agent.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await hold(again.active);
    expect(await settled(() => melodyLevel(again.customer), heard)).toBeGreaterThan(AUDIBLE_DB);
    expect(warnings.join('\n')).toMatch(/hold music recording .*Missing_Music.* built-in melody/);
  });

  test('with hold music turned off by the admin, the held party hears silence', async () => {
    await setHoldMusic(false);
    const { agent, customer, active } = await talking();
    await hold(active);
    await agent.waitForTimeout(1000);
    expect(await settled(() => levelAt(customer, AGENT_HZ), silent)).toBeLessThan(AUDIBLE_DB - MARGIN_DB);
    expect(await melodyLevel(customer)).toBeLessThan(AUDIBLE_DB - MARGIN_DB);
  });
});
