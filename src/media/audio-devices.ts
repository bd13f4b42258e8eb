// Choosing the agent's microphone and speaker: list them, and send an audio element to a chosen output
// (setSinkId, which not every browser has: a typed error says so instead of failing silently).
import type { AudioDevice } from './audio-device';
import { MediaError } from './media-errors';

type DeviceLister = Pick<MediaDevices, 'enumerateDevices'>;

function defaultDevices(): DeviceLister | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
}

/** The audio inputs and outputs of this computer. */
export async function listAudioDevices(
  devices: DeviceLister | undefined = defaultDevices(),
): Promise<{ inputs: AudioDevice[]; outputs: AudioDevice[] }> {
  if (typeof devices?.enumerateDevices !== 'function') {
    throw new MediaError(
      'device-selection-unsupported',
      'This browser cannot list microphones and speakers. Use a current Chrome, Edge or Firefox.',
    );
  }
  const all = await devices.enumerateDevices();
  const audio = (kind: AudioDevice['kind']) =>
    all
      .filter((d) => d.kind === kind)
      .map((d, i): AudioDevice => ({
        deviceId: d.deviceId,
        label: d.label || `${kind === 'audioinput' ? 'Microphone' : 'Speaker'} ${i + 1}`,
        kind,
      }));
  return { inputs: audio('audioinput'), outputs: audio('audiooutput') };
}

/** Plays `element` on the output `deviceId` ('' = the system default). */
export async function setAudioOutput(element: HTMLMediaElement, deviceId: string): Promise<void> {
  const sink = element as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  if (typeof sink.setSinkId !== 'function') {
    throw new MediaError(
      'output-selection-unsupported',
      'This browser cannot choose the speaker; calls play on the system default. Change it in the system settings.',
    );
  }
  try {
    await sink.setSinkId(deviceId);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      throw new MediaError(
        'device-not-allowed',
        'The browser did not allow choosing this speaker. Allow the microphone for this site, then try again.',
      );
    }
    throw new MediaError(
      'device-not-found',
      'That speaker is no longer connected. Choose another one in the settings.',
    );
  }
}
