import { createElement } from 'lwc';
import axe from 'axe-core';

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneAudioSettings = require('c/softphoneAudioSettings').default;

const devices = {
  open: true,
  loading: false,
  inputs: [
    { deviceId: 'default', label: 'Default - Built-in microphone', kind: 'audioinput' },
    { deviceId: 'mic-2', label: 'Headset microphone', kind: 'audioinput' },
  ],
  outputs: [
    { deviceId: 'default', label: 'Default - Speakers', kind: 'audiooutput' },
    { deviceId: 'spk-2', label: 'Headset', kind: 'audiooutput' },
  ],
  choice: { microphone: 'mic-2', speaker: '', ringer: 'spk-gone' },
};

describe('c-softphone-audio-settings', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(audio) {
    const element = createElement('c-softphone-audio-settings', { is: SoftphoneAudioSettings });
    element.audio = audio;
    document.body.appendChild(element);
    const events = [];
    element.addEventListener('toggle', (event) => events.push(['toggle', event.detail]));
    element.addEventListener('choose', (event) => events.push(['choose', event.detail]));
    return { element, events };
  }

  const $ = (element, selector) => element.shadowRoot.querySelector(selector);

  it('is one collapsed button that asks to open the settings', () => {
    const { element, events } = createComponent(undefined);

    const toggle = $(element, '[data-id="audio-settings-toggle"]');
    expect(toggle.label).toBe('Audio settings');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect($(element, '[data-id="audio-settings"]')).toBeNull();
    toggle.click();
    expect(events).toEqual([['toggle', { open: true }]]);
  });

  it('says it is looking while the devices are listed', () => {
    const { element } = createComponent({ open: true, loading: true });

    expect($(element, '[data-id="audio-loading"]').textContent).toBe('Looking for microphones and speakers…');
    expect($(element, '[data-id="microphone"]')).toBeNull();
  });

  it("offers the system default and each device, showing the agent's choice", () => {
    const { element } = createComponent(devices);

    const microphone = $(element, '[data-id="microphone"]');
    expect(microphone.label).toBe('Microphone');
    expect(microphone.value).toBe('mic-2');
    expect(microphone.options).toEqual([
      { label: 'System default', value: '' },
      { label: 'Headset microphone', value: 'mic-2' },
    ]);
    expect($(element, '[data-id="speaker"]').value).toBe('');
    expect($(element, '[data-id="speaker"]').label).toBe('Speaker for calls');
    // An unplugged ringer stays listed, so the agent sees what the phone fell back from.
    expect($(element, '[data-id="ringer"]').options.map((o) => o.value)).toEqual(['', 'spk-2', 'spk-gone']);
    expect($(element, '[data-id="audio-settings-toggle"]').getAttribute('aria-expanded')).toBe('true');
  });

  it.each([
    ['microphone', 'mic-2'],
    ['speaker', 'spk-2'],
    ['ringer', ''],
  ])('asks to use the %s the agent picks', (kind, deviceId) => {
    const { element, events } = createComponent(devices);

    $(element, `[data-id="${kind}"]`).dispatchEvent(
      new CustomEvent('change', { detail: { value: deviceId } }),
    );

    expect(events).toEqual([['choose', { kind, deviceId }]]);
  });

  it.each([
    ['closed', undefined],
    ['open', devices],
  ])('is accessible %s', async (_, audio) => {
    const { element } = createComponent(audio);
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
