// The agent's device choice, kept in the browser (device ids are per browser and site, so the org is the
// wrong place for them). A missing, foreign or corrupt entry reads as the system defaults.
import { SYSTEM_DEFAULT_DEVICES, type AudioDeviceChoice } from './audio-device-choice';

export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

const MAX_ID = 512;
const KEYS = Object.keys(SYSTEM_DEFAULT_DEVICES) as (keyof AudioDeviceChoice)[];

function deviceId(value: unknown): string {
  return typeof value === 'string' && value.length <= MAX_ID ? value : '';
}

export class AudioDevicePreferences {
  constructor(
    private readonly storage: PreferenceStorage | undefined,
    private readonly key = 'softphone.audioDevices',
  ) {}

  load(): AudioDeviceChoice {
    let raw: unknown;
    try {
      raw = JSON.parse(this.storage?.getItem(this.key) ?? 'null');
    } catch {
      raw = null;
    }
    const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const choice = { ...SYSTEM_DEFAULT_DEVICES };
    for (const key of KEYS) choice[key] = deviceId(stored[key]);
    return choice;
  }

  /** Keeps the choice; storage that is full or refused keeps it for this page only (returns false). */
  save(choice: AudioDeviceChoice): boolean {
    try {
      this.storage?.setItem(this.key, JSON.stringify(choice));
      return this.storage !== undefined;
    } catch {
      return false;
    }
  }
}
