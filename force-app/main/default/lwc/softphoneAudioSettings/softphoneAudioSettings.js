import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/softphoneLabels';

function options(devices, chosen) {
  const list = [{ label: LABELS.audioSystemDefault, value: '' }];
  for (const device of devices || []) {
    if (device.deviceId && device.deviceId !== 'default')
      list.push({ label: device.label, value: device.deviceId });
  }
  // A chosen device that is unplugged still shows, so the agent sees what the phone falls back from.
  if (chosen && !list.some((option) => option.value === chosen)) list.push({ label: chosen, value: chosen });
  return list;
}

/**
 * The agent's microphone, speaker and ringer. Collapsed to one button; opening it asks the utility to list
 * the devices (`toggle`), each pick asks it to apply the choice (`choose`, detail `{ kind, deviceId }`).
 */
export default class SoftphoneAudioSettings extends LightningElement {
  /** `{ open, loading, inputs, outputs, choice }` from the utility; absent until the panel is opened. */
  @api audio;
  labels = LABELS;

  get isOpen() {
    return this.audio?.open === true;
  }

  get isLoading() {
    return this.audio?.loading === true;
  }

  get expanded() {
    return String(this.isOpen);
  }

  get microphoneOptions() {
    return options(this.audio?.inputs, this.audio?.choice?.microphone);
  }

  get outputOptions() {
    return options(this.audio?.outputs, this.audio?.choice?.speaker);
  }

  get ringerOptions() {
    return options(this.audio?.outputs, this.audio?.choice?.ringer);
  }

  get choice() {
    return this.audio?.choice || { microphone: '', speaker: '', ringer: '' };
  }

  handleToggle() {
    this.dispatchEvent(new CustomEvent('toggle', { detail: { open: !this.isOpen } }));
  }

  handleChange(event) {
    const kind = event.currentTarget.dataset.kind;
    this.dispatchEvent(new CustomEvent('choose', { detail: { kind, deviceId: event.detail.value } }));
  }
}
