// The agent's audio devices, in the workbench with Chromium's fake devices ("Fake Audio Input 1/2",
// "Fake Audio Output 1/2"): the choice made in the softphone's audio settings is what the browser is asked
// for (getUserMedia, RTCRtpSender.replaceTrack and setSinkId, recorded by wrapping those platform APIs in
// the agent page), and the customer keeps hearing the agent across a microphone switch mid-call.
import type { Locator, Page } from 'playwright-core';
import {
  button,
  call,
  customerPage,
  customerState,
  open,
  receivedLoudness,
  softphone,
  until,
  useJourneys,
  utilityButton,
} from '../support/journeys';

useJourneys();

interface Recorded {
  getUserMedia: unknown[];
  replaceTrack: string[];
  setSinkId: { id: string; stream: string | null }[];
}

/** Wraps the platform APIs the choice must reach, recording their arguments on window.__recorded. */
function recordPlatformCalls(): void {
  const recorded: Recorded = { getUserMedia: [], replaceTrack: [], setSinkId: [] };
  Object.assign(window, { __recorded: recorded });
  const devices = navigator.mediaDevices;
  const getUserMedia = devices.getUserMedia.bind(devices);
  devices.getUserMedia = (constraints) => {
    recorded.getUserMedia.push(constraints?.audio);
    return getUserMedia(constraints);
  };
  const replaceTrack = RTCRtpSender.prototype.replaceTrack;
  RTCRtpSender.prototype.replaceTrack = function (track) {
    recorded.replaceTrack.push(track?.label ?? '');
    return replaceTrack.call(this, track);
  };
  const setSinkId = HTMLMediaElement.prototype.setSinkId;
  HTMLMediaElement.prototype.setSinkId = function (id) {
    const stream = this.srcObject instanceof MediaStream ? this.srcObject.id : null;
    recorded.setSinkId.push({ id, stream });
    return setSinkId.call(this, id);
  };
}

const recorded = (agent: Page) =>
  agent.evaluate(() => (window as unknown as { __recorded: Recorded }).__recorded);

/** The fake device named `label` (deviceIds are per page origin, so they are read in the page). */
function deviceId(page: Page, kind: MediaDeviceKind, label: string): Promise<string> {
  return page.evaluate(
    async ([k, l]) => {
      const all = await navigator.mediaDevices.enumerateDevices();
      const found = all.find((d) => d.kind === k && d.label === l);
      if (!found) throw new Error(`no ${k} named ${l}: ${all.map((d) => d.label).join(', ')}`);
      return found.deviceId;
    },
    [kind, label] as const,
  );
}

async function choose(settings: Locator, kind: string, label: string): Promise<void> {
  await settings.locator(`[data-id="${kind}"] button`).click();
  await settings.locator(`[data-id="${kind}"]`).getByRole('option', { name: label }).click();
}

describe('audio devices', () => {
  test("calls use the agent's chosen microphone and speaker, ring on the chosen ringer, and a microphone switch mid-call reaches the customer", async () => {
    const agent = await open('/agent.html?agent=1', undefined, recordPlatformCalls);
    await agent.locator('body[data-shell-ready="true"]').waitFor();
    await utilityButton(agent).click();
    // The page may list devices once it may use the microphone.
    await agent.evaluate(async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      stream.getTracks().forEach((t) => t.stop());
      (window as unknown as { __recorded: Recorded }).__recorded.getUserMedia.length = 0;
    });
    const [input1, input2, output1, output2] = await Promise.all([
      deviceId(agent, 'audioinput', 'Fake Audio Input 1'),
      deviceId(agent, 'audioinput', 'Fake Audio Input 2'),
      deviceId(agent, 'audiooutput', 'Fake Audio Output 1'),
      deviceId(agent, 'audiooutput', 'Fake Audio Output 2'),
    ]);

    const phone = softphone(agent);
    await button(phone, 'audio-settings-toggle').click();
    const settings = phone.locator('[data-id="audio-settings"]');
    await settings.locator('[data-id="microphone"]').waitFor({ timeout: 10_000 });
    await choose(settings, 'microphone', 'Fake Audio Input 1');
    await choose(settings, 'speaker', 'Fake Audio Output 1');
    await choose(settings, 'ringer', 'Fake Audio Output 2');
    await until('the speaker choice to reach setSinkId', async () =>
      (await recorded(agent)).setSinkId.some((call) => call.id === output1),
    );

    const customer = await customerPage('4155550101');
    await call(customer, '1001');
    const incoming = phone.locator('[data-id="incoming"]');
    await incoming.waitFor({ timeout: 15_000 });
    // The ring plays on the ringer, not on the speaker.
    await until('the ring on the chosen ringer', async () =>
      (await recorded(agent)).setSinkId.some((call) => call.id === output2 && call.stream !== null),
    );

    await button(incoming, 'answer').click();
    await phone.locator('[data-id="active-call"]').waitFor({ timeout: 10_000 });
    await customerState(customer, 'connected');
    const opened = (await recorded(agent)).getUserMedia;
    expect(opened).toContainEqual({ deviceId: { exact: input1 } });
    expect(opened).not.toContainEqual(true);
    expect(await receivedLoudness(customer)).toBeGreaterThan(1e-4);

    // The settings stay reachable during the call; the new microphone replaces the old on the live call.
    await choose(settings, 'microphone', 'Fake Audio Input 2');
    await until('the live call to send the new microphone', async () =>
      (await recorded(agent)).replaceTrack.includes('Fake Audio Input 2'),
    );
    expect((await recorded(agent)).getUserMedia).toContainEqual({ deviceId: { exact: input2 } });
    expect(await receivedLoudness(customer)).toBeGreaterThan(1e-4);

    // The choice is the agent's: a new page of the softphone opens with it.
    await agent.reload();
    await agent.locator('body[data-shell-ready="true"]').waitFor();
    await utilityButton(agent).click();
    await button(softphone(agent), 'audio-settings-toggle').click();
    const again = softphone(agent).locator('[data-id="audio-settings"] [data-id="microphone"]');
    await again.waitFor({ timeout: 10_000 });
    await expect(again.locator('button').textContent()).resolves.toContain('Fake Audio Input 2');
  });
});
