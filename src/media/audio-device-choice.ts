/** The agent's chosen devices by deviceId; '' is the system default. */
export interface AudioDeviceChoice {
  microphone: string;
  speaker: string;
  /** Where incoming calls ring: often the computer's speaker while the agent wears a headset. */
  ringer: string;
}

export const SYSTEM_DEFAULT_DEVICES: Readonly<AudioDeviceChoice> = Object.freeze({
  microphone: '',
  speaker: '',
  ringer: '',
});
